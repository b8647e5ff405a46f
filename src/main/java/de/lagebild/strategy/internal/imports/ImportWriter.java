package de.lagebild.strategy.internal.imports;

import de.lagebild.exchange.SafeHtml;
import de.lagebild.identity.CurrentUser;
import de.lagebild.strategy.internal.imports.ImportedTree.Assessment;
import de.lagebild.strategy.internal.imports.ImportedTree.Node;
import de.lagebild.strategy.internal.store.ExtraFields;
import de.lagebild.strategy.internal.store.MeasureRepository;
import de.lagebild.strategy.internal.store.RoundRepository;
import de.lagebild.strategy.internal.store.Rows.AssessmentRow;
import de.lagebild.strategy.internal.store.Rows.GoalRow;
import de.lagebild.strategy.internal.store.Rows.MeasureRow;
import de.lagebild.strategy.internal.store.Rows.ReviewDecision;
import de.lagebild.strategy.internal.store.Rows.ReviewRow;
import de.lagebild.strategy.internal.store.Rows.RoundRow;
import de.lagebild.strategy.internal.store.Rows.RoundState;
import de.lagebild.strategy.internal.store.Rows.StrategyRow;
import de.lagebild.strategy.internal.store.StrategyRepository;
import de.lagebild.strategy.internal.store.StrategyTables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntConsumer;

/** Writes new goals and measures in batches. */
final class ImportWriter {

  static final int BATCH = 500;

  final StrategyRow strategy;
  final Map<String, RoundRow> roundRows;
  final Map<String, String> roundNames;
  final Function<Node, Set<UUID>> linker;
  final String author;
  final Instant now;
  final IntConsumer progress;
  final UUID authorId = CurrentUser.get().map(u -> u.actorId()).orElse(null);
  final List<Object[]> goalRows = new ArrayList<>();
  final List<Object[]> measureRows = new ArrayList<>();
  final List<Object[]> unitRows = new ArrayList<>();
  final List<Object[]> assessmentRows = new ArrayList<>();
  final List<Object[]> reviewRows = new ArrayList<>();
  final List<Object[]> extraRows = new ArrayList<>();

  /** Goals and the titles of the needs they answer, linked after the goals are written. */
  final Map<UUID, String> needLinks = new java.util.LinkedHashMap<>();

  int pendingCount;
  int goalsWritten;
  int measuresWritten;
  int assessmentsWritten;
  int linked;

  /** Positions continue after those a re-import found. */
  int goalPosition;

  int measurePosition;

  private final StrategyRepository strategies;

  ImportWriter(
      StrategyRepository strategies,
      StrategyRow strategy,
      Map<String, RoundRow> roundRows,
      Map<String, String> roundNames,
      Function<Node, Set<UUID>> linker,
      String author,
      Instant now,
      IntConsumer progress) {
    this.strategies = strategies;
    this.strategy = strategy;
    this.roundRows = roundRows;
    this.roundNames = roundNames;
    this.linker = linker;
    this.author = author;
    this.now = now;
    this.progress = progress == null ? n -> {} : progress;
  }

  void goals(List<Node> nodes, UUID parent, ExistingStrategy existing) {
    for (Node g : nodes) {
      UUID id = goal(g, parent, existing);
      goals(g.children, id, existing);
    }
  }

  /** Inserts a goal and its measures; returns its id. */
  public UUID goal(Node g, UUID parent, ExistingStrategy existing) {
    String code = existing == null ? g.code : freeCode(g.code, existing.goalCodes);
    GoalRow row =
        ImportedRows.goalRow(g, UUID.randomUUID(), strategy.id(), parent, goalPosition++, code, 0);
    goalRows.add(StrategyRepository.goalRow(row, now));
    String needs = g.field(ImportFields.NEEDS);
    if (!needs.isBlank()) {
      needLinks.put(row.id(), needs);
    }
    added();
    extrasOf(row.id(), g);
    goalsWritten++;
    progress.accept(goalsWritten + measuresWritten);
    for (Node m : g.measures) {
      measure(m, row.id(), existing);
    }
    return row.id();
  }

  void measure(Node m, UUID goalId, ExistingStrategy existing) {
    String code = existing == null ? m.code : freeCode(m.code, existing.measureCodes);
    Set<UUID> unitIds = linker.apply(m);
    MeasureRow row =
        ImportedRows.measureRow(
            m, UUID.randomUUID(), strategy.id(), goalId, measurePosition++, code, unitIds, 0);
    measureRows.add(MeasureRepository.insertRow(row, now));
    for (UUID unit : unitIds) {
      unitRows.add(new Object[] {row.id(), unit});
    }
    added();
    extrasOf(row.id(), m);
    measuresWritten++;
    if (!unitIds.isEmpty()) {
      linked++;
    }
    m.assessments.forEach((round, a) -> assessment(row.id(), round, a, 1));
    progress.accept(goalsWritten + measuresWritten);
  }

  void assessment(UUID measureId, String round, Assessment a, int version) {
    RoundRow r = roundRows.get(round);
    String narrative = SafeHtml.sanitize(a.html());
    if (r == null || narrative == null && a.statusCode() == null && a.progress() == null) {
      return;
    }
    AssessmentRow row =
        new AssessmentRow(
            UUID.randomUUID(),
            r.id(),
            measureId,
            version,
            a.statusCode(),
            a.progress(),
            narrative,
            null,
            authorId,
            author,
            now,
            null);
    assessmentRows.add(RoundRepository.assessmentRow(row));
    if (r.state() == RoundState.CLOSED) {
      // a closed round's texts are the district's published history: the import releases them as
      // accepted
      reviewRows.add(
          RoundRepository.reviewRow(
              new ReviewRow(
                  UUID.randomUUID(), row.id(), ReviewDecision.ACCEPTED, null, author, now),
              authorId));
    }
    added();
    assessmentsWritten++;
  }

  void extrasOf(UUID id, Node n) {
    if (!n.extras.isEmpty()) {
      extraRows.addAll(ExtraFields.rows(strategy.id(), id, n.extras));
      added();
    }
  }

  void added() {
    if (++pendingCount >= BATCH) {
      flush();
    }
  }

  /**
   * Writes what is pending, parents first: goals, measures, their units, assessments, extra fields.
   */
  void flush() {
    if (pendingCount > 0) {
      strategies.batchInsert(StrategyTables.Goal.T, StrategyRepository.GOAL_COLUMNS, goalRows);
      strategies.batchInsert(
          StrategyTables.Measure.T, MeasureRepository.INSERT_COLUMNS, measureRows);
      strategies.batchInsert(
          StrategyTables.MeasureUnit.T, MeasureRepository.UNIT_COLUMNS, unitRows);
      strategies.batchInsert(
          StrategyTables.Assessment.T, RoundRepository.ASSESSMENT_COLUMNS, assessmentRows);
      strategies.batchInsert(StrategyTables.Review.T, RoundRepository.REVIEW_COLUMNS, reviewRows);
      strategies.batchInsert(StrategyTables.ExtraField.T, ExtraFields.COLUMNS, extraRows);
      goalRows.clear();
      measureRows.clear();
      unitRows.clear();
      assessmentRows.clear();
      reviewRows.clear();
      extraRows.clear();
      pendingCount = 0;
    }
  }

  static String freeCode(String code, Set<String> taken) {
    String c = code;
    int i = 2;
    while (taken.contains(c)) {
      c = code + "-" + i++;
    }
    taken.add(c);
    return c;
  }
}
