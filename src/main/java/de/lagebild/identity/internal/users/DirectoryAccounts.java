package de.lagebild.identity.internal.users;

import de.lagebild.identity.TenantDirectory;
import de.lagebild.platform.AuditLog;
import de.lagebild.platform.Role;
import de.lagebild.platform.TenantContext;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The local account of a person who logs in with the district's directory (LDAP / Active
 * Directory): created at the first login (without a password – it cannot log in locally), with name
 * and e-mail from the directory, and its memberships in the tenants the group mapping names made to
 * follow the person's groups at every login: the highest mapped role, or no membership when no
 * group maps to the tenant any more. Tenants the mapping does not name are left to their
 * administrators. Every change of a membership is audited in its tenant.
 */
@Service
public class DirectoryAccounts {

  /** A group of the directory mapped to a role in a tenant. */
  public record Mapping(String group, String tenant, Role role) {}

  /** Highest first. */
  private static final List<Role> RANK =
      List.of(Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER, Role.PROVIDER);

  private final UserRepository users;
  private final MembershipRepository memberships;
  private final TenantDirectory tenants;
  private final AuditLog audit;
  private final Clock clock;

  DirectoryAccounts(
      UserRepository users,
      MembershipRepository memberships,
      TenantDirectory tenants,
      AuditLog audit,
      Clock clock) {
    this.users = users;
    this.memberships = memberships;
    this.tenants = tenants;
    this.audit = audit;
    this.clock = clock;
  }

  /** Creates or updates the account and its mapped memberships; returns the account. */
  @Transactional
  public UserRow sync(
      String username,
      String displayName,
      String email,
      Collection<String> groups,
      List<Mapping> mappings) {
    String name = displayName == null || displayName.isBlank() ? username : displayName;
    UserRow user =
        users
            .findByUsername(username)
            .orElseGet(
                () -> {
                  String mail =
                      email == null || email.isBlank() || users.emailExists(email, null)
                          ? username.toLowerCase(Locale.ROOT) + "@verzeichnis.invalid"
                          : email;
                  UserRow created =
                      new UserRow(UUID.randomUUID(), username, mail, name, null, false, true, 0);
                  users.insert(created, clock.instant());
                  return users.findByUsername(username).orElseThrow();
                });
    Set<String> mine =
        groups.stream()
            .map(g -> g.toLowerCase(Locale.ROOT))
            .collect(java.util.stream.Collectors.toSet());
    Map<String, List<Mapping>> byTenant =
        mappings.stream().collect(java.util.stream.Collectors.groupingBy(Mapping::tenant));
    for (Map.Entry<String, List<Mapping>> t : byTenant.entrySet()) {
      Optional<Role> wanted = highest(t.getValue(), mine);
      tenants
          .systemAccess(t.getKey())
          .ifPresent(access -> TenantContext.runAs(access, () -> follow(user, wanted)));
    }
    return user;
  }

  /** The highest role the person's groups map to in one tenant. */
  private static Optional<Role> highest(List<Mapping> tenantMappings, Set<String> groups) {
    return tenantMappings.stream()
        .filter(m -> groups.contains(m.group().toLowerCase(Locale.ROOT)))
        .map(Mapping::role)
        .min(java.util.Comparator.comparingInt(RANK::indexOf));
  }

  private void follow(UserRow user, Optional<Role> wanted) {
    Optional<MemberRow> existing = memberships.find(user.id());
    if (wanted.isEmpty()) {
      existing.ifPresent(
          m -> {
            memberships.delete(m.membershipId());
            audit.record(
                "DELETE",
                "Membership",
                m.membershipId(),
                user.username() + ": keine Gruppe des Verzeichnisses gibt mehr eine Rolle",
                Map.of("role", m.role().name()),
                Map.of());
          });
      return;
    }
    Role role = wanted.get();
    if (existing.isEmpty()) {
      UUID id = UUID.randomUUID();
      memberships.insert(id, user.id(), role, Set.of(), clock.instant());
      audit.record(
          "CREATE",
          "Membership",
          id,
          user.username() + " aus dem Verzeichnis: " + role.name(),
          Map.of(),
          Map.of("role", role.name(), "source", "Verzeichnis"));
    } else if (existing.get().role() != role) {
      MemberRow m = existing.get();
      memberships.update(m.membershipId(), role, m.unitIds(), m.version());
      audit.record(
          "UPDATE",
          "Membership",
          m.membershipId(),
          user.username() + " aus dem Verzeichnis: " + m.role().name() + " → " + role.name(),
          Map.of("role", m.role().name()),
          Map.of("role", role.name(), "source", "Verzeichnis"));
    }
  }
}
