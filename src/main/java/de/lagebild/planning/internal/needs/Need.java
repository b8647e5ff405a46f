package de.lagebild.planning.internal.needs;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A need (Bedarf) with the areas it concerns, its evidence and the goals that answer it. */
record Need(
    UUID id,
    String title,
    String description,
    SourceKind sourceKind,
    String sourceNote,
    String targetGroups,
    Set<String> lifeSituations,
    Priority priority,
    Status status,
    LocalDate statusSince,
    UUID unitId,
    boolean demo,
    int version,
    List<UUID> areaIds,
    List<UUID> goalIds,
    List<Evidence> evidence,
    UUID eventId) {

  /** Where a need was found (the need carries where it came from). */
  enum SourceKind {
    STATISTICS,
    SURVEY,
    CONFERENCE,
    EXPERT,
    CITIZEN
  }

  enum Priority {
    HIGH,
    MEDIUM,
    LOW
  }

  /** erkannt → bewertet → aufgegriffen → gedeckt / zurückgestellt. */
  enum Status {
    IDENTIFIED,
    ASSESSED,
    TAKEN_UP,
    COVERED,
    DEFERRED;

    /** Closing a need (covered or deferred) needs a reason. */
    boolean needsReason() {
      return this == COVERED || this == DEFERRED;
    }
  }

  enum EvidenceKind {
    INDICATOR,
    SURVEY,
    MINUTES,
    OTHER
  }

  /**
   * What shows the need, kept as written when it was recorded: for an indicator its id, the area,
   * the period, the value as it read and the reference it was compared with.
   */
  record Evidence(
      EvidenceKind kind,
      UUID indicatorId,
      UUID areaId,
      String period,
      String valueText,
      String referenceText,
      String source,
      String note) {}

  /** A change of status with its date and reason. */
  record StatusChange(Status status, LocalDate on, String reason, String actorName) {}
}
