package org.coopera.platform;

import org.springframework.context.MessageSourceResolvable;

/**
 * Input a person entered that cannot be accepted. Carries a message key and its arguments (so the
 * page says why in the person's language) and the form field it concerns (so the page can show the
 * message beside that field). Nothing is written when it is thrown.
 */
public class InvalidInputException extends RuntimeException implements MessageSourceResolvable {

  private final String messageKey;
  private final String field;
  private final transient Object[] arguments;

  public InvalidInputException(String messageKey, String field, Object... arguments) {
    super(messageKey);
    this.messageKey = messageKey;
    this.field = field;
    this.arguments = arguments.clone();
  }

  public String messageKey() {
    return messageKey;
  }

  /** The form field concerned, or null when the whole form is. */
  public String field() {
    return field;
  }

  public Object[] arguments() {
    return arguments.clone();
  }

  @Override
  public String[] getCodes() {
    return new String[] {messageKey};
  }

  @Override
  public Object[] getArguments() {
    return arguments();
  }
}
