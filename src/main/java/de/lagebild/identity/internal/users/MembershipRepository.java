package de.lagebild.identity.internal.users;

import de.lagebild.identity.TenantMembership;
import de.lagebild.identity.internal.store.IdentityTables.Membership;
import de.lagebild.identity.internal.store.IdentityTables.MembershipUnit;
import de.lagebild.identity.internal.store.IdentityTables.Tenant;
import de.lagebild.identity.internal.store.IdentityTables.User;
import de.lagebild.identity.internal.tokens.ApiTokens;
import de.lagebild.platform.ConcurrentEditException;
import de.lagebild.platform.Role;
import de.lagebild.platform.TenantScope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
public class MembershipRepository {

  private final TenantScope scope;

  MembershipRepository(TenantScope scope) {
    this.scope = scope;
  }

  /**
   * The tenants a user may enter. The only read across tenants: it is about the user, not about a
   * tenant.
   */
  public List<TenantMembership> tenantsOf(UUID userId) {
    return scope
        .dsl()
        .select(Tenant.SLUG, Tenant.NAME, Membership.ROLE)
        .from(scope.acrossTenants(Membership.T))
        .join(Tenant.T)
        .on(Tenant.ID.eq(Membership.TENANT_ID))
        .where(Membership.USER_ID.eq(userId))
        .orderBy(Tenant.NAME)
        .fetch(
            r ->
                new TenantMembership(
                    r.get(Tenant.SLUG), r.get(Tenant.NAME), Role.valueOf(r.get(Membership.ROLE))));
  }

  /**
   * The owner of an API token, found by the token's hash across tenants (a token names its tenant),
   * if the token is not revoked. Also part of "which tenant may this user enter".
   */
  public Optional<ApiTokens.Owner> tokenOwner(String hash) {
    return scope
        .dsl()
        .select(ApiTokens.ID, ApiTokens.TENANT_ID, ApiTokens.USER_ID)
        .from(scope.acrossTenants(ApiTokens.T))
        .where(ApiTokens.HASH.eq(hash).and(ApiTokens.REVOKED_AT.isNull()))
        .fetchOptional(
            r ->
                new ApiTokens.Owner(
                    r.get(ApiTokens.ID), r.get(ApiTokens.TENANT_ID), r.get(ApiTokens.USER_ID)));
  }

  /** The user's membership in the current tenant. */
  public Optional<MemberRow> find(UUID userId) {
    return members(Membership.USER_ID.eq(userId)).stream().findFirst();
  }

  Optional<MemberRow> findById(UUID membershipId) {
    return members(Membership.ID.eq(membershipId)).stream().findFirst();
  }

  public List<MemberRow> findAll() {
    return members(DSL.noCondition());
  }

  int countWithRole(Role role) {
    return scope.dsl().fetchCount(scope.table(Membership.T), Membership.ROLE.eq(role.name()));
  }

  public void insert(UUID membershipId, UUID userId, Role role, Set<UUID> units, Instant now) {
    scope
        .insertInto(Membership.T)
        .set(Membership.ID, membershipId)
        .set(Membership.USER_ID, userId)
        .set(Membership.ROLE, role.name())
        .set(Membership.VERSION, 0)
        .set(Membership.CREATED_AT, now)
        .execute();
    insertUnits(membershipId, units);
  }

  void update(UUID membershipId, Role role, Set<UUID> units, int expectedVersion) {
    int n =
        scope
            .update(Membership.T)
            .set(Membership.ROLE, role.name())
            .set(Membership.VERSION, expectedVersion + 1)
            .where(Membership.ID.eq(membershipId).and(Membership.VERSION.eq(expectedVersion)))
            .execute();
    if (n != 1) {
      throw new ConcurrentEditException("Mitgliedschaft");
    }
    scope
        .deleteFrom(MembershipUnit.T)
        .where(MembershipUnit.MEMBERSHIP_ID.eq(membershipId))
        .execute();
    insertUnits(membershipId, units);
  }

  void delete(UUID membershipId) {
    scope
        .deleteFrom(MembershipUnit.T)
        .where(MembershipUnit.MEMBERSHIP_ID.eq(membershipId))
        .execute();
    scope.deleteFrom(Membership.T).where(Membership.ID.eq(membershipId)).execute();
  }

  private void insertUnits(UUID membershipId, Set<UUID> units) {
    for (UUID unit : units) {
      scope
          .insertInto(MembershipUnit.T)
          .set(MembershipUnit.MEMBERSHIP_ID, membershipId)
          .set(MembershipUnit.UNIT_ID, unit)
          .execute();
    }
  }

  /**
   * Two statements whatever the number of members: members with their user, then all their unit
   * links.
   */
  private List<MemberRow> members(Condition condition) {
    List<Record> rows =
        scope
            .dsl()
            .select(
                Membership.ID,
                Membership.USER_ID,
                Membership.ROLE,
                Membership.VERSION,
                User.USERNAME,
                User.EMAIL,
                User.DISPLAY_NAME)
            .from(scope.table(Membership.T))
            .join(User.T)
            .on(User.ID.eq(Membership.USER_ID))
            .where(condition)
            .orderBy(User.DISPLAY_NAME)
            .fetch()
            .stream()
            .map(r -> (Record) r)
            .toList();
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<UUID, Set<UUID>> units = new HashMap<>();
    scope
        .dsl()
        .select(MembershipUnit.MEMBERSHIP_ID, MembershipUnit.UNIT_ID)
        .from(scope.table(MembershipUnit.T))
        .where(
            MembershipUnit.MEMBERSHIP_ID.in(rows.stream().map(r -> r.get(Membership.ID)).toList()))
        .forEach(r -> units.computeIfAbsent(r.value1(), k -> new HashSet<>()).add(r.value2()));
    List<MemberRow> result = new ArrayList<>();
    for (Record r : rows) {
      UUID id = r.get(Membership.ID);
      result.add(
          new MemberRow(
              id,
              r.get(Membership.USER_ID),
              r.get(User.USERNAME),
              r.get(User.EMAIL),
              r.get(User.DISPLAY_NAME),
              Role.valueOf(r.get(Membership.ROLE)),
              units.getOrDefault(id, Set.of()),
              r.get(Membership.VERSION)));
    }
    return result;
  }
}
