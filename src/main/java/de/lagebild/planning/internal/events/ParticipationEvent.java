package de.lagebild.planning.internal.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A conference or workshop of the planning (Sozialraumkonferenz, Planungswerkstatt, Fachforum):
 * when and where, who took part as counts per group (never names), and what came out.
 */
public record ParticipationEvent(
    UUID id,
    String title,
    Format format,
    LocalDate heldOn,
    UUID areaId,
    String results,
    List<Group> groups,
    boolean demo,
    int version) {

  public enum Format {
    CONFERENCE,
    WORKSHOP,
    FORUM,
    OTHER
  }

  /** A group of participants and how many of them came. */
  public record Group(String name, int people) {}

  public int participants() {
    return groups.stream().mapToInt(Group::people).sum();
  }
}
