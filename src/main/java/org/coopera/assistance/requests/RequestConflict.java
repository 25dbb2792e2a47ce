package org.coopera.assistance.requests;

import org.springframework.context.MessageSourceResolvable;

/** A move the request's status does not allow (e.g. a change after the State withdrew consent). */
public class RequestConflict extends RuntimeException implements MessageSourceResolvable {

  private final String messageKey;

  public RequestConflict(String messageKey, AssistanceRequest.Status status) {
    super(messageKey + " (" + status + ")");
    this.messageKey = messageKey;
  }

  @Override
  public String[] getCodes() {
    return new String[] {messageKey};
  }
}
