package de.lagebild.identity.internal.tenants;

import de.lagebild.platform.TenantId;
import java.util.UUID;

public record TenantRow(
    UUID id,
    String slug,
    String name,
    TenantKind kind,
    String officialKey,
    boolean publicVisible,
    boolean hasLogo,
    int version) {

  public TenantId tenantId() {
    return new TenantId(id);
  }
}
