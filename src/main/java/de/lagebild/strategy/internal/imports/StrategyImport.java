package de.lagebild.strategy.internal.imports;

import de.lagebild.exchange.FuzzyDate;
import de.lagebild.identity.CurrentUser;
import de.lagebild.identity.ResponsibleUnit;
import de.lagebild.identity.ResponsibleUnits;
import de.lagebild.platform.AuditLog;
import de.lagebild.platform.BackgroundJobs;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.Text;
import de.lagebild.strategy.GoalNeeds;
import de.lagebild.strategy.internal.imports.ImportedTree.Node;
import de.lagebild.strategy.internal.imports.ImportedTree.Problem;
import de.lagebild.strategy.internal.store.RoundRepository;
import de.lagebild.strategy.internal.store.Rows.GoalRow;
import de.lagebild.strategy.internal.store.Rows.MeasureRow;
import de.lagebild.strategy.internal.store.Rows.RoundRow;
import de.lagebild.strategy.internal.store.Rows.RoundState;
import de.lagebild.strategy.internal.store.Rows.StrategyRow;
import de.lagebild.strategy.internal.store.Rows.StrategyStatus;
import de.lagebild.strategy.internal.store.Rows.Visibility;
import de.lagebild.strategy.internal.store.StrategyRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The strategy import as the wizard, the API and background jobs use it: read and check a file
 * (StrategyFileReader, ImportChecks), compare it with an existing strategy (ImportComparison), and
 * write it (ImportWriter) as a new strategy or into an existing one, in one transaction with its
 * audit entry. Imports strategies from the formats districts bring: the table format of seed 000 as
 * text or inside a .docx, the key-value blocks of goal agreements, and Lagebild's own CSV/XLSX
 * layout. Reading and checking write nothing; a commit re-reads the same bytes and writes
 * everything in one transaction, or nothing. Into an existing strategy the import updates matching
 * goals and measures (by id from the own layout, by code, else by title) instead of duplicating
 * them; what the strategy has and the file lacks stays and is reported as missing.
 *
 * <p>Why this class is long: it is the one entry point of the import (wizard, API, background job);
 * each step is its own class and this one keeps their order and the transaction.
 */
@Service
public class StrategyImport {

  public record Summary(
      UUID strategyId,
      int goals,
      int measures,
      int assessments,
      int linkedMeasures,
      int updated,
      int unchanged,
      int missing,
      int unitsCreated) {}

  /**
   * New strategy (existing == null, with title and kind) or an existing one; an optional name for
   * the round.
   */
  public record Target(UUID existing, String title, String kind, String round) {}

  public enum ChangeKind {
    NEW,
    CHANGED,
    UNCHANGED,
    MISSING
  }

  record Change(
      ChangeKind kind,
      String level,
      String code,
      String title,
      List<String> fields,
      String location) {}

  public record Plan(List<Change> changes, Map<ChangeKind, Integer> counts) {}

  /** Hears how many goals and measures an import will write and has written. */
  /** Told how far a commit has got (a background job's progress). */
  interface ProgressListener extends BackgroundJobs.Listener {}

  private final StrategyRepository strategies;
  private final RoundRepository rounds;
  private final ResponsibleUnits units;
  private final ImportChecks checks;
  private final ImportComparison comparison;
  private final ImportMerge merging;
  private final AuditLog audit;
  private final Clock clock;

  private final ImportLabels labels;
  private final org.springframework.beans.factory.ObjectProvider<GoalNeeds> goalNeeds;

