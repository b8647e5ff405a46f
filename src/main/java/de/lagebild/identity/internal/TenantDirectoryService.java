package de.lagebild.identity.internal;

import de.lagebild.identity.TenantDirectory;
import de.lagebild.identity.TenantMembership;
import de.lagebild.identity.TenantSummary;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

@Service
class TenantDirectoryService implements TenantDirectory {

  private final TenantRepository tenants;
  private final MembershipRepository memberships;

  TenantDirectoryService(TenantRepository tenants, MembershipRepository memberships) {
    this.tenants = tenants;
    this.memberships = memberships;
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
  public Optional<de.lagebild.platform.TenantAccess> systemAccess(String slug) {
    return tenants.findBySlug(slug).map(t -> new de.lagebild.platform.TenantAccess(t.tenantId(), t.slug(), t.name(),
        t.publicVisible(), de.lagebild.platform.Role.ADMIN, java.util.Set.of()));
  }

  static TenantSummary summary(TenantRow t) {
    return new TenantSummary(t.slug(), t.name(), t.kind().labelKey(), t.officialKey(), t.hasLogo(), t.publicVisible());
  }
}
