package de.lagebild.platform;

import java.time.Instant;
import java.util.UUID;

/** One entry of the audit log: who changed what, when, before and after (JSON). */
public record AuditEvent(
    UUID id,
    Instant occurredAt,
    UUID actorId,
    String actorName,
    String action,
    String entityType,
    UUID entityId,
    String summary,
    String beforeJson,
    String afterJson) {}
