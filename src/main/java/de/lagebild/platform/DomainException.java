package de.lagebild.platform;

/**
 * A rule of the domain was broken by the user's input. Carries a message key (German text in the
 * message bundle) and its arguments; never a stack trace for the user.
 */
public class DomainException extends RuntimeException {

  private final String messageKey;
  private final transient Object[] arguments;

  public DomainException(String messageKey, Object... arguments) {
    super(messageKey);
    this.messageKey = messageKey;
    this.arguments = arguments.clone();
  }

  public String messageKey() {
    return messageKey;
  }

  public Object[] arguments() {
    return arguments.clone();
  }
}
