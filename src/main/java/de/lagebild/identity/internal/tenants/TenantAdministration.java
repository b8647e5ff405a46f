package de.lagebild.identity.internal.tenants;

import de.lagebild.identity.TenantCreated;
import de.lagebild.identity.internal.store.Snapshot;
import de.lagebild.identity.internal.users.MembershipRepository;
import de.lagebild.platform.AuditLog;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.NotFoundException;
import de.lagebild.platform.Role;
import de.lagebild.platform.TenantAccess;
import de.lagebild.platform.TenantContext;
import de.lagebild.platform.TenantId;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating tenants (platform administrator) and keeping their settings (tenant administrator). */
@Service
public class TenantAdministration {

  static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?");
  static final Pattern OFFICIAL_KEY = Pattern.compile("\\d{2}|\\d{3}|\\d{5}|\\d{8}|\\d{12}");

  /** First path segments that belong to the application, not to a tenant. */
  static final Set<String> RESERVED =
      Set.of(
          "login",
          "logout",
          "setup",
          "profil",
          "plattform",
          "actuator",
          "webjars",
          "css",
          "js",
          "img",
          "api",
          "error",
          "v3",
          "swagger-ui",
          "favicon.ico",
          "static",
          "assets",
          "admin",
          "impressum",
          "datenschutz",
          "barrierefreiheit");

  static final int MAX_LOGO_BYTES = 200 * 1024;

  private final TenantRepository tenants;
  private final MembershipRepository memberships;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  TenantAdministration(
      TenantRepository tenants,
      MembershipRepository memberships,
      AuditLog audit,
      ApplicationEventPublisher events,
      Clock clock) {
    this.tenants = tenants;
    this.memberships = memberships;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  public record NewTenant(
      String slug, String name, TenantKind kind, String officialKey, boolean publicVisible) {}

  /** Creates a tenant; {@code firstAdmin} (may be null) becomes its administrator. */
  @Transactional
  public TenantRow create(NewTenant t, UUID firstAdmin, boolean demo) {
    String slug = t.slug().strip().toLowerCase(Locale.ROOT);
    if (!SLUG.matcher(slug).matches() || RESERVED.contains(slug)) {
      throw new DomainException("tenant.slugInvalid", slug);
    }
    if (tenants.slugExists(slug)) {
      throw new DomainException("tenant.slugTaken", slug);
    }
    checkKey(t.officialKey());
    TenantRow row =
        new TenantRow(
            UUID.randomUUID(),
            slug,
            t.name().strip(),
            t.kind(),
            blankToNull(t.officialKey()),
            t.publicVisible(),
            false,
            0);
    tenants.insert(row, clock.instant());
    TenantAccess access =
        new TenantAccess(
            row.tenantId(), slug, row.name(), row.publicVisible(), Role.ADMIN, Set.of());
    TenantContext.runAs(
        access,
        () -> {
          if (firstAdmin != null) {
            memberships.insert(
                UUID.randomUUID(), firstAdmin, Role.ADMIN, Set.of(), clock.instant());
          }
          audit.record(
              "CREATE", "Tenant", row.id(), "Mandant angelegt: " + row.name(), null, snapshot(row));
        });
    events.publishEvent(new TenantCreated(new TenantId(row.id()), slug, demo));
    return row;
  }

  @Transactional
  void updateSettings(TenantRow changed) {
    TenantRow before = tenants.findById(changed.id()).orElseThrow(NotFoundException::new);
    checkKey(changed.officialKey());
    TenantRow clean =
        new TenantRow(
            changed.id(),
            before.slug(),
            changed.name().strip(),
            changed.kind(),
            blankToNull(changed.officialKey()),
            changed.publicVisible(),
            before.hasLogo(),
            changed.version());
    tenants.update(clean);
    audit.record(
        "UPDATE",
        "Tenant",
        clean.id(),
        "Mandant geändert: " + clean.name(),
        snapshot(before),
        snapshot(clean));
  }

  @Transactional
  void updateLogo(UUID tenantId, byte[] data, String contentType) {
    if (data.length == 0) {
      throw new DomainException("tenant.logoEmpty");
    }
    if (data.length > MAX_LOGO_BYTES) {
      throw new DomainException("tenant.logoTooLarge", MAX_LOGO_BYTES / 1024);
    }
    String type = detectImageType(data);
    if (type == null) {
      throw new DomainException("tenant.logoType");
    }
    tenants.updateLogo(tenantId, data, type);
    audit.record(
        "UPDATE",
        "Tenant",
        tenantId,
        "Logo geändert (" + data.length + " Bytes, " + type + ")",
        null,
        Map.of("logo", type + ", " + data.length + " Bytes"));
  }

  /** Trusts the bytes, not the declared type: PNG and JPEG only (SVG could carry scripts). */
  static String detectImageType(byte[] d) {
    if (d.length > 8 && (d[0] & 0xff) == 0x89 && d[1] == 'P' && d[2] == 'N' && d[3] == 'G') {
      return "image/png";
    }
    if (d.length > 3 && (d[0] & 0xff) == 0xFF && (d[1] & 0xff) == 0xD8 && (d[2] & 0xff) == 0xFF) {
      return "image/jpeg";
    }
    return null;
  }

  private static void checkKey(String key) {
    if (key != null && !key.isBlank() && !OFFICIAL_KEY.matcher(key.strip()).matches()) {
      throw new DomainException("tenant.keyInvalid", key);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static Map<String, Object> snapshot(TenantRow t) {
    return Snapshot.of("slug", t.slug())
        .and("name", t.name())
        .and("kind", t.kind())
        .and("officialKey", t.officialKey())
        .and("public", t.publicVisible())
        .map();
  }
}
