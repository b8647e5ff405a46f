package de.lagebild.identity;

import de.lagebild.platform.Role;
import de.lagebild.platform.TenantAccess;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Read access to tenants and to the tenants of a user, for navigation and start pages. */
public interface TenantDirectory {

  List<TenantSummary> publicTenants();

  Optional<TenantSummary> find(String slug);

  List<TenantMembership> tenantsOf(UUID userId);

  /** A member of the current tenant, as other modules see it. */
  record Member(UUID userId, String username, String displayName, String email, Role role) {}

  /** The members of the current tenant with {@code role}. */
  List<Member> members(Role role);

  /** The id of the user with this login name, if there is one. */
  Optional<UUID> userId(String username);

  /**
   * Access as the system (administrator rights) to a tenant, for start-up loaders and background
   * jobs.
   */
  Optional<TenantAccess> systemAccess(String slug);

  /** The slugs of every tenant, public or not, for background work that visits each tenant. */
  List<String> allSlugs();
}
