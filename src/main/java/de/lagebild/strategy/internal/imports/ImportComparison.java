package de.lagebild.strategy.internal.imports;

import de.lagebild.exchange.SafeHtml;
import de.lagebild.identity.ResponsibleUnits;
import de.lagebild.platform.Text;
import de.lagebild.strategy.internal.imports.ImportedTree.Assessment;
import de.lagebild.strategy.internal.imports.ImportedTree.Node;
import de.lagebild.strategy.internal.report.ReportDocxWriter;
import de.lagebild.strategy.internal.store.ExtraFields;
import de.lagebild.strategy.internal.store.MeasureRepository;
import de.lagebild.strategy.internal.store.RoundRepository;
import de.lagebild.strategy.internal.store.Rows;
import de.lagebild.strategy.internal.store.Rows.AssessmentRow;
import de.lagebild.strategy.internal.store.Rows.GoalRow;
import de.lagebild.strategy.internal.store.Rows.MeasureRow;
import de.lagebild.strategy.internal.store.Rows.RoundRow;
import de.lagebild.strategy.internal.store.Rows.StrategyRow;
import de.lagebild.strategy.internal.store.StrategyRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What an import into an existing strategy would do to each goal and measure – new, changed (with
 * the fields), unchanged, missing – matching by id, code or title. Writes nothing.
 */
@org.springframework.stereotype.Component
class ImportComparison {

  private final StrategyRepository strategies;
  private final MeasureRepository measures;
  private final ExtraFields extras;
  private final RoundRepository rounds;
  private final ResponsibleUnits units;

  ImportComparison(
      StrategyRepository strategies,
      MeasureRepository measures,
      ExtraFields extras,
      RoundRepository rounds,
      ResponsibleUnits units) {
    this.strategies = strategies;
    this.measures = measures;
    this.extras = extras;
    this.rounds = rounds;
    this.units = units;
  }

  /** The strategy as it is now, indexed for matching. */
  ExistingStrategy load(UUID strategyId) {
    return new ExistingStrategy(strategyId, strategies, measures, extras, rounds, units);
  }

  /** What an import into {@code strategyId} would do to each goal and measure; writes nothing. */
  StrategyImport.Plan plan(ImportedTree tree, UUID strategyId, String roundOverride) {
    ExistingStrategy existing = load(strategyId);
    List<StrategyImport.Change> changes = new ArrayList<>();
    Map<String, String> roundNames = StrategyImport.roundNames(tree, roundOverride);
    matchGoals(tree, tree.roots, null, existing, roundNames, changes);
    for (GoalRow g : existing.goals) {
      if (!existing.used.contains(g.id())) {
        changes.add(
            new StrategyImport.Change(
                StrategyImport.ChangeKind.MISSING,
                levelName(existing.strategy, g.level()),
                g.code(),
                g.title(),
                List.of(),
                ""));
      }
    }
    for (MeasureRow m : existing.measures) {
      if (!existing.used.contains(m.id())) {
        changes.add(
            new StrategyImport.Change(
                StrategyImport.ChangeKind.MISSING, "Maßnahme", m.code(), m.title(), List.of(), ""));
      }
    }
    Map<StrategyImport.ChangeKind, Integer> counts = new EnumMap<>(StrategyImport.ChangeKind.class);
    for (StrategyImport.ChangeKind k : StrategyImport.ChangeKind.values()) {
      counts.put(k, 0);
    }
    changes.forEach(c -> counts.merge(c.kind(), 1, Integer::sum));
    // what needs a look first: changed, new, missing; the unchanged at the end (each in file order)
    List<StrategyImport.ChangeKind> order =
        List.of(
            StrategyImport.ChangeKind.CHANGED,
            StrategyImport.ChangeKind.NEW,
            StrategyImport.ChangeKind.MISSING,
            StrategyImport.ChangeKind.UNCHANGED);
    List<StrategyImport.Change> sorted = new ArrayList<>(changes);
    sorted.sort(Comparator.comparingInt(c -> order.indexOf(c.kind())));
    return new StrategyImport.Plan(sorted, counts);
  }

  private static String levelName(StrategyRow s, int level) {
    return s.levelName(level);
  }

  private void matchGoals(
      ImportedTree tree,
      List<Node> nodes,
      UUID parent,
      ExistingStrategy existing,
      Map<String, String> roundNames,
      List<StrategyImport.Change> changes) {
    for (Node g : nodes) {
      GoalRow match = existing.goal(g, parent);
      String level = tree.levelName(g.level);
      if (match == null) {
        changes.add(
            new StrategyImport.Change(
                StrategyImport.ChangeKind.NEW, level, g.code, g.title, List.of(), g.location));
      } else {
        List<String> diff =
            goalDiff(match, g, existing.extraFields.getOrDefault(match.id(), Map.of()));
        changes.add(
            new StrategyImport.Change(
                diff.isEmpty()
                    ? StrategyImport.ChangeKind.UNCHANGED
                    : StrategyImport.ChangeKind.CHANGED,
                level,
                match.code(),
                g.title,
                diff,
                g.location));
      }
      for (Node m : g.measures) {
        MeasureRow mm = existing.measure(m);
        if (mm == null) {
          changes.add(
              new StrategyImport.Change(
                  StrategyImport.ChangeKind.NEW,
                  "Maßnahme",
                  m.code,
                  m.title,
                  List.of(),
                  m.location));
        } else {
          List<String> diff =
              measureDiff(mm, m, match == null ? null : match.id(), existing, roundNames);
          changes.add(
              new StrategyImport.Change(
                  diff.isEmpty()
                      ? StrategyImport.ChangeKind.UNCHANGED
                      : StrategyImport.ChangeKind.CHANGED,
                  "Maßnahme",
                  mm.code(),
                  m.title,
                  diff,
                  m.location));
        }
      }
      matchGoals(
          tree, g.children, match == null ? null : match.id(), existing, roundNames, changes);
    }
  }

