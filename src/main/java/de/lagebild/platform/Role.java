package de.lagebild.platform;

/**
 * A user's role within one tenant. Public visitors have no role; the platform administrator is a
 * flag on the user.
 */
public enum Role {
  ADMIN,
  COORDINATOR,
  CONTRIBUTOR,
  READER,
  PROVIDER;

  /** Message key of the German label. */
  public String labelKey() {
    return "role." + name();
  }
}
