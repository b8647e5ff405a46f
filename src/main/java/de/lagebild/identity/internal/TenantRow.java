package de.lagebild.identity.internal;

import de.lagebild.platform.TenantId;
import java.util.UUID;

record TenantRow(
    UUID id, String slug, String name, TenantKind kind, String officialKey, boolean publicVisible, boolean hasLogo,
    int version) {

  TenantId tenantId() {
    return new TenantId(id);
  }
}
