package de.lagebild.platform;

import java.util.Set;
import java.util.UUID;

/**
 * The tenant a request works in, and what the current user may do there. {@code role} is null for
 * anonymous visitors of a public tenant and for platform administrators without a membership.
 */
public record TenantAccess(
    TenantId tenantId,
    String slug,
    String name,
    boolean publicVisible,
    Role role,
    Set<UUID> unitIds) {

  public TenantAccess {
    unitIds = Set.copyOf(unitIds);
  }

  public boolean hasRole(Role... roles) {
    for (Role r : roles) {
      if (r == role) {
        return true;
      }
    }
    return false;
  }

  public boolean isMember() {
    return role != null;
  }
}
