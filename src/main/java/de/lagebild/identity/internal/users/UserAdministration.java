package de.lagebild.identity.internal.users;

import de.lagebild.identity.TenantMembership;
import de.lagebild.identity.internal.store.Snapshot;
import de.lagebild.identity.internal.tenants.TenantRepository;
import de.lagebild.identity.internal.units.UnitRepository;
import de.lagebild.platform.AuditLog;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.NotFoundException;
import de.lagebild.platform.Role;
import de.lagebild.platform.TenantAccess;
import de.lagebild.platform.TenantContext;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases around accounts and their memberships in the current tenant. */
@Service
public class UserAdministration {

  public static final int MIN_PASSWORD_LENGTH = 10;

  private final UserRepository users;
  private final MembershipRepository memberships;
  private final UnitRepository units;
  private final PasswordEncoder passwords;
  private final AuditLog audit;
  private final Clock clock;
  private final TenantRepository tenants;

  UserAdministration(
      UserRepository users,
      MembershipRepository memberships,
      UnitRepository units,
      PasswordEncoder passwords,
      AuditLog audit,
      Clock clock,
      TenantRepository tenants) {
    this.tenants = tenants;
    this.users = users;
    this.memberships = memberships;
    this.units = units;
    this.passwords = passwords;
    this.audit = audit;
    this.clock = clock;
  }

  record NewAccount(
      String username,
      String email,
      String displayName,
      String password,
      Role role,
      Set<UUID> units) {}

  /** Creates a new account and makes it a member of the current tenant. */
  @Transactional
  UUID createAccount(NewAccount a) {
    if (users.usernameExists(a.username())) {
      throw new DomainException("user.usernameTaken", a.username());
    }
    if (users.emailExists(a.email(), null)) {
      throw new DomainException("user.emailTaken", a.email());
    }
    checkPassword(a.password());
    Set<UUID> unitIds = checkUnits(a.role(), a.units());
    UUID userId = UUID.randomUUID();
    users.insert(
        new UserRow(
            userId,
            a.username(),
            a.email(),
            a.displayName(),
            passwords.encode(a.password()),
            false,
            true,
            0),
        clock.instant());
    UUID membershipId = UUID.randomUUID();
    memberships.insert(membershipId, userId, a.role(), unitIds, clock.instant());
    audit.record(
        "CREATE",
        "User",
        userId,
        "Benutzer angelegt: " + a.username(),
        null,
        Snapshot.of("username", UserRepository.normalize(a.username()))
            .and("email", UserRepository.normalize(a.email()))
            .and("displayName", a.displayName())
            .and("role", a.role())
            .and("units", unitNames(unitIds))
            .map());
    return userId;
  }

  /**
   * Adds an existing account (identified by user name and e-mail, both must match) to the current
   * tenant.
   */
  @Transactional
  UUID addExisting(String username, String email, Role role, Set<UUID> unitIds) {
    UserRow user =
        users
            .findByUsername(username)
            .filter(u -> u.email().equals(UserRepository.normalize(email)))
            .orElseThrow(() -> new DomainException("user.existingNotFound"));
    if (memberships.find(user.id()).isPresent()) {
      throw new DomainException("user.alreadyMember", user.username());
    }
    Set<UUID> checked = checkUnits(role, unitIds);
    memberships.insert(UUID.randomUUID(), user.id(), role, checked, clock.instant());
    audit.record(
        "CREATE",
        "Membership",
        user.id(),
        "Bestehendes Konto hinzugefügt: " + user.username(),
        null,
        Snapshot.of("username", user.username())
            .and("role", role)
            .and("units", unitNames(checked))
            .map());
    return user.id();
  }

  @Transactional
  void updateMembership(UUID membershipId, Role role, Set<UUID> unitIds, int version) {
    MemberRow before = memberships.findById(membershipId).orElseThrow(NotFoundException::new);
    Set<UUID> checked = checkUnits(role, unitIds);
    if (before.role() == Role.ADMIN
        && role != Role.ADMIN
        && memberships.countWithRole(Role.ADMIN) <= 1) {
      throw new DomainException("user.lastAdmin");
    }
    memberships.update(membershipId, role, checked, version);
    audit.record(
        "UPDATE",
        "Membership",
        before.userId(),
        "Rolle/Einheiten geändert: " + before.username(),
        Snapshot.of("role", before.role()).and("units", unitNames(before.unitIds())).map(),
        Snapshot.of("role", role).and("units", unitNames(checked)).map());
  }

  @Transactional
  void removeMembership(UUID membershipId) {
    MemberRow before = memberships.findById(membershipId).orElseThrow(NotFoundException::new);
    if (before.role() == Role.ADMIN && memberships.countWithRole(Role.ADMIN) <= 1) {
      throw new DomainException("user.lastAdmin");
    }
    memberships.delete(membershipId);
    audit.record(
        "DELETE",
        "Membership",
        before.userId(),
        "Aus dem Mandanten entfernt: " + before.username(),
        Snapshot.of("username", before.username()).and("role", before.role()).map(),
        null);
  }

  /** A user changes their own password; the current one must be given. */
  @Transactional
  void changePassword(UUID userId, String current, String next) {
    UserRow user = users.findById(userId).orElseThrow(NotFoundException::new);
    if (user.passwordHash() == null || !passwords.matches(current, user.passwordHash())) {
      throw new DomainException("profile.wrongPassword");
    }
    checkPassword(next);
    users.updatePassword(userId, passwords.encode(next));
    // an account spans tenants: each tenant's log shows the change of a member's password (never
    // the password)
    for (TenantMembership m : memberships.tenantsOf(userId)) {
      tenants
          .findBySlug(m.slug())
          .ifPresent(
              t ->
                  TenantContext.runAs(
                      new TenantAccess(
                          t.tenantId(), t.slug(), t.name(), t.publicVisible(), m.role(), Set.of()),
                      () ->
                          audit.record(
                              "UPDATE",
                              "User",
                              userId,
                              "Passwort geändert: " + user.username(),
                              null,
                              null)));
    }
  }

  public static void checkPassword(String password) {
    if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
      throw new DomainException("user.passwordTooShort", MIN_PASSWORD_LENGTH);
    }
    if (password.length() > 200) {
      throw new DomainException("user.passwordTooLong");
    }
  }

  private Set<UUID> checkUnits(Role role, Set<UUID> unitIds) {
    Set<UUID> ids = unitIds == null ? Set.of() : unitIds;
    for (UUID id : ids) {
      units.findById(id).orElseThrow(NotFoundException::new);
    }
    if (role == Role.CONTRIBUTOR && ids.isEmpty()) {
      throw new DomainException("user.contributorNeedsUnit");
    }
    return role == Role.CONTRIBUTOR ? Set.copyOf(ids) : Set.of();
  }

  private String unitNames(Set<UUID> ids) {
    if (ids.isEmpty()) {
      return "";
    }
    Map<UUID, String> names =
        units.findAll().stream().collect(Collectors.toMap(u -> u.id(), u -> u.name()));
    return ids.stream().map(names::get).sorted().collect(Collectors.joining(", "));
  }
}
