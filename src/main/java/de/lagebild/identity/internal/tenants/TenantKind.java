package de.lagebild.identity.internal.tenants;

/** What kind of territorial body a tenant is. */
public enum TenantKind {
  LANDKREIS,
  KREISFREIE_STADT,
  LAND,
  SONSTIGE;

  public String labelKey() {
    return "tenantKind." + name();
  }
}
