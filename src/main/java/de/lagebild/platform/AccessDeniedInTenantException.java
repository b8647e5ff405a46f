package de.lagebild.platform;

/** The user is logged in but has no role in this tenant that allows the request. */
public class AccessDeniedInTenantException extends DomainException {
  public AccessDeniedInTenantException() {
    super("error.forbidden");
  }
}
