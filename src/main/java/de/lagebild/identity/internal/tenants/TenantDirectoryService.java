package de.lagebild.identity.internal.tenants;

import de.lagebild.identity.TenantDirectory;
import de.lagebild.identity.TenantMembership;
import de.lagebild.identity.TenantSummary;
import de.lagebild.identity.internal.users.MembershipRepository;
import de.lagebild.identity.internal.users.UserRepository;
import de.lagebild.identity.internal.users.UserRow;
import de.lagebild.platform.Role;
import de.lagebild.platform.TenantAccess;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

@Service
class TenantDirectoryService implements TenantDirectory {

  private final TenantRepository tenants;
  private final MembershipRepository memberships;
  private final UserRepository users;

  TenantDirectoryService(
      TenantRepository tenants, MembershipRepository memberships, UserRepository users) {
    this.tenants = tenants;
    this.memberships = memberships;
    this.users = users;
  }

  @Override
  public List<Member> members(Role role) {
    return memberships.findAll().stream()
        .filter(m -> m.role() == role)
        .map(m -> new Member(m.userId(), m.username(), m.displayName(), m.email(), m.role()))
        .toList();
  }

  @Override
  public Optional<UUID> userId(String username) {
    return users.findByUsername(username).map(UserRow::id);
  }

  @Override
  public List<TenantSummary> publicTenants() {
    return tenants.findPublic().stream().map(TenantDirectoryService::summary).toList();
  }

  @Override
  public Optional<TenantSummary> find(String slug) {
    return tenants.findBySlug(slug).map(TenantDirectoryService::summary);
  }

  @Override
  public List<TenantMembership> tenantsOf(UUID userId) {
    return memberships.tenantsOf(userId);
  }

  @Override
  public Optional<TenantAccess> systemAccess(String slug) {
    return tenants
        .findBySlug(slug)
        .map(
            t ->
                new TenantAccess(
                    t.tenantId(), t.slug(), t.name(), t.publicVisible(), Role.ADMIN, Set.of()));
  }

  @Override
  public List<String> allSlugs() {
    return tenants.findAll().stream().map(TenantRow::slug).toList();
  }

  static TenantSummary summary(TenantRow t) {
    return new TenantSummary(
        t.slug(), t.name(), t.kind().labelKey(), t.officialKey(), t.hasLogo(), t.publicVisible());
  }
}
