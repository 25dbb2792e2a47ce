package org.coopera.assistance.web.projects;

import org.coopera.assistance.projects.ProjectRefused;
import org.coopera.assistance.projects.StaleEdit;
import org.coopera.platform.InvalidInputException;

/**
 * Why a form of the assistance pages was refused, as a message key and its arguments, and the
 * status the page answers with: 400 for bad input, 409 for a broken rule or a stale edit.
 */
public record Refusal(String key, Object[] args, int status) {

  /** The refusal for one of the exceptions the services throw, or null for any other. */
  public static Refusal of(RuntimeException e) {
    if (e instanceof InvalidInputException invalid) {
      return new Refusal(invalid.messageKey(), invalid.arguments(), 400);
    }
    if (e instanceof ProjectRefused refused) {
      return new Refusal(refused.messageKey(), new Object[0], 409);
    }
    if (e instanceof StaleEdit) {
      return new Refusal("projects.error.stale", new Object[0], 409);
    }
    return null;
  }
}
