package de.lagebild.platform;

/** The thing does not exist in the current tenant (or the user may not know that it exists). */
public class NotFoundException extends DomainException {
  public NotFoundException() {
    super("error.notFound");
  }

  protected NotFoundException(String messageKey) {
    super(messageKey);
  }
}
