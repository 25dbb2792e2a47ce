package org.coopera.identity.internal;

/**
 * A request about an account that cannot be carried out. Carries a message key (in the identity
 * bundle) and the form field it concerns, so the page can show it beside that field.
 */
public class AccountException extends RuntimeException
    implements org.springframework.context.MessageSourceResolvable {

  private final String messageKey;
  private final String field;
  private final transient Object[] arguments;

  public AccountException(String messageKey, String field, Object... arguments) {
    super(messageKey);
    this.messageKey = messageKey;
    this.field = field;
    this.arguments = arguments.clone();
  }

  public String messageKey() {
    return messageKey;
  }

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