  StrategyImport(
      StrategyRepository strategies,
      RoundRepository rounds,
      ResponsibleUnits units,
      ImportChecks checks,
      ImportComparison comparison,
      ImportMerge merging,
      AuditLog audit,
      Clock clock,
      ImportLabels labels,
      org.springframework.beans.factory.ObjectProvider<GoalNeeds> goalNeeds) {
    this.labels = labels;
    this.goalNeeds = goalNeeds;
    this.strategies = strategies;
    this.rounds = rounds;
    this.units = units;
    this.checks = checks;
    this.comparison = comparison;
    this.merging = merging;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Detects the format (unless given: table, docx, keyvalue, csv, xlsx), reads and checks; writes
   * nothing.
   */
  public ImportedTree read(byte[] bytes, String fileName, String format) {
    ImportedTree tree = StrategyFileReader.read(bytes, fileName, format, labels.labels());
    checks.check(tree);
    return tree;
  }

  /** What an import into {@code strategyId} would do to each goal and measure; writes nothing. */
  public Plan plan(ImportedTree tree, UUID strategyId, String roundOverride) {
    return comparison.plan(tree, strategyId, roundOverride);
  }

  // ---------------------------------------------------------------- writing

  /**
   * Reads the bytes again and writes the result in one transaction: a new strategy, or the changes
   * to an existing one. Refuses when the file has errors. {@code progress} hears the number of
   * goals and measures written.
   */
  @Transactional
  public Summary commit(
      byte[] bytes,
      String fileName,
      String format,
      Target target,
      BackgroundJobs.Listener listener) {
    ImportedTree tree = read(bytes, fileName, format);
    IntConsumer progress = listener == null ? n -> {} : listener::done;
    if (listener != null) {
      listener.total(tree.getGoalCount() + tree.getMeasureCount());
    }
    if (tree.hasErrors()) {
      Problem first = tree.getErrors().get(0);
      throw new DomainException(
          "import.hasErrors", tree.getErrors().size(), first.location(), first.field());
    }
    if (tree.getGoalCount() == 0) {
      throw new DomainException("import.noHeadings");
    }
    Instant now = clock.instant();
    Map<String, String> roundNames = roundNames(tree, target.round());
    Summary summary;
    if (target.existing() == null) {
      String title = target.title() == null ? "" : target.title().strip();
      if (title.isEmpty() || title.length() > 300) {
        throw new DomainException("import.titleRequired");
      }
      StrategyRow strategy =
          new StrategyRow(
              UUID.randomUUID(),
              title,
              Text.blankToNull(target.kind()),
              null,
              null,
              null,
              StrategyStatus.DRAFT,
              tree.levelNames,
              Visibility.INTERNAL,
              null,
              0);
      strategies.insert(strategy, now);
      Map<String, RoundRow> roundRows =
          createRounds(strategy.id(), tree, roundNames, Map.of(), now);
      List<ResponsibleUnit> tenantUnits = units.list();
      int before = tenantUnits.size();
      ImportWriter w =
          new ImportWriter(
              strategies,
              strategy,
              roundRows,
              roundNames,
              n -> linkUnits(n, tenantUnits),
              author(),
              now,
              progress);
      w.goals(tree.roots, null, null);
      w.flush();
      int needLinks = linkNeeds(w.needLinks);
      summary =
          new Summary(
              strategy.id(),
              w.goalsWritten,
              w.measuresWritten,
              w.assessmentsWritten,
              w.linked,
              0,
              0,
              0,
              units.list().size() - before);
      audit.record(
          "CREATE",
          "Strategy",
          strategy.id(),
          "Strategie importiert: " + strategy.title(),
          null,
          withNeeds(auditValues(tree, summary, roundNames), needLinks));
    } else {
      summary = merge(tree, target.existing(), roundNames, now, progress);
    }
    return summary;
  }

  /**
   * Links the goals to the needs their "Bedarfe" field names (by title, one per line or separated
   * by ";"), adding to the links a goal has; names that match no need were reported in the preview
   * and are left out. Returns the number of links added.
   */
  private int linkNeeds(Map<UUID, String> links) {
    GoalNeeds n = goalNeeds.getIfAvailable();
    if (n == null || links.isEmpty()) {
      return 0;
    }
    Map<String, UUID> byTitle = needsByTitle(n);
    int added = 0;
    for (Map.Entry<UUID, String> e : links.entrySet()) {
      java.util.Set<UUID> ids = new java.util.LinkedHashSet<>();
      n.of(e.getKey()).forEach(r -> ids.add(r.id()));
      int before = ids.size();
      for (String title : needTitles(e.getValue())) {
        UUID id = byTitle.get(ImportFields.normalise(title));
        if (id != null) {
          ids.add(id);
        }
      }
      if (ids.size() > before) {
        n.answer(e.getKey(), ids);
        added += ids.size() - before;
      }
    }
    return added;
  }

  /** The tenant's needs by normalised title. */
  static Map<String, UUID> needsByTitle(GoalNeeds n) {
    Map<String, UUID> byTitle = new java.util.HashMap<>();
    for (GoalNeeds.Choice c : n.all()) {
      byTitle.putIfAbsent(ImportFields.normalise(c.title()), c.id());
    }
    return byTitle;
  }

  /** The need titles of a "Bedarfe" field: one per line or separated by ";". */
  static List<String> needTitles(String field) {
    List<String> titles = new java.util.ArrayList<>();
    for (String t : field.split("[;\\n]")) {
      String s = t.strip().replaceFirst("^[-•*]\\s*", "");
      if (!s.isEmpty()) {
        titles.add(s);
      }
    }
    return titles;
  }

  private static Map<String, Object> withNeeds(Map<String, Object> values, int needLinks) {
    if (needLinks > 0) {
      values.put("needLinks", needLinks);
    }
    return values;
  }

  private static Map<String, Object> auditValues(
      ImportedTree tree, Summary s, Map<String, String> roundNames) {
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("format", tree.format.name());
    after.put("goals", s.goals());
    after.put("measures", s.measures());
    after.put("assessments", s.assessments());
    after.put("updated", s.updated());
    after.put("rounds", String.join(", ", roundNames.values()));
    return after;
  }

  /** The round names of the file, the first renamed when the user chose another name. */
  static Map<String, String> roundNames(ImportedTree tree, String override) {
    Map<String, String> names = new LinkedHashMap<>();
    for (String r : tree.rounds) {
      names.put(r, r);
    }
    if (override != null && !override.isBlank() && !tree.rounds.isEmpty()) {
      if (override.strip().length() > 100) {
        throw new DomainException("round.nameTooLong");
      }
      names.put(tree.rounds.get(0), override.strip());
    }
    return names;
  }

  private Map<String, RoundRow> createRounds(
      UUID strategyId,
      ImportedTree tree,
      Map<String, String> names,
      Map<String, RoundRow> existing,
      Instant now) {
    Map<String, RoundRow> result = new HashMap<>();
    for (String fileName : tree.rounds) {
      String name = names.get(fileName);
      RoundRow row = existing.get(name);
      if (row == null) {
        FuzzyDate period = FuzzyDate.parse(name);
        row =
            new RoundRow(
                UUID.randomUUID(),
                strategyId,
                name,
                period.earliest(),
                period.latest(),
                null,
                RoundState.CLOSED,
                0);
        rounds.insert(row, now);
      }
      result.put(fileName, row);
    }
    return result;
  }

  private String author() {
    return CurrentUser.get().map(u -> u.actorName()).orElse("Import") + " (Import)";
  }

  /**
   * Units named in "Organisationseinheiten" (created when missing), else those named in
   * "Verantwortlich".
   */
  private Set<UUID> linkUnits(Node n, List<ResponsibleUnit> tenantUnits) {
    List<String> named = ImportChecks.splitUnits(n.field(ImportFields.UNITS));
    if (!named.isEmpty()) {
      Set<UUID> ids = new LinkedHashSet<>();
      named.forEach(name -> ids.add(units.findOrCreate(name).id()));
      return ids;
    }
    return ImportedRows.link(n.field(ImportFields.RESPONSIBLE), tenantUnits);
  }

  private Summary merge(
      ImportedTree tree,
      UUID strategyId,
      Map<String, String> roundNames,
      Instant now,
      IntConsumer progress) {
    ExistingStrategy existing = comparison.load(strategyId);
    Map<String, RoundRow> roundRows =
        createRounds(strategyId, tree, roundNames, existing.roundsByName, now);
    List<ResponsibleUnit> tenantUnits = units.list();
    int unitsBefore = tenantUnits.size();
    ImportWriter w =
        new ImportWriter(
            strategies,
            existing.strategy,
            roundRows,
            roundNames,
            n -> linkUnits(n, tenantUnits),
            author(),
            now,
            progress);
    w.goalPosition = existing.goals.stream().mapToInt(GoalRow::position).max().orElse(-1) + 1;
    w.measurePosition =
        existing.measures.stream().mapToInt(MeasureRow::position).max().orElse(-1) + 1;
    int[] updated = {0};
    int[] unchanged = {0};
    merging.mergeGoals(tree.roots, null, existing, w, roundNames, updated, unchanged);
    w.flush();
    int needLinks = linkNeeds(w.needLinks);
    int missing =
        (int) existing.goals.stream().filter(g -> !existing.used.contains(g.id())).count()
            + (int) existing.measures.stream().filter(m -> !existing.used.contains(m.id())).count();
    Summary s =
        new Summary(
            strategyId,
            w.goalsWritten,
            w.measuresWritten,
            w.assessmentsWritten,
            w.linked,
            updated[0],
            unchanged[0],
            missing,
            units.list().size() - unitsBefore);
    audit.record(
        "UPDATE",
        "Strategy",
        strategyId,
        "Strategie durch Import aktualisiert: " + existing.strategy.title(),
        null,
        withNeeds(auditValues(tree, s, roundNames), needLinks));
    return s;
  }

  /**
   * Writes a tree as a new strategy's goals and measures; used by the demo loader. Returns goals
   * and measures.
   */
  public int[] writeTree(
      StrategyRow strategy,
      ImportedTree tree,
      Map<String, RoundRow> roundRows,
      Function<String, Set<UUID>> linker,
      String author,
      Instant now) {
    Map<String, String> names = new LinkedHashMap<>();
    tree.rounds.forEach(r -> names.put(r, r));
    ImportWriter w =
        new ImportWriter(
            strategies,
            strategy,
            roundRows,
            names,
            n -> linker.apply(n.field(ImportFields.RESPONSIBLE)),
            author,
            now,
            null);
    w.goals(tree.roots, null, null);
    w.flush();
    return new int[] {w.goalsWritten, w.measuresWritten, w.assessmentsWritten, w.linked};
  }
}