  static List<String> goalDiff(GoalRow row, Node n, Map<String, String> oldExtras) {
    GoalRow wanted =
        ImportedRows.goalRow(
            n,
            row.id(),
            row.strategyId(),
            row.parentId(),
            row.position(),
            row.code(),
            row.version());
    List<String> diff = new ArrayList<>();
    compare(diff, "Titel", row.title(), wanted.title());
    compare(diff, ImportFields.DESCRIPTION, row.description(), wanted.description());
    compare(diff, ImportFields.INDICATORS, row.successCriterion(), wanted.successCriterion());
    compare(diff, ImportFields.GOAL_SOURCE, row.goalSource(), wanted.goalSource());
    compare(
        diff,
        ImportFields.LIFE_SITUATIONS,
        String.join(",", row.lifeSituations()),
        String.join(",", wanted.lifeSituations()));
    if (!oldExtras.equals(n.extras)) {
      diff.add("Weitere Felder");
    }
    return diff;
  }

  List<String> measureDiff(
      MeasureRow row,
      Node n,
      UUID goalId,
      ExistingStrategy existing,
      Map<String, String> roundNames) {
    MeasureRow wanted =
        ImportedRows.measureRow(
            n,
            row.id(),
            row.strategyId(),
            goalId == null ? row.goalId() : goalId,
            row.position(),
            row.code(),
            unitsWanted(n, row, existing.unitNames),
            row.version());
    List<String> diff = new ArrayList<>();
    compare(diff, "Ziel", row.goalId().toString(), wanted.goalId().toString());
    compare(diff, "Titel", row.title(), wanted.title());
    compare(diff, ImportFields.DESCRIPTION, row.description(), wanted.description());
    compare(diff, ImportFields.RESPONSIBLE, row.responsibleText(), wanted.responsibleText());
    compare(diff, ImportFields.PARTNERS, row.partners(), wanted.partners());
    compare(diff, ImportFields.INDICATORS, row.successCriteria(), wanted.successCriteria());
    compare(diff, ImportFields.TARGET_GROUPS, row.targetGroups(), wanted.targetGroups());
    compare(
        diff,
        ImportFields.LIFE_SITUATIONS,
        String.join(",", row.lifeSituations()),
        String.join(",", wanted.lifeSituations()));
    compare(
        diff,
        ImportFields.PREVENTION,
        String.valueOf(row.preventionLevel()),
        String.valueOf(wanted.preventionLevel()));
    compare(diff, ImportFields.COSTS, row.costsText(), wanted.costsText());
    compare(diff, ImportFields.FUNDING, row.fundingSource(), wanted.fundingSource());
    compare(diff, ImportFields.START, row.start().text(), wanted.start().text());
    compare(diff, ImportFields.END, row.end().text(), wanted.end().text());
    compare(diff, ImportFields.COMMUNICATION, row.communication(), wanted.communication());
    compare(
        diff, ImportFields.WEIGHT, String.valueOf(row.weight()), String.valueOf(wanted.weight()));
    if (!row.unitIds().equals(wanted.unitIds())) {
      diff.add(ImportFields.UNITS);
    }
    if (!existing.extraFields.getOrDefault(row.id(), Map.of()).equals(n.extras)) {
      diff.add("Weitere Felder");
    }
    n.assessments.forEach(
        (round, a) -> {
          RoundRow r = existing.roundsByName.get(roundNames.getOrDefault(round, round));
          AssessmentRow old =
              r == null ? null : existing.latest.get(new Rows.RoundMeasure(r.id(), row.id()));
          if (!sameAssessment(old, a)) {
            diff.add("Einschätzung " + roundNames.getOrDefault(round, round));
          }
        });
    return diff;
  }

  /**
   * The same assessment: the same words, and the same status and progress where the file gives
   * them. A file without status (a Word report, a text table) says nothing about the status a
   * coordinator has set since: that is no change, and a merge keeps it.
   */
  static boolean sameAssessment(AssessmentRow old, Assessment a) {
    return old != null
        && (a.statusCode() == null || Objects.equals(old.statusCode(), a.statusCode()))
        && (a.progress() == null || Objects.equals(old.progress(), a.progress()))
        && sameText(old.narrative(), SafeHtml.sanitize(a.html()));
  }

  /**
   * The same words in the same order: where a word processor put a line break or a paragraph
   * boundary does not make an assessment "changed".
   */
  static boolean sameText(String html, String other) {
    return String.join(" ", ReportDocxWriter.paragraphs(html))
        .replaceAll("\\s+", " ")
        .strip()
        .equals(
            String.join(" ", ReportDocxWriter.paragraphs(other)).replaceAll("\\s+", " ").strip());
  }

  private static void compare(List<String> diff, String field, String before, String after) {
    if (!Objects.equals(Text.blankToNull(before), Text.blankToNull(after))) {
      diff.add(field);
    }
  }

  Set<UUID> unitsWanted(Node n, MeasureRow row, Map<UUID, String> unitNames) {
    List<String> named = ImportChecks.splitUnits(n.field(ImportFields.UNITS));
    if (named.isEmpty()) {
      return row.unitIds();
    }
    Map<String, UUID> byName = new HashMap<>();
    unitNames.forEach((id, name) -> byName.put(name.toLowerCase(Locale.GERMAN), id));
    Set<UUID> ids = new LinkedHashSet<>();
    for (String name : named) {
      UUID id = byName.get(name.toLowerCase(Locale.GERMAN));
      ids.add(id == null ? new UUID(0, ids.size()) : id);
    }
    return ids;
  }
}
