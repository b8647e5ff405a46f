package de.lagebild.platform;

import static org.jooq.impl.DSL.noCondition;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes and reads the tenant's audit log. {@link #record} joins the caller's transaction (it must
 * run inside one), so a change and its audit entry are committed together or not at all.
 */
@Component
public class AuditLog {

  static final TenantTable AUDIT = TenantTable.named("audit_event");
  static final Field<UUID> ID = AUDIT.id("id");
  static final Field<Instant> OCCURRED_AT = AUDIT.instant("occurred_at");
  static final Field<UUID> ACTOR_ID = AUDIT.id("actor_id");
  static final Field<String> ACTOR_NAME = AUDIT.text("actor_name");
  static final Field<String> ACTION = AUDIT.text("action");
  static final Field<String> ENTITY_TYPE = AUDIT.text("entity_type");
  static final Field<UUID> ENTITY_ID = AUDIT.id("entity_id");
  static final Field<String> SUMMARY = AUDIT.text("summary");
  static final Field<String> BEFORE = AUDIT.text("before_json");
  static final Field<String> AFTER = AUDIT.text("after_json");

  private final TenantScope scope;
  private final JsonMapper json;
  private final Clock clock;

  public AuditLog(TenantScope scope, JsonMapper json, Clock clock) {
    this.scope = scope;
    this.json = json;
    this.clock = clock;
  }

  /**
   * Records a change in the current tenant. {@code before} and {@code after} are snapshots of the
   * changed fields (null for creation and deletion respectively).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void record(
      String action,
      String entityType,
      UUID entityId,
      String summary,
      Map<String, ?> before,
      Map<String, ?> after) {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    UUID actorId = null;
    String actorName = "System";
    if (auth != null && auth.getPrincipal() instanceof ActorPrincipal actor) {
      actorId = actor.actorId();
      actorName = actor.actorName();
    }
    scope
        .insertInto(AUDIT)
        .set(ID, UUID.randomUUID())
        .set(OCCURRED_AT, clock.instant())
        .set(ACTOR_ID, actorId)
        .set(ACTOR_NAME, actorName)
        .set(ACTION, action)
        .set(ENTITY_TYPE, entityType)
        .set(ENTITY_ID, entityId)
        .set(SUMMARY, truncate(summary, 500))
        .set(BEFORE, before == null ? null : json.writeValueAsString(before))
        .set(AFTER, after == null ? null : json.writeValueAsString(after))
        .execute();
  }

  /** The newest entries of the current tenant, optionally for one entity, at most {@code limit}. */
  public List<AuditEvent> recent(UUID entityId, int offset, int limit) {
    Condition forEntity = entityId == null ? noCondition() : ENTITY_ID.eq(entityId);
    return scope
        .dsl()
        .select(
            ID,
            OCCURRED_AT,
            ACTOR_ID,
            ACTOR_NAME,
            ACTION,
            ENTITY_TYPE,
            ENTITY_ID,
            SUMMARY,
            BEFORE,
            AFTER)
        .from(scope.table(AUDIT))
        .where(forEntity)
        .orderBy(OCCURRED_AT.desc(), ID)
        .offset(offset)
        .limit(limit)
        .fetch(
            r ->
                new AuditEvent(
                    r.get(ID),
                    r.get(OCCURRED_AT),
                    r.get(ACTOR_ID),
                    r.get(ACTOR_NAME),
                    r.get(ACTION),
                    r.get(ENTITY_TYPE),
                    r.get(ENTITY_ID),
                    r.get(SUMMARY),
                    r.get(BEFORE),
                    r.get(AFTER)));
  }

  public int count() {
    return scope.dsl().fetchCount(scope.table(AUDIT));
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
