package de.lagebild.identity.internal.tokens;

import de.lagebild.identity.internal.setup.FirstAdministrator;
import de.lagebild.platform.AuditLog;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.NotFoundException;
import de.lagebild.platform.TenantScope;
import de.lagebild.platform.TenantTable;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Field;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens for scripts: created in the profile, shown once, stored as SHA-256,
 * revocable, valid for one tenant with the owner's current role there (a changed role applies at
 * once; a removed membership ends the token).
 */
@Service
public class ApiTokens {

  public static final TenantTable T = TenantTable.named("api_token");
  public static final Field<UUID> TENANT_ID = T.tenantId();
  public static final Field<UUID> ID = T.id("id");
  public static final Field<UUID> USER_ID = T.id("user_id");
  static final Field<String> NAME = T.text("name");
  public static final Field<String> HASH = T.text("token_hash");
  static final Field<Instant> CREATED_AT = T.instant("created_at");
  static final Field<Instant> LAST_USED_AT = T.instant("last_used_at");
  public static final Field<Instant> REVOKED_AT = T.instant("revoked_at");

  static final String PREFIX = "lgb_";
  private static final SecureRandom RANDOM = new SecureRandom();

  record Token(UUID id, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {}

  /** Who a presented token belongs to. */
  public record Owner(UUID tokenId, UUID tenantId, UUID userId) {}

  private final TenantScope scope;
  private final AuditLog audit;
  private final Clock clock;

  ApiTokens(TenantScope scope, AuditLog audit, Clock clock) {
    this.scope = scope;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Creates a token for {@code userId} in the current tenant and returns its secret (shown once).
   */
  @Transactional
  String create(UUID userId, String name) {
    if (name == null || name.isBlank() || name.length() > 100) {
      throw new DomainException("token.error.name");
    }
    byte[] raw = new byte[24];
    RANDOM.nextBytes(raw);
    String secret = PREFIX + HexFormat.of().formatHex(raw);
    store(userId, name.strip(), secret);
    return secret;
  }

  /** Stores a given secret (demo mode names a fixed one in the README). */
  @Transactional
  public void store(UUID userId, String name, String secret) {
    UUID id = UUID.randomUUID();
    scope
        .insertInto(T)
        .set(ID, id)
        .set(USER_ID, userId)
        .set(NAME, name)
        .set(HASH, FirstAdministrator.hash(secret))
        .set(CREATED_AT, clock.instant())
        .execute();
    audit.record(
        "CREATE", "ApiToken", id, "API-Token angelegt: " + name, null, Map.of("name", name));
  }

  List<Token> mine(UUID userId) {
    return scope
        .dsl()
        .select(ID, NAME, CREATED_AT, LAST_USED_AT, REVOKED_AT)
        .from(scope.table(T))
        .where(USER_ID.eq(userId))
        .orderBy(CREATED_AT.desc())
        .fetch(
            r ->
                new Token(
                    r.get(ID),
                    r.get(NAME),
                    r.get(CREATED_AT),
                    r.get(LAST_USED_AT),
                    r.get(REVOKED_AT)));
  }

  public boolean exists(String secret) {
    return scope.dsl().fetchExists(scope.table(T), HASH.eq(FirstAdministrator.hash(secret)));
  }

  @Transactional
  void revoke(UUID userId, UUID tokenId) {
    int n =
        scope
            .update(T)
            .set(REVOKED_AT, clock.instant())
            .where(ID.eq(tokenId).and(USER_ID.eq(userId)).and(REVOKED_AT.isNull()))
            .execute();
    if (n != 1) {
      throw new NotFoundException();
    }
    audit.record(
        "UPDATE", "ApiToken", tokenId, "API-Token widerrufen", null, Map.of("revoked", "true"));
  }
}
