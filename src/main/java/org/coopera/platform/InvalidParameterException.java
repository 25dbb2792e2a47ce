package org.coopera.platform;

/**
 * A request parameter with a value the application cannot use. Answered 400 (a Problem Details body
 * naming the parameter on the API, the error page on HTML).
 */
public class InvalidParameterException extends RuntimeException {

  private final String parameter;
  private final String messageKey;
  private final transient Object[] arguments;

  public InvalidParameterException(String parameter, String messageKey, Object... arguments) {
    super("Invalid value for parameter '" + parameter + "'");
    this.parameter = parameter;
    this.messageKey = messageKey;
    this.arguments = arguments.clone();
  }

  public String parameter() {
    return parameter;
  }

  public String messageKey() {
    return messageKey;
  }

  public Object[] arguments() {
    return arguments.clone();
  }
}
