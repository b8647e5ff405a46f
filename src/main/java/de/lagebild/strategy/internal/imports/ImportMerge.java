package de.lagebild.strategy.internal.imports;

import de.lagebild.strategy.internal.editing.GoalWriter;
import de.lagebild.strategy.internal.imports.ImportedTree.Node;
import de.lagebild.strategy.internal.store.ExtraFields;
import de.lagebild.strategy.internal.store.MeasureRepository;
import de.lagebild.strategy.internal.store.RoundRepository;
import de.lagebild.strategy.internal.store.Rows;
import de.lagebild.strategy.internal.store.Rows.AssessmentRow;
import de.lagebild.strategy.internal.store.Rows.GoalRow;
import de.lagebild.strategy.internal.store.Rows.MeasureRow;
import de.lagebild.strategy.internal.store.Rows.RoundRow;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Merges an imported tree into an existing strategy, goal by goal and measure by measure: matches
 * are updated only where a field differs (optimistic locking through the writers), new nodes are
 * written, an assessment that differs becomes the next version. Counts what it updated and left.
 */
@org.springframework.stereotype.Component
class ImportMerge {

  private final GoalWriter goalWriter;
  private final MeasureRepository measures;
  private final ExtraFields extras;
  private final RoundRepository rounds;
  private final ImportComparison comparison;

  ImportMerge(
      GoalWriter goalWriter,
      MeasureRepository measures,
      ExtraFields extras,
      RoundRepository rounds,
      ImportComparison comparison) {
    this.goalWriter = goalWriter;
    this.measures = measures;
    this.extras = extras;
    this.rounds = rounds;
    this.comparison = comparison;
  }

  void mergeGoals(
      List<Node> nodes,
      UUID parent,
      ExistingStrategy existing,
      ImportWriter w,
      Map<String, String> roundNames,
      int[] updated,
      int[] unchanged) {
    for (Node g : nodes) {
      GoalRow match = existing.goal(g, parent);
      UUID id;
      if (match == null) {
        id = w.goal(g, parent, existing);
        mergeGoals(g.children, id, existing, w, roundNames, updated, unchanged);
        continue;
      }
      id = match.id();
      if (!g.field(ImportFields.NEEDS).isBlank()) {
        w.needLinks.put(id, g.field(ImportFields.NEEDS));
      }
      Map<String, String> oldExtras = existing.extraFields.getOrDefault(id, Map.of());
      if (ImportComparison.goalDiff(match, g, oldExtras).isEmpty()) {
        unchanged[0]++;
      } else {
        w.flush();
        goalWriter.update(
            ImportedRows.goalRow(
                g,
                id,
                match.strategyId(),
                match.parentId(),
                match.position(),
                match.code(),
                match.version()));
        if (!oldExtras.equals(g.extras)) {
          extras.replace(existing.strategy.id(), id, g.extras);
        }
        updated[0]++;
      }
      for (Node m : g.measures) {
        MeasureRow mm = existing.measure(m);
        if (mm == null) {
          w.measure(m, id, existing);
          continue;
        }
        List<String> diff = comparison.measureDiff(mm, m, id, existing, roundNames);
        if (diff.isEmpty()) {
          unchanged[0]++;
          continue;
        }
        w.flush();
        Set<UUID> unitIds =
            ImportChecks.splitUnits(m.field(ImportFields.UNITS)).isEmpty()
                ? mm.unitIds()
                : w.linker.apply(m);
        MeasureRow next =
            ImportedRows.measureRow(
                m, mm.id(), mm.strategyId(), id, mm.position(), mm.code(), unitIds, mm.version());
        if (!measureFieldsEqual(mm, next)) {
          measures.update(next);
        }
        Map<String, String> old = existing.extraFields.getOrDefault(mm.id(), Map.of());
        if (!old.equals(m.extras)) {
          extras.replace(existing.strategy.id(), mm.id(), m.extras);
        }
        m.assessments.forEach(
            (round, a) -> {
              RoundRow r = w.roundRows.get(round);
              AssessmentRow before = existing.latest.get(new Rows.RoundMeasure(r.id(), mm.id()));
              if (!ImportComparison.sameAssessment(before, a)) {
                w.assessment(
                    mm.id(), round, a, before == null ? 1 : rounds.nextVersion(r.id(), mm.id()));
              }
            });
        updated[0]++;
      }
      mergeGoals(g.children, id, existing, w, roundNames, updated, unchanged);
    }
  }

  private static boolean measureFieldsEqual(MeasureRow a, MeasureRow b) {
    return a.equals(
        new MeasureRow(
            b.id(),
            b.strategyId(),
            b.goalId(),
            b.position(),
            b.code(),
            b.title(),
            b.description(),
            b.responsibleText(),
            b.partners(),
            b.successCriteria(),
            b.targetGroups(),
            b.lifeSituations(),
            b.preventionLevel(),
            b.costsText(),
            b.costAmount(),
            b.fundingSource(),
            b.start(),
            b.end(),
            b.communication(),
            b.weight(),
            b.unitIds(),
            a.version()));
  }
}
