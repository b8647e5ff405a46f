package de.lagebild.identity.internal.demo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import de.lagebild.identity.SharedItem;
import de.lagebild.identity.internal.state.StatePlatform;
import de.lagebild.identity.internal.tenants.TenantAdministration;
import de.lagebild.identity.internal.tenants.TenantKind;
import de.lagebild.identity.internal.tenants.TenantRepository;
import de.lagebild.identity.internal.tenants.TenantRow;
import de.lagebild.identity.internal.tokens.ApiTokens;
import de.lagebild.identity.internal.units.UnitAdministration;
import de.lagebild.identity.internal.users.MembershipRepository;
import de.lagebild.identity.internal.users.UserRepository;
import de.lagebild.identity.internal.users.UserRow;
import de.lagebild.platform.Role;
import de.lagebild.platform.TenantAccess;
import de.lagebild.platform.TenantContext;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the demo tenants and accounts from {@code demo/tenants.json}. Idempotent: tenants and
 * accounts that exist are left as they are, so data entered in the demo survives a restart.
 */
@Service
public class DemoTenants {

  static final String DEMO_PASSWORD = "demo";
  private static final Logger log = LoggerFactory.getLogger(DemoTenants.class);

  record Account(
      String username,
      String displayName,
      String email,
      Role role,
      Boolean platformAdmin,
      List<String> units,
      String apiToken) {}

  record DemoTenant(
      String slug,
      String name,
      TenantKind kind,
      String officialKey,
      boolean publicVisible,
      List<String> units,
      List<Account> accounts,
      String state,
      List<SharedItem> shares) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record DemoFile(List<DemoTenant> tenants) {}

  private final TenantRepository tenants;
  private final UserRepository users;
  private final MembershipRepository memberships;
  private final TenantAdministration tenantAdministration;
  private final UnitAdministration units;
  private final PasswordEncoder passwords;
  private final ApiTokens apiTokens;
  private final JsonMapper json;
  private final Clock clock;
  private final StatePlatform statePlatform;

  DemoTenants(
      TenantRepository tenants,
      UserRepository users,
      MembershipRepository memberships,
      TenantAdministration tenantAdministration,
      UnitAdministration units,
      PasswordEncoder passwords,
      ApiTokens apiTokens,
      JsonMapper json,
      Clock clock,
      StatePlatform statePlatform) {
    this.statePlatform = statePlatform;
    this.tenants = tenants;
    this.users = users;
    this.memberships = memberships;
    this.tenantAdministration = tenantAdministration;
    this.units = units;
    this.passwords = passwords;
    this.apiTokens = apiTokens;
    this.json = json;
    this.clock = clock;
  }

  public DemoFile read() {
    try (InputStream in = new ClassPathResource("demo/tenants.json").getInputStream()) {
      return json.readValue(in, DemoFile.class);
    } catch (IOException e) {
      throw new IllegalStateException("demo/tenants.json unreadable", e);
    }
  }

  @Transactional
  public void load() {
    String hash = passwords.encode(DEMO_PASSWORD);
    for (DemoTenant t : read().tenants()) {
      TenantRow tenant =
          tenants
              .findBySlug(t.slug())
              .orElseGet(
                  () ->
                      tenantAdministration.create(
                          new TenantAdministration.NewTenant(
                              t.slug(), t.name(), t.kind(), t.officialKey(), t.publicVisible()),
                          null,
                          true));
      TenantAccess access =
          new TenantAccess(
              tenant.tenantId(),
              tenant.slug(),
              tenant.name(),
              tenant.publicVisible(),
              Role.ADMIN,
              Set.of());
      TenantContext.runAs(
          access,
          () -> {
            t.units().forEach(units::findOrCreate);
            for (Account a : t.accounts()) {
              UserRow user =
                  users
                      .findByUsername(a.username())
                      .orElseGet(
                          () -> {
                            UserRow created =
                                new UserRow(
                                    UUID.randomUUID(),
                                    a.username(),
                                    a.email(),
                                    a.displayName(),
                                    hash,
                                    Boolean.TRUE.equals(a.platformAdmin()),
                                    true,
                                    0);
                            users.insert(created, clock.instant());
                            return created;
                          });
              if (memberships.find(user.id()).isEmpty()) {
                Set<UUID> unitIds = new HashSet<>();
                if (a.units() != null) {
                  a.units().forEach(name -> unitIds.add(units.findOrCreate(name).id()));
                }
                memberships.insert(
                    UUID.randomUUID(), user.id(), a.role(), unitIds, clock.instant());
              }
              if (a.apiToken() != null && !apiTokens.exists(a.apiToken())) {
                apiTokens.store(user.id(), "Demo-Token", a.apiToken());
              }
            }
          });
    }
    joinStates();
    log.info(banner());
  }

  /**
   * Makes the demo districts members of their Land and sets what they share – once: a district that
   * belongs to a Land already keeps its membership and settings.
   */
  private void joinStates() {
    for (DemoTenant t : read().tenants()) {
      if (t.state() == null) {
        continue;
      }
      TenantRow district = tenants.findBySlug(t.slug()).orElseThrow();
      TenantAccess access =
          new TenantAccess(
              district.tenantId(),
              district.slug(),
              district.name(),
              district.publicVisible(),
              Role.ADMIN,
              Set.of());
      boolean member =
          TenantContext.callAs(access, () -> statePlatform.stateOfCurrent().isPresent());
      if (member) {
        continue;
      }
      statePlatform.assign(t.slug(), t.state());
      if (t.shares() != null) {
        TenantContext.runAs(
            access,
            () ->
                statePlatform.saveSettings(
                    java.util.EnumSet.copyOf(t.shares()), java.util.Map.of()));
      }
    }
  }

  String banner() {
    StringBuilder b =
        new StringBuilder("\n\n  Lagebild demo mode. Accounts (password for all: '")
            .append(DEMO_PASSWORD)
            .append("'):\n");
    for (DemoTenant t : read().tenants()) {
      b.append("    ").append(t.name()).append(" (/").append(t.slug()).append("): ");
      b.append(
          String.join(
              ", ", t.accounts().stream().map(a -> a.username() + " [" + a.role() + "]").toList()));
      b.append('\n');
    }
    b.append(
        "  API token of 'koordination' in /nordhausen (demo only): lgb_demo_koordination_nordhausen\n");
    return b.toString();
  }
}
