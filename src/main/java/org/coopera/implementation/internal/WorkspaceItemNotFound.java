package org.coopera.implementation.internal;

import java.util.UUID;

/** No such assignment, action, indicator or update in this State's workspace. */
public class WorkspaceItemNotFound extends RuntimeException {
  public WorkspaceItemNotFound(UUID id) {
    super("Nothing " + id + " in this workspace");
  }
}
