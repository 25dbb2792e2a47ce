package org.coopera.assistance.requests;

import java.util.UUID;

/** No such request (or offer). */
public class RequestNotFound extends RuntimeException {

  public RequestNotFound(UUID id) {
    super("No assistance request or offer " + id);
  }
}
