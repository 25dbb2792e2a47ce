package org.coopera.identity.internal;

import org.coopera.platform.InvalidInputException;

/**
 * A request about an account that cannot be carried out; its message key is in the identity bundle.
 */
public class AccountException extends InvalidInputException {

  public AccountException(String messageKey, String field, Object... arguments) {
    super(messageKey, field, arguments);
  }
}
