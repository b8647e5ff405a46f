package de.lagebild.strategy.internal.imports;

import de.lagebild.exchange.FuzzyDate;
import de.lagebild.exchange.SafeHtml;
import de.lagebild.exchange.TextDecoder;
import de.lagebild.identity.CurrentUser;
import de.lagebild.identity.ResponsibleUnit;
import de.lagebild.identity.ResponsibleUnits;
import de.lagebild.platform.AuditLog;
import de.lagebild.platform.BackgroundJobs;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.LifeSituation;
import de.lagebild.platform.NotFoundException;
import de.lagebild.platform.Text;
import de.lagebild.strategy.internal.editing.GoalWriter;
import de.lagebild.strategy.internal.imports.ImportedTree.Assessment;
import de.lagebild.strategy.internal.imports.ImportedTree.Node;
import de.lagebild.strategy.internal.imports.ImportedTree.Problem;
import de.lagebild.strategy.internal.report.ReportDocxWriter;
import de.lagebild.strategy.internal.status.StatusCatalogue;
import de.lagebild.strategy.internal.store.ExtraFields;
import de.lagebild.strategy.internal.store.MeasureRepository;
import de.lagebild.strategy.internal.store.RoundRepository;
import de.lagebild.strategy.internal.store.Rows;
import de.lagebild.strategy.internal.store.Rows.AssessmentRow;
import de.lagebild.strategy.internal.store.Rows.GoalRow;
import de.lagebild.strategy.internal.store.Rows.MeasureRow;
import de.lagebild.strategy.internal.store.Rows.PreventionLevel;
import de.lagebild.strategy.internal.store.Rows.ReviewDecision;
import de.lagebild.strategy.internal.store.Rows.ReviewRow;
import de.lagebild.strategy.internal.store.Rows.RoundRow;
import de.lagebild.strategy.internal.store.Rows.RoundState;
import de.lagebild.strategy.internal.store.Rows.StrategyRow;
import de.lagebild.strategy.internal.store.Rows.StrategyStatus;
import de.lagebild.strategy.internal.store.Rows.Visibility;
import de.lagebild.strategy.internal.store.StrategyRepository;
import de.lagebild.strategy.internal.store.StrategyTables;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports strategies from the formats districts bring: the table format of seed 000 as text or
 * inside a .docx, the key-value blocks of goal agreements, and Lagebild's own CSV/XLSX layout.
 * Reading and checking write nothing; a commit re-reads the same bytes and writes everything in one
 * transaction, or nothing. Into an existing strategy the import updates matching goals and measures
 * (by id from the own layout, by code, else by title) instead of duplicating them; what the
 * strategy has and the file lacks stays and is reported as missing.
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

  private static final int BATCH = 500;

  private final StrategyRepository strategies;
  private final MeasureRepository measures;
  private final RoundRepository rounds;
  private final GoalWriter goalWriter;
  private final ExtraFields extras;
  private final StatusCatalogue statuses;
  private final ResponsibleUnits units;
  private final AuditLog audit;
  private final Clock clock;

  StrategyImport(
      StrategyRepository strategies,
      MeasureRepository measures,
      RoundRepository rounds,
      GoalWriter goalWriter,
      ExtraFields extras,
      StatusCatalogue statuses,
      ResponsibleUnits units,
      AuditLog audit,
      Clock clock) {
    this.strategies = strategies;
    this.measures = measures;
    this.rounds = rounds;
    this.goalWriter = goalWriter;
    this.extras = extras;
    this.statuses = statuses;
    this.units = units;
    this.audit = audit;
    this.clock = clock;
  }

  // ---------------------------------------------------------------- reading

  /**
   * Detects the format (unless given: table, docx, keyvalue, csv, xlsx), reads and checks; writes
   * nothing.
   */
  public ImportedTree read(byte[] bytes, String fileName, String format) {
    if (bytes == null || bytes.length == 0) {
      throw new DomainException("import.empty");
    }
    String wanted =
        format == null || format.isBlank() || format.equals("auto")
            ? null
            : format.toLowerCase(Locale.ROOT);
    if (wanted != null && !List.of("table", "docx", "keyvalue", "csv", "xlsx").contains(wanted)) {
      throw new DomainException("import.formatUnsupported", format);
    }
    String ext =
        fileName == null ? "" : fileName.toLowerCase(Locale.ROOT).replaceFirst("^.*\\.", "");
    ImportedTree tree;
    if (OfficeFiles.isZip(bytes)) {
      String kind = wanted != null ? wanted : OfficeFiles.kind(bytes);
      if (kind == null) {
        kind = ext;
      }
      tree =
          switch (kind) {
            case "docx" -> DocxTableReader.read(bytes);
            case "xlsx" -> OwnLayoutReader.readXlsx(bytes);
            default -> throw new DomainException("import.zipUnknown");
          };
    } else {
      if ("docx".equals(wanted) || "xlsx".equals(wanted)) {
        throw new DomainException("import.notOffice", wanted);
      }
      TextDecoder.Decoded decoded = TextDecoder.decode(bytes);
      String text = decoded.text();
      String kind =
          wanted != null
              ? wanted
              : OwnLayoutReader.looksLike(text)
                  ? "csv"
                  : KeyValueReader.looksLike(text) ? "keyvalue" : "table";
      tree =
          switch (kind) {
            case "csv" -> OwnLayoutReader.readCsv(text);
            case "keyvalue" -> KeyValueReader.read(text);
            default -> TableFormatReader.read(text);
          };
      tree.charset = decoded.charset();
    }
    check(tree);
    return tree;
  }

  /** Checks that need the tenant: status codes, numbers, units, lengths. */
  private void check(ImportedTree tree) {
    Set<String> statusCodes = statuses.byCode().keySet();
    Set<String> unitNames =
        units.list().stream()
            .map(u -> u.name().toLowerCase(Locale.GERMAN))
            .collect(Collectors.toSet());
    Set<String> announced = new HashSet<>();
    List<Problem> found = new ArrayList<>();
    ImportedTree.walk(
        tree.roots,
        g -> {
          codeAndTitle(g, found);
          lifeSituations(g, found);
        },
        m -> {
          codeAndTitle(m, found);
          lifeSituations(m, found);
          String weight = m.field(ImportFields.WEIGHT);
          if (!weight.isEmpty() && !weight.matches("\\d{1,3}")
              || !weight.isEmpty() && Integer.parseInt(weight) > 100) {
            found.add(
                new Problem(
                    m.line, m.location, ImportFields.WEIGHT, "import.weight", weight, true));
          }
          String prevention = m.field(ImportFields.PREVENTION);
          if (!prevention.isEmpty() && prevention(prevention) == null) {
            found.add(
                new Problem(
                    m.line,
                    m.location,
                    ImportFields.PREVENTION,
                    "import.prevention",
                    prevention,
                    true));
          }
          for (String unit : splitUnits(m.field(ImportFields.UNITS))) {
            if (!unitNames.contains(unit.toLowerCase(Locale.GERMAN))
                && announced.add(unit.toLowerCase(Locale.GERMAN))) {
              found.add(
                  new Problem(
                      m.line, m.location, ImportFields.UNITS, "import.unitCreated", unit, false));
            }
          }
          m.assessments.forEach(
              (round, a) -> {
                if (a.statusCode() != null && !statusCodes.contains(a.statusCode())) {
                  found.add(
                      new Problem(
                          m.line,
                          m.location,
                          round + ": Status",
                          "import.statusUnknown",
                          a.statusCode(),
                          true));
                }
                if (a.progress() != null && (a.progress() < 0 || a.progress() > 100)) {
                  found.add(
                      new Problem(
                          m.line,
                          m.location,
                          round + ": Fortschritt",
                          "import.progress",
                          String.valueOf(a.progress()),
                          true));
                }
              });
        });
    for (String round : tree.rounds) {
      if (round.length() > 100) {
        found.add(new Problem(0, "", "Einschätzung", "round.nameTooLong", round, true));
      }
    }
    tree.problems.addAll(found);
  }

  private static void codeAndTitle(Node n, List<Problem> found) {
    if (n.code != null && n.code.length() > 30) {
      found.add(new Problem(n.line, n.location, "Nr.", "import.codeTooLong", n.code, true));
    }
    if (n.title.length() > 4000) {
      found.add(
          new Problem(
              n.line,
              n.location,
              "Titel",
              "import.titleTooLong",
              TableFormatReader.abbreviate(n.title),
              true));
    }
  }

  private static void lifeSituations(Node n, List<Problem> found) {
    String value = n.field(ImportFields.LIFE_SITUATIONS);
    if (value.isEmpty()) {
      return;
    }
    List<String> unknown = new ArrayList<>();
    Set<String> known = new LinkedHashSet<>();
    for (String part : value.split("[,;]")) {
      String code = lifeSituation(part.strip());
      if (code != null) {
        known.add(code);
      } else if (!part.isBlank()) {
        unknown.add(part.strip());
      }
    }
    n.fields.put(ImportFields.LIFE_SITUATIONS, String.join(",", known));
    if (!unknown.isEmpty()) {
      // kept, as an extra field
      n.extras.merge(
          ImportFields.LIFE_SITUATIONS, String.join(", ", unknown), (a, b) -> a + ", " + b);
      found.add(
          new Problem(
              n.line,
              n.location,
              ImportFields.LIFE_SITUATIONS,
              "import.lifeSituationUnknown",
              String.join(", ", unknown),
              false));
    }
  }

  private static String lifeSituation(String text) {
    String t =
        text.toUpperCase(Locale.GERMAN).replace("Ä", "AE").replace("Ü", "UE").replace("Ö", "OE");
    for (String code : LifeSituation.codes()) {
      if (code.equals(t) || code.equals(t.replace("UE", "U"))) {
        return code;
      }
    }
    return null;
  }

  static PreventionLevel prevention(String text) {
    String t = text.strip().toLowerCase(Locale.GERMAN);
    if (t.isEmpty()) {
      return null;
    }
    for (PreventionLevel p : PreventionLevel.values()) {
      if (p.name().equalsIgnoreCase(t)) {
        return p;
      }
    }
    return t.startsWith("prim")
        ? PreventionLevel.PRIMARY
        : t.startsWith("sekund") || t.startsWith("second")
            ? PreventionLevel.SECONDARY
            : t.startsWith("tert") ? PreventionLevel.TERTIARY : null;
  }

  static List<String> splitUnits(String text) {
    return text.isBlank()
        ? List.of()
        : Arrays.stream(text.split("[;\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  // ---------------------------------------------------------------- planning a re-import

  /** What an import into {@code strategyId} would do to each goal and measure; writes nothing. */
  public Plan plan(ImportedTree tree, UUID strategyId, String roundOverride) {
    Existing existing = new Existing(strategyId);
    List<Change> changes = new ArrayList<>();
    Map<String, String> roundNames = roundNames(tree, roundOverride);
    matchGoals(tree, tree.roots, null, existing, roundNames, changes);
    for (GoalRow g : existing.goals) {
      if (!existing.used.contains(g.id())) {
        changes.add(
            new Change(
                ChangeKind.MISSING,
                levelName(existing.strategy, g.level()),
                g.code(),
                g.title(),
                List.of(),
                ""));
      }
    }
    for (MeasureRow m : existing.measures) {
      if (!existing.used.contains(m.id())) {
        changes.add(new Change(ChangeKind.MISSING, "Maßnahme", m.code(), m.title(), List.of(), ""));
      }
    }
    Map<ChangeKind, Integer> counts = new EnumMap<>(ChangeKind.class);
    for (ChangeKind k : ChangeKind.values()) {
      counts.put(k, 0);
    }
    changes.forEach(c -> counts.merge(c.kind(), 1, Integer::sum));
    // what needs a look first: changed, new, missing; the unchanged at the end (each in file order)
    List<ChangeKind> order =
        List.of(ChangeKind.CHANGED, ChangeKind.NEW, ChangeKind.MISSING, ChangeKind.UNCHANGED);
    List<Change> sorted = new ArrayList<>(changes);
    sorted.sort(Comparator.comparingInt(c -> order.indexOf(c.kind())));
    return new Plan(sorted, counts);
  }

  private static String levelName(StrategyRow s, int level) {
    return s.levelName(level);
  }

  /** The strategy as it is, indexed for matching. */
  private final class Existing {
    final StrategyRow strategy;
    final List<GoalRow> goals;
    final List<MeasureRow> measures;
    final Map<UUID, Map<String, String>> extraFields;
    final Map<String, RoundRow> roundsByName = new HashMap<>();
    final Map<Rows.RoundMeasure, AssessmentRow> latest;
    final Map<UUID, String> unitNames;
    final Set<UUID> used = new HashSet<>();
    final Set<String> goalCodes = new HashSet<>();
    final Set<String> measureCodes = new HashSet<>();

    Existing(UUID strategyId) {
      strategy = strategies.find(strategyId).orElseThrow(NotFoundException::new);
      goals = strategies.goals(strategyId);
      measures = StrategyImport.this.measures.ofStrategy(strategyId);
      extraFields = extras.ofStrategy(strategyId);
      List<RoundRow> all = rounds.ofStrategy(strategyId);
      all.forEach(r -> roundsByName.put(r.name(), r));
      latest = Rows.newestVersions(rounds.ofRounds(all.stream().map(RoundRow::id).toList()));
      unitNames =
          units.list().stream()
              .collect(Collectors.toMap(ResponsibleUnit::id, ResponsibleUnit::name));
      goals.forEach(g -> goalCodes.add(g.code()));
      measures.forEach(m -> measureCodes.add(m.code()));
    }

    public GoalRow goal(Node n, UUID parent) {
      return match(goals, n, GoalRow::id, GoalRow::code, GoalRow::title, g -> g.level() == n.level);
    }

    MeasureRow measure(Node n) {
      return match(measures, n, MeasureRow::id, MeasureRow::code, MeasureRow::title, m -> true);
    }

    private <T> T match(
        List<T> rows,
        Node n,
        Function<T, UUID> id,
        Function<T, String> code,
        Function<T, String> title,
        Predicate<T> fits) {
      List<T> free =
          rows.stream().filter(r -> !used.contains(id.apply(r)) && fits.test(r)).toList();
      T found = null;
      if (n.sourceId != null) {
        found =
            free.stream()
                .filter(r -> id.apply(r).toString().equals(n.sourceId))
                .findFirst()
                .orElse(null);
      }
      Function<T, Boolean> byCode = r -> Objects.equals(code.apply(r), n.code);
      Function<T, Boolean> byTitle = r -> normal(title.apply(r)).equals(normal(n.title));
      // a code read from the file decides first; a code made up from the position only after the
      // title
      List<Function<T, Boolean>> order =
          n.codeGenerated ? List.of(byTitle, byCode) : List.of(byCode, byTitle);
      for (Function<T, Boolean> criterion : order) {
        if (found == null) {
          found = free.stream().filter(criterion::apply).findFirst().orElse(null);
        }
      }
      if (found != null) {
        used.add(id.apply(found));
      }
      return found;
    }
  }

  private static String normal(String s) {
    return s == null ? "" : s.toLowerCase(Locale.GERMAN).replaceAll("\\s+", " ").strip();
  }

  private void matchGoals(
      ImportedTree tree,
      List<Node> nodes,
      UUID parent,
      Existing existing,
      Map<String, String> roundNames,
      List<Change> changes) {
    for (Node g : nodes) {
      GoalRow match = existing.goal(g, parent);
      String level = tree.levelName(g.level);
      if (match == null) {
        changes.add(new Change(ChangeKind.NEW, level, g.code, g.title, List.of(), g.location));
      } else {
        List<String> diff =
            goalDiff(match, g, existing.extraFields.getOrDefault(match.id(), Map.of()));
        changes.add(
            new Change(
                diff.isEmpty() ? ChangeKind.UNCHANGED : ChangeKind.CHANGED,
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
              new Change(ChangeKind.NEW, "Maßnahme", m.code, m.title, List.of(), m.location));
        } else {
          List<String> diff =
              measureDiff(mm, m, match == null ? null : match.id(), existing, roundNames);
          changes.add(
              new Change(
                  diff.isEmpty() ? ChangeKind.UNCHANGED : ChangeKind.CHANGED,
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

  private static List<String> goalDiff(GoalRow row, Node n, Map<String, String> oldExtras) {
    GoalRow wanted =
        goalRow(
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

  private List<String> measureDiff(
      MeasureRow row, Node n, UUID goalId, Existing existing, Map<String, String> roundNames) {
    MeasureRow wanted =
        measureRow(
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

  private static boolean sameAssessment(AssessmentRow old, Assessment a) {
    return old != null
        && Objects.equals(old.statusCode(), a.statusCode())
        && Objects.equals(old.progress(), a.progress())
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
      Writer w =
          new Writer(
              strategy,
              roundRows,
              roundNames,
              n -> linkUnits(n, tenantUnits),
              author(),
              now,
              progress);
      w.goals(tree.roots, null, null);
      w.flush();
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
          auditValues(tree, summary, roundNames));
    } else {
      summary = merge(tree, target.existing(), roundNames, now, progress);
    }
    return summary;
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
  private static Map<String, String> roundNames(ImportedTree tree, String override) {
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
    List<String> named = splitUnits(n.field(ImportFields.UNITS));
    if (!named.isEmpty()) {
      Set<UUID> ids = new LinkedHashSet<>();
      named.forEach(name -> ids.add(units.findOrCreate(name).id()));
      return ids;
    }
    return link(n.field(ImportFields.RESPONSIBLE), tenantUnits);
  }

  private Set<UUID> unitsWanted(Node n, MeasureRow row, Map<UUID, String> unitNames) {
    List<String> named = splitUnits(n.field(ImportFields.UNITS));
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

  /** Writes new goals and measures in batches. */
  private final class Writer {
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
    int pendingCount;
    int goalsWritten;
    int measuresWritten;
    int assessmentsWritten;
    int linked;

    /** Positions continue after those a re-import found. */
    int goalPosition;

    int measurePosition;

    Writer(
        StrategyRow strategy,
        Map<String, RoundRow> roundRows,
        Map<String, String> roundNames,
        Function<Node, Set<UUID>> linker,
        String author,
        Instant now,
        IntConsumer progress) {
      this.strategy = strategy;
      this.roundRows = roundRows;
      this.roundNames = roundNames;
      this.linker = linker;
      this.author = author;
      this.now = now;
      this.progress = progress == null ? n -> {} : progress;
    }

    void goals(List<Node> nodes, UUID parent, Existing existing) {
      for (Node g : nodes) {
        UUID id = goal(g, parent, existing);
        goals(g.children, id, existing);
      }
    }

    /** Inserts a goal and its measures; returns its id. */
    public UUID goal(Node g, UUID parent, Existing existing) {
      String code = existing == null ? g.code : freeCode(g.code, existing.goalCodes);
      GoalRow row = goalRow(g, UUID.randomUUID(), strategy.id(), parent, goalPosition++, code, 0);
      goalRows.add(StrategyRepository.goalRow(row, now));
      added();
      extrasOf(row.id(), g);
      goalsWritten++;
      progress.accept(goalsWritten + measuresWritten);
      for (Node m : g.measures) {
        measure(m, row.id(), existing);
      }
      return row.id();
    }

    void measure(Node m, UUID goalId, Existing existing) {
      String code = existing == null ? m.code : freeCode(m.code, existing.measureCodes);
      Set<UUID> unitIds = linker.apply(m);
      MeasureRow row =
          measureRow(
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
     * Writes what is pending, parents first: goals, measures, their units, assessments, extra
     * fields.
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
  }

  private static String freeCode(String code, Set<String> taken) {
    String c = code;
    int i = 2;
    while (taken.contains(c)) {
      c = code + "-" + i++;
    }
    taken.add(c);
    return c;
  }

  private Summary merge(
      ImportedTree tree,
      UUID strategyId,
      Map<String, String> roundNames,
      Instant now,
      IntConsumer progress) {
    Existing existing = new Existing(strategyId);
    Map<String, RoundRow> roundRows =
        createRounds(strategyId, tree, roundNames, existing.roundsByName, now);
    List<ResponsibleUnit> tenantUnits = units.list();
    int unitsBefore = tenantUnits.size();
    Writer w =
        new Writer(
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
    mergeGoals(tree.roots, null, existing, w, roundNames, updated, unchanged);
    w.flush();
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
        auditValues(tree, s, roundNames));
    return s;
  }

  private void mergeGoals(
      List<Node> nodes,
      UUID parent,
      Existing existing,
      Writer w,
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
      Map<String, String> oldExtras = existing.extraFields.getOrDefault(id, Map.of());
      if (goalDiff(match, g, oldExtras).isEmpty()) {
        unchanged[0]++;
      } else {
        w.flush();
        goalWriter.update(
            goalRow(
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
        List<String> diff = measureDiff(mm, m, id, existing, roundNames);
        if (diff.isEmpty()) {
          unchanged[0]++;
          continue;
        }
        w.flush();
        Set<UUID> unitIds =
            splitUnits(m.field(ImportFields.UNITS)).isEmpty() ? mm.unitIds() : w.linker.apply(m);
        MeasureRow next =
            measureRow(
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
              if (!sameAssessment(before, a)) {
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

  // ---------------------------------------------------------------- rows from nodes

  static GoalRow goalRow(
      Node g, UUID id, UUID strategyId, UUID parent, int position, String code, int version) {
    return new GoalRow(
        id,
        strategyId,
        parent,
        g.level,
        position,
        code,
        g.title,
        Text.blankToNull(g.field(ImportFields.DESCRIPTION)),
        Text.blankToNull(g.field(ImportFields.INDICATORS)),
        Text.blankToNull(g.field(ImportFields.GOAL_SOURCE)),
        lifeSet(g.field(ImportFields.LIFE_SITUATIONS)),
        version);
  }

  static MeasureRow measureRow(
      Node m,
      UUID id,
      UUID strategyId,
      UUID goalId,
      int position,
      String code,
      Set<UUID> unitIds,
      int version) {
    String weight = m.field(ImportFields.WEIGHT);
    return new MeasureRow(
        id,
        strategyId,
        goalId,
        position,
        code,
        m.title,
        Text.blankToNull(m.field(ImportFields.DESCRIPTION)),
        Text.blankToNull(m.field(ImportFields.RESPONSIBLE)),
        Text.blankToNull(m.field(ImportFields.PARTNERS)),
        Text.blankToNull(m.field(ImportFields.INDICATORS)),
        Text.blankToNull(m.field(ImportFields.TARGET_GROUPS)),
        lifeSet(m.field(ImportFields.LIFE_SITUATIONS)),
        prevention(m.field(ImportFields.PREVENTION)),
        Text.blankToNull(m.field(ImportFields.COSTS)),
        null,
        Text.blankToNull(m.field(ImportFields.FUNDING)),
        FuzzyDate.parse(m.field(ImportFields.START)),
        FuzzyDate.parse(m.field(ImportFields.END)),
        Text.blankToNull(m.field(ImportFields.COMMUNICATION)),
        weight.matches("\\d{1,3}") ? Integer.parseInt(weight) : 1,
        unitIds,
        version);
  }

  private static Set<String> lifeSet(String codes) {
    return codes.isBlank() ? Set.of() : new LinkedHashSet<>(List.of(codes.split(",")));
  }

  static Set<UUID> link(String responsible, List<ResponsibleUnit> tenantUnits) {
    Set<UUID> result = new LinkedHashSet<>();
    String text = responsible.toLowerCase(Locale.GERMAN);
    for (ResponsibleUnit u : tenantUnits) {
      if (u.active()
          && (text.contains(u.name().toLowerCase(Locale.GERMAN))
              || (u.shortName() != null
                  && u.shortName().length() > 2
                  && text.contains(u.shortName().toLowerCase(Locale.GERMAN))))) {
        result.add(u.id());
      }
    }
    return result;
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
    Writer w =
        new Writer(
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
