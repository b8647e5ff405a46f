package de.lagebild.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Read access to tenants and to the tenants of a user, for navigation and start pages. */
public interface TenantDirectory {

  List<TenantSummary> publicTenants();

  Optional<TenantSummary> find(String slug);

  List<TenantMembership> tenantsOf(UUID userId);

  /** Access as the system (administrator rights) to a tenant, for start-up loaders and background jobs. */
  Optional<de.lagebild.platform.TenantAccess> systemAccess(String slug);
}
