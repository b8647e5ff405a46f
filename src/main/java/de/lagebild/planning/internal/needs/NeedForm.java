package de.lagebild.planning.internal.needs;

import de.lagebild.planning.internal.FormValues;
import de.lagebild.planning.internal.needs.Need.Evidence;
import de.lagebild.planning.internal.needs.Need.EvidenceKind;
import de.lagebild.planning.internal.needs.Need.Priority;
import de.lagebild.planning.internal.needs.Need.SourceKind;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.Text;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The need form as sent: texts, chosen areas, goals and life situations, and the evidence rows as
 * parallel lists (one entry per row, empty rows ignored).
 */
record NeedForm(
    String title,
    String description,
    String sourceKind,
    String sourceNote,
    String targetGroups,
    List<String> lifeSituations,
    String priority,
    String unit,
    List<String> areas,
    List<String> goals,
    List<String> evidenceKind,
    List<String> evidenceIndicator,
    List<String> evidenceArea,
    List<String> evidencePeriod,
    List<String> evidenceValue,
    List<String> evidenceReference,
    List<String> evidenceSource,
    List<String> evidenceNote,
    Integer version,
    String event) {

  static final int MAX_TITLE = 300;

  /**
   * The form from the request's parameters as sent – each repeated field as the list of its values
   * (a single value is never split at commas, as data binding to a list would).
   */
  static NeedForm from(Map<String, String[]> p) {
    return new NeedForm(
        FormValues.one(p, "title"),
        FormValues.one(p, "description"),
        FormValues.one(p, "sourceKind"),
        FormValues.one(p, "sourceNote"),
        FormValues.one(p, "targetGroups"),
        FormValues.all(p, "lifeSituations"),
        FormValues.one(p, "priority"),
        FormValues.one(p, "unit"),
        FormValues.all(p, "areas"),
        FormValues.all(p, "goals"),
        FormValues.all(p, "evidenceKind"),
        FormValues.all(p, "evidenceIndicator"),
        FormValues.all(p, "evidenceArea"),
        FormValues.all(p, "evidencePeriod"),
        FormValues.all(p, "evidenceValue"),
        FormValues.all(p, "evidenceReference"),
        FormValues.all(p, "evidenceSource"),
        FormValues.all(p, "evidenceNote"),
        version(FormValues.one(p, "version")),
        FormValues.one(p, "event"));
  }

  private static Integer version(String v) {
    try {
      return v == null || v.isBlank() ? 0 : Integer.valueOf(v.strip());
    } catch (NumberFormatException e) {
      throw new DomainException("need.invalidId", v);
    }
  }

  /** An empty form, or one prefilled from a figure of the atlas. */
  static NeedForm blank(
      String title, List<String> areas, List<String> goals, List<Evidence> evidence) {
    return of(
        title,
        null,
        SourceKind.STATISTICS.name(),
        null,
        null,
        List.of(),
        Priority.MEDIUM.name(),
        null,
        areas,
        goals,
        evidence,
        0);
  }

  /** A form for a need shown by a survey result: source "Befragung", its origin and evidence. */
  static NeedForm fromSurvey(String sourceNote, List<String> areas, List<Evidence> evidence) {
    return of(
        null,
        null,
        SourceKind.SURVEY.name(),
        sourceNote,
        null,
        List.of(),
        Priority.MEDIUM.name(),
        null,
        areas,
        List.of(),
        evidence,
        0);
  }

  /** A form for a need found at a conference or workshop: its source, area and the event. */
  static NeedForm fromEvent(String sourceNote, List<String> areas, UUID event) {
    NeedForm f =
        of(
            null,
            null,
            SourceKind.CONFERENCE.name(),
            sourceNote,
            null,
            List.of(),
            Priority.MEDIUM.name(),
            null,
            areas,
            List.of(),
            List.of(),
            0);
    return new NeedForm(
        f.title(),
        f.description(),
        f.sourceKind(),
        f.sourceNote(),
        f.targetGroups(),
        f.lifeSituations(),
        f.priority(),
        f.unit(),
        f.areas(),
        f.goals(),
        f.evidenceKind(),
        f.evidenceIndicator(),
        f.evidenceArea(),
        f.evidencePeriod(),
        f.evidenceValue(),
        f.evidenceReference(),
        f.evidenceSource(),
        f.evidenceNote(),
        f.version(),
        event.toString());
  }

  static NeedForm of(Need n) {
    return of(
        n.title(),
        n.description(),
        n.sourceKind().name(),
        n.sourceNote(),
        n.targetGroups(),
        List.copyOf(n.lifeSituations()),
        n.priority().name(),
        n.unitId() == null ? null : n.unitId().toString(),
        n.areaIds().stream().map(UUID::toString).toList(),
        n.goalIds().stream().map(UUID::toString).toList(),
        n.evidence(),
        n.version());
  }

  private static NeedForm of(
      String title,
      String description,
      String sourceKind,
      String sourceNote,
      String targetGroups,
      List<String> lifeSituations,
      String priority,
      String unit,
      List<String> areas,
      List<String> goals,
      List<Evidence> evidence,
      int version) {
    return new NeedForm(
        title,
        description,
        sourceKind,
        sourceNote,
        targetGroups,
        lifeSituations,
        priority,
        unit,
        areas,
        goals,
        evidence.stream().map(e -> e.kind().name()).toList(),
        evidence.stream().map(e -> str(e.indicatorId())).toList(),
        evidence.stream().map(e -> str(e.areaId())).toList(),
        evidence.stream().map(e -> nz(e.period())).toList(),
        evidence.stream().map(e -> nz(e.valueText())).toList(),
        evidence.stream().map(e -> nz(e.referenceText())).toList(),
        evidence.stream().map(e -> nz(e.source())).toList(),
        evidence.stream().map(e -> nz(e.note())).toList(),
        version,
        null);
  }

  /** The rows to show: the filled ones and one empty row to add another. */
  public List<Integer> evidenceRows() {
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < size(evidenceKind); i++) {
      rows.add(i);
    }
    rows.add(rows.size());
    return rows;
  }

  public String evidence(List<String> column, int row) {
    return column == null || row >= column.size() ? "" : nz(column.get(row));
  }

  public boolean chosen(List<String> column, Object value) {
    return column != null && value != null && column.contains(value.toString());
  }

  /** The need as entered, for {@link Needs}; throws on a value that cannot be read. */
  Need toNeed(UUID id, Need before) {
    String t = Text.blankToNull(title);
    if (t == null) {
      throw new DomainException("need.title.required");
    }
    if (t.length() > MAX_TITLE) {
      throw new DomainException("need.title.tooLong", MAX_TITLE);
    }
    List<Evidence> evidence = new ArrayList<>();
    for (int i = 0; i < size(evidenceKind); i++) {
      String indicator = Text.blankToNull(evidence(evidenceIndicator, i));
      String value = Text.blankToNull(evidence(evidenceValue, i));
      String note = Text.blankToNull(evidence(evidenceNote, i));
      String source = Text.blankToNull(evidence(evidenceSource, i));
      if (indicator == null && value == null && note == null && source == null) {
        continue;
      }
      evidence.add(
          new Evidence(
              FormValues.required(
                  EvidenceKind.class, evidence(evidenceKind, i), "need.evidence.kind.invalid"),
              FormValues.id(indicator),
              FormValues.id(Text.blankToNull(evidence(evidenceArea, i))),
              Text.blankToNull(evidence(evidencePeriod, i)),
              value,
              Text.blankToNull(evidence(evidenceReference, i)),
              source,
              note));
    }
    return new Need(
        id,
        t,
        Text.blankToNull(description),
        FormValues.required(SourceKind.class, sourceKind, "need.sourceKind.invalid"),
        Text.blankToNull(sourceNote),
        Text.blankToNull(targetGroups),
        lifeSituations == null ? java.util.Set.of() : new LinkedHashSet<>(lifeSituations),
        FormValues.required(Priority.class, priority, "need.priority.invalid"),
        before == null ? null : before.status(),
        before == null ? null : before.statusSince(),
        FormValues.id(Text.blankToNull(unit)),
        before != null && before.demo(),
        version == null ? 0 : version,
        ids(areas),
        ids(goals),
        evidence,
        before != null ? before.eventId() : FormValues.id(Text.blankToNull(event)));
  }

  private static List<UUID> ids(List<String> values) {
    return values == null
        ? List.of()
        : values.stream().filter(v -> v != null && !v.isBlank()).map(FormValues::id).toList();
  }

  private static int size(List<?> l) {
    return l == null ? 0 : l.size();
  }

  private static String str(UUID id) {
    return id == null ? "" : id.toString();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
