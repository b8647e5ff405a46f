package de.lagebild.atlas.internal.statistics;

import de.lagebild.atlas.internal.indicators.Derivation;
import de.lagebild.atlas.internal.statistics.StatisticsTable.Problem;
import de.lagebild.atlas.internal.store.AreaRepository;
import de.lagebild.atlas.internal.store.AtlasRows;
import de.lagebild.atlas.internal.store.AtlasRows.AreaRow;
import de.lagebild.atlas.internal.store.AtlasRows.IndicatorRow;
import de.lagebild.atlas.internal.store.AtlasRows.Polarity;
import de.lagebild.atlas.internal.store.AtlasRows.ValueRow;
import de.lagebild.atlas.internal.store.IndicatorRepository;
import de.lagebild.atlas.internal.store.Periods;
import de.lagebild.atlas.internal.store.ValueRepository;
import de.lagebild.exchange.TextDecoder;
import de.lagebild.identity.CurrentUser;
import de.lagebild.platform.AuditLog;
import de.lagebild.platform.BackgroundJobs;
import de.lagebild.platform.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Import of official statistics (GENESIS / Regionaldatenbank table CSV, long CSV): preview first –
 * columns and the indicator each one feeds (an existing one found by code or name, or a new one),
 * areas matched by key, else by name (reported), rows of unknown areas listed, every problem with
 * its line – then one transaction. Values that change keep their previous value in the history.
 *
 * <p>Why this class is long: preview and commit must decide the same things (targets, areas,
 * periods) the same way; the commit re-runs the preview on the same bytes so that what was shown is
 * what is written. Reading is in the format readers, area matching in {@link AreaMatching}.
 */
@Service
public class IndicatorImport {

  /** What a column feeds: an existing indicator, a new one with this name, or nothing. */
  record Target(
      int column,
      String label,
      String unit,
      UUID indicator,
      String indicatorName,
      boolean create,
      boolean skip,
      String period,
      String variable) {
    Target(
        int column,
        String label,
        String unit,
        UUID indicator,
        String indicatorName,
        boolean create,
        boolean skip,
        String period) {
      this(column, label, unit, indicator, indicatorName, create, skip, period, null);
    }

    /**
     * What the indicator code of a new indicator is made from: the variable code, else the label.
     */
    String identity() {
      return variable != null && !variable.isBlank() ? variable : label;
    }
  }

  /**
   * @param mapping column index → indicator code, "neu" or "skip" (optional; otherwise found by
   *     code or name)
   * @param period the period of a wide sheet without period columns
   * @param saved a saved column mapping to apply (its entries yield to {@code mapping})
   * @param saveAs the name under which the commit saves the mapping it used (null: not saved)
   * @param toSuccessor a number outside its area's validity goes to the area's successor (else it
   *     is skipped with a note)
   * @param skipInvalid rows with errors are left out and the valid ones written (else any error
   *     refuses the file); errors of the whole file (line 0) refuse it either way
   * @param createAreas areas the tenant does not have are created from the file's keys and names
   *     (level from the key's length, parent from its prefix) before the values are written
   */
  record Options(
      Map<Integer, String> mapping,
      String period,
      UUID saved,
      String saveAs,
      boolean toSuccessor,
      boolean skipInvalid,
      boolean createAreas) {
    Options(Map<Integer, String> mapping, String period, UUID saved, String saveAs) {
      this(mapping, period, saved, saveAs, false, false, false);
    }

    Options(
        Map<Integer, String> mapping,
        String period,
        UUID saved,
        String saveAs,
        boolean toSuccessor) {
      this(mapping, period, saved, saveAs, toSuccessor, false, false);
    }

    Options(
        Map<Integer, String> mapping,
        String period,
        UUID saved,
        String saveAs,
        boolean toSuccessor,
        boolean skipInvalid) {
      this(mapping, period, saved, saveAs, toSuccessor, skipInvalid, false);
    }

    static Options of(Map<Integer, String> mapping) {
      return new Options(mapping, null, null, null);
    }
  }

  /** Told how far a commit has got (a background job's progress). */
  interface Progress extends BackgroundJobs.Listener {}

  record Preview(
      StatisticsTable.Result read,
      String charset,
      List<Target> targets,
      List<Problem> problems,
      int values,
      int areasMatched,
      List<String> unknownAreas) {
    public boolean hasErrors() {
      return problems.stream().anyMatch(Problem::error);
    }

    /** How many rows have errors (they are left out when the user imports the valid rows). */
    public long errorRows() {
      return problems.stream().filter(Problem::error).map(Problem::line).distinct().count();
    }

    /** An error of the whole file (no header, no data …): nothing can be imported. */
    public boolean fileError() {
      return problems.stream().anyMatch(x -> x.error() && x.line() == 0);
    }

    public List<Problem> getProblems() {
      return problems;
    }
  }

  /**
   * What a commit wrote; {@code skippedRows}: rows left out for their errors (only when the user
   * chose to import the valid rows).
   */
  public record Summary(
      int values,
      int created,
      int changed,
      int unchanged,
      int indicatorsCreated,
      UUID batch,
      int skippedRows) {
    public Summary(
        int values, int created, int changed, int unchanged, int indicatorsCreated, UUID batch) {
      this(values, created, changed, unchanged, indicatorsCreated, batch, 0);
    }
  }

  private final AreaRepository areaRepository;
  private final IndicatorRepository indicatorRepository;
  private final ValueRepository valueRepository;
  private final ColumnMappings mappings;
  private final Derivation derivation;
  private final AuditLog audit;
  private final Clock clock;

  private final StreamingValueImport writer;
  private final org.springframework.cache.Cache parsed;

  IndicatorImport(
      AreaRepository areaRepository,
      IndicatorRepository indicatorRepository,
      ValueRepository valueRepository,
      ColumnMappings mappings,
      Derivation derivation,
      AuditLog audit,
      Clock clock,
      StreamingValueImport writer,
      org.springframework.cache.CacheManager caches) {
    this.writer = writer;
    this.parsed = java.util.Objects.requireNonNull(caches.getCache(PARSED_CACHE));
    this.mappings = mappings;
    this.derivation = derivation;
    this.areaRepository = areaRepository;
    this.indicatorRepository = indicatorRepository;
    this.valueRepository = valueRepository;
    this.audit = audit;
    this.clock = clock;
  }

  Preview preview(byte[] bytes, Map<Integer, String> mapping) {
    return preview(bytes, Options.of(mapping));
  }

  Preview preview(byte[] bytes, Options options) {
    byte[] content = bytes;
    boolean zip =
        bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    if (zip) {
      byte[] csv = StatisticsReader.unzipCsv(bytes);
      if (csv != null) {
        content = csv;
        zip = false;
      }
    }
    boolean xlsx = zip;
    TextDecoder.Decoded decoded =
        xlsx ? new TextDecoder.Decoded("", "XLSX") : TextDecoder.decode(content);
    byte[] parsedBytes = content;
    String fingerprint = fingerprint(parsedBytes, options.period());
    Parsed cached = parsed.get(fingerprint, Parsed.class);
    if (cached == null) {
      cached =
          new Parsed(
              xlsx
                  ? StatisticsReader.readXlsx(parsedBytes, options.period())
                  : StatisticsReader.read(decoded.text(), options.period()));
      parsed.put(fingerprint, cached);
    }
    StatisticsTable.Result read = cached.result();
    List<Problem> problems = new ArrayList<>(read.problems());
    Map<Integer, String> mapping = new LinkedHashMap<>();
    if (options.saved() != null) {
      ColumnMappings.Saved saved =
          mappings
              .byId(options.saved())
              .orElseThrow(() -> new DomainException("atlas.mappingUnknown"));
      mapping.putAll(ColumnMappings.apply(saved, read.columns(), problems));
    }
    if (options.mapping() != null) {
      mapping.putAll(options.mapping());
    }
    List<IndicatorRow> indicators = indicatorRepository.indicators();
    List<Target> targets = new ArrayList<>();
    // a code shared by two columns of this file (long labels cut at 50 characters) identifies
    // neither
    Map<String, Long> baseCounts =
        read.columns().stream()
            .filter(x -> x.period() == null)
            .collect(
                java.util.stream.Collectors.groupingBy(
                    x -> baseCode(read.tableCode(), x.identity()),
                    java.util.stream.Collectors.counting()));
    Map<String, String> knownVariables = variables(read.tableCode());
    for (StatisticsTable.Column c : read.columns()) {
      String wanted = mapping.get(c.index());
      if ("skip".equals(wanted)) {
        targets.add(
            new Target(c.index(), c.label(), c.unit(), null, null, false, true, c.period()));
        continue;
      }
      IndicatorRow found = null;
      if (wanted != null && !"neu".equals(wanted)) {
        found =
            indicators.stream()
                .filter(i -> i.code().equals(wanted) || i.id().toString().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new DomainException("atlas.indicatorUnknown", wanted));
      } else if (wanted == null) {
        // the same table and variable first (the code an earlier import of this table gave the
        // indicator), then the name – next year's download lands on the same indicators
        String code =
            baseCode(read.tableCode(), c.period() != null ? newName(read, c) : c.identity());
        String name = newName(read, c);
        boolean unambiguous = c.period() != null || baseCounts.getOrDefault(code, 0L) <= 1;
        String remembered =
            c.code() == null ? null : knownVariables.get(c.code().toUpperCase(Locale.ROOT));
        found =
            indicators.stream()
                .filter(i -> unambiguous && i.code().equals(code))
                .findFirst()
                .or(
                    () ->
                        indicators.stream()
                            .filter(i -> remembered != null && i.code().equals(remembered))
                            .findFirst())
                .or(
                    () ->
                        c.period() != null
                            ? indicators.stream().filter(i -> i.name().equals(name)).findFirst()
                            : indicators.stream()
                                .filter(
                                    i ->
                                        i.code().equalsIgnoreCase(c.label())
                                            || i.name().equalsIgnoreCase(c.label())
                                            || i.name().equalsIgnoreCase(name)
                                            || i.shortName().equalsIgnoreCase(c.label()))
                                .findFirst())
                .orElse(null);
      }
      targets.add(
          found != null
              ? new Target(
                  c.index(),
                  c.label(),
                  c.unit(),
                  found.id(),
                  found.name(),
                  false,
                  false,
                  c.period(),
                  c.code())
              : new Target(
                  c.index(),
                  c.label(),
                  c.unit(),
                  null,
                  newName(read, c),
                  true,
                  false,
                  c.period(),
                  c.code()));
    }
    // problems of columns the user does not take are not in the way
    Set<String> skipped = new HashSet<>();
    targets.stream().filter(Target::skip).forEach(t -> skipped.add(t.label()));
    problems.removeIf(pr -> pr.line() > 1 && skipped.contains(pr.field()));
    List<AreaRow> areas = new AreaMatching.Index(areaRepository.areas());
    java.util.function.Function<AreaRow, AreaRow> successors = successors(areas);
    Set<String> direct = options.toSuccessor() ? directValues(read, areas) : Set.of();
    Map<Integer, Target> targetOf = new HashMap<>();
    targets.forEach(x -> targetOf.put(x.column(), x));
    Map<String, AreaRow> memo = new HashMap<>();
    Map<String, String> periods = new HashMap<>();
    Set<String> unknown = new LinkedHashSet<>();
    Set<UUID> matched = new LinkedHashSet<>();
    Set<String> reported = new LinkedHashSet<>();
    int values = 0;
    for (StatisticsTable.Cell cell : read.cells()) {
      Target t = targetOf.get(cell.column());
      if (t == null || t.skip()) {
        continue;
      }
      String period = periods.get(cell.period());
      if (period == null) {
        try {
          period = Periods.normalise(cell.period());
          periods.put(cell.period(), period);
        } catch (DomainException e) {
          problems.add(
              new Problem(cell.line(), "Zeitraum", "atlas.periodInvalid", cell.period(), true));
          continue;
        }
      }
      String p = period;
      AreaRow area =
          memo.computeIfAbsent(
              cell.key() + "|" + cell.areaName() + "|" + p + "|" + (cell.value() == null),
              k ->
                  orNone(
                      AreaMatching.area(
                          cell, p, areas, successors, options.toSuccessor(), problems, reported)));
      area = area == NONE ? null : area;
      area = notOnTopOfTheFile(cell, period, area, direct, problems);
      if (area == AreaMatching.SKIPPED) {
        continue;
      }
      if (area == null) {
        unknown.add((cell.key() == null ? "" : cell.key() + " ") + cell.areaName());
        continue;
      }
      matched.add(area.id());
      values++;
    }
    if (!unknown.isEmpty()) {
      List<String> some = unknown.stream().limit(10).toList();
      problems.add(
          new Problem(
              0,
              "Gebiet",
              "atlas.areasUnknown",
              unknown.size()
                  + ": "
                  + String.join(", ", some)
                  + (unknown.size() > some.size() ? " …" : ""),
              false));
    }
    return new Preview(
        read, decoded.charset(), targets, problems, values, matched.size(), List.copyOf(unknown));
  }

  private static String newName(StatisticsTable.Result read, StatisticsTable.Column c) {
    if (c.period() != null) {
      // one column per year: all of them feed one new indicator
      return read.title() != null ? read.title() : "Werte je Jahr";
    }
    return c.label() + (read.tableCode() == null ? "" : " (Tabelle " + read.tableCode() + ")");
  }

  /** Writes the preview's values in one transaction; refuses when it has errors. */
  @Transactional
  Summary commit(byte[] bytes, String fileName, Map<Integer, String> mapping) {
    return commit(bytes, fileName, Options.of(mapping), null);
  }

  /**
   * Writes the preview's values in one transaction; refuses when it has errors; tells {@code
   * progress} (if any).
   */
  @Transactional
  Summary commit(byte[] bytes, String fileName, Options options, BackgroundJobs.Listener progress) {
    Preview p = preview(bytes, options);
    Set<Integer> badLines = new HashSet<>();
    p.problems().stream().filter(Problem::error).forEach(x -> badLines.add(x.line()));
    if (p.hasErrors() && (!options.skipInvalid() || badLines.contains(0))) {
      Problem first = p.problems().stream().filter(Problem::error).findFirst().orElseThrow();
      throw new DomainException(
          "atlas.importHasErrors",
          p.problems().stream().filter(Problem::error).count(),
          first.line(),
          first.field());
    }
    Instant now = clock.instant();
    Map<Integer, UUID> indicatorOf = new LinkedHashMap<>();
    int position = indicatorRepository.indicators().size();
    int createdIndicators = 0;
    Map<String, UUID> createdByName = new LinkedHashMap<>();
    Set<UUID> createdHere = new HashSet<>();
    for (Target t : p.targets()) {
      if (t.skip()) {
        continue;
      }
      if (t.create() && t.period() != null && createdByName.containsKey(t.indicatorName())) {
        indicatorOf.put(t.column(), createdByName.get(t.indicatorName()));
      } else if (t.create()) {
        UUID id = UUID.randomUUID();
        if (t.period() != null) {
          createdByName.put(t.indicatorName(), id);
        }
        String code = uniqueCode(p.read().tableCode(), t);
        indicatorRepository.insertIndicator(
            new IndicatorRow(
                id,
                code,
                abbreviate(t.indicatorName(), 300),
                abbreviate(t.period() != null ? t.indicatorName() : t.label(), 80),
                null,
                t.unit(),
                0,
                p.read().source() == null ? fileName : p.read().source(),
                null,
                null,
                Polarity.NEUTRAL,
                null,
                null,
                null,
                "OTHER",
                false,
                position++,
                0,
                null,
                null,
                null),
            now);
        indicatorOf.put(t.column(), id);
        createdHere.add(id);
        createdIndicators++;
      } else {
        indicatorOf.put(t.column(), t.indicator());
      }
    }
    if (options.saveAs() != null && !options.saveAs().isBlank()) {
      Map<UUID, String> codes = new HashMap<>();
      indicatorRepository.indicators().forEach(i -> codes.put(i.id(), i.code()));
      Map<String, String> entries = new LinkedHashMap<>();
      for (Target t : p.targets()) {
        entries.put(
            t.period() != null ? ColumnMappings.ANY_YEAR : t.label(),
            t.skip() ? "skip" : codes.get(indicatorOf.get(t.column())));
      }
      mappings.save(options.saveAs(), entries);
    }
    rememberVariables(p, indicatorOf);
    String author = CurrentUser.get().map(u -> u.actorName()).orElse("Import");
    UUID batch =
        valueRepository.insertBatch(
            fileName, p.read().format().name(), p.read().cells().size(), author, now);
    int areasCreated = options.createAreas() ? createAreas(p.read(), now) : 0;
    List<AreaRow> areas = new AreaMatching.Index(areaRepository.areas());
    java.util.function.Function<AreaRow, AreaRow> successors = successors(areas);
    Set<String> direct = options.toSuccessor() ? directValues(p.read(), areas) : Set.of();
    Map<String, AreaRow> memo = new HashMap<>();
    Map<String, String> periods = new HashMap<>();
    Set<String> reportedInCommit = new HashSet<>();
    List<ValueRow> pending = new ArrayList<>(StreamingValueImport.BATCH);
    int[] counts = new int[4]; // values, new, changed, unchanged
    String source =
        p.read().tableCode() == null
            ? abbreviate(fileName == null ? "Import" : fileName, 300)
            : "Tabelle " + p.read().tableCode();
    List<Problem> ignored = new ArrayList<>();
    int total = p.read().cells().size();
    if (progress != null) {
      progress.total(total);
    }
    int seen = 0;
    for (StatisticsTable.Cell cell : p.read().cells()) {
      if (progress != null && ++seen % 200 == 0) {
        progress.done(seen);
      }
      UUID indicator = indicatorOf.get(cell.column());
      if (indicator == null || badLines.contains(cell.line())) {
        continue;
      }
      String period = periods.computeIfAbsent(cell.period(), Periods::normalise);
      AreaRow area =
          memo.computeIfAbsent(
              cell.key() + "|" + cell.areaName() + "|" + period + "|" + (cell.value() == null),
              k ->
                  orNone(
                      AreaMatching.area(
                          cell,
                          period,
                          areas,
                          successors,
                          options.toSuccessor(),
                          ignored,
                          reportedInCommit)));
      area = area == NONE ? null : area;
      area = notOnTopOfTheFile(cell, period, area, direct, ignored);
      if (area == null || area == AreaMatching.SKIPPED) {
        continue;
      }
      pending.add(
          new ValueRow(
              indicator,
              area.id(),
              period,
              Periods.end(period),
              cell.value(),
              cell.special(),
              cell.flags(),
              batch,
              source,
              0));
      if (pending.size() >= StreamingValueImport.BATCH) {
        writer.flush(pending, counts, now, createdHere);
      }
    }
    writer.flush(pending, counts, now, createdHere);
    int values = counts[0];
    int changed = counts[2];
    int unchanged = counts[3];
    if (progress != null) {
      progress.done(total);
    }
    derivation.recomputeAll();
    Summary s =
        new Summary(
            values,
            values - changed - unchanged,
            changed,
            unchanged,
            createdIndicators,
            batch,
            badLines.size());
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("values", values);
    after.put("changed", changed);
    after.put("indicatorsCreated", createdIndicators);
    if (!badLines.isEmpty()) {
      after.put("skippedRows", badLines.size());
    }
    if (areasCreated > 0) {
      after.put("areasCreated", areasCreated);
    }
    after.put("table", p.read().tableCode());
    audit.record(
        "IMPORT",
        "IndicatorValues",
        batch,
        "Statistik importiert: " + (fileName == null ? "" : fileName),
        null,
        after);
    return s;
  }

  /**
   * Creates the areas of the file's keys that the tenant does not have: the level from the key's
   * length (2 Land, 5 Kreis, 8, 9 or 12 Gemeinde), the parent from the longest prefix that is an
   * area (16 → 16061 → 16061001), the name as the file writes it. Rows without a key create
   * nothing.
   */
  private int createAreas(StatisticsTable.Result read, Instant now) {
    Map<String, AreaRow> byKey = new HashMap<>();
    areaRepository.areas().forEach(a -> byKey.putIfAbsent(a.officialKey(), a));
    Map<String, String> wanted = new java.util.TreeMap<>();
    for (StatisticsTable.Cell c : read.cells()) {
      String key = c.key() == null ? null : AreaMatching.padded(c.key().strip());
      if (key != null && key.matches("\\d{2}|\\d{5}|\\d{8,9}|\\d{12}") && !byKey.containsKey(key)) {
        wanted.putIfAbsent(key, c.areaName() == null ? key : c.areaName().strip());
      }
    }
    int created = 0;
    // shorter keys first, so that parents exist before their children
    List<String> keys = new ArrayList<>(wanted.keySet());
    keys.sort(java.util.Comparator.comparingInt(String::length).thenComparing(k -> k));
    for (String key : keys) {
      AreaRow parent = null;
      for (int len : new int[] {9, 8, 5, 2}) {
        if (len < key.length() && byKey.containsKey(key.substring(0, len))) {
          parent = byKey.get(key.substring(0, len));
          break;
        }
      }
      AtlasRows.AreaType type =
          switch (key.length()) {
            case 2 -> AtlasRows.AreaType.LAND;
            case 5 -> AtlasRows.AreaType.KREIS;
            default -> AtlasRows.AreaType.GEMEINDE;
          };
      AreaRow area =
          new AreaRow(
              UUID.randomUUID(),
              type,
              abbreviate(wanted.get(key), 200),
              key,
              parent == null ? null : parent.id(),
              null,
              null,
              "aus Statistikdatei angelegt",
              0);
      areaRepository.insertArea(area, now);
      audit.record(
          "CREATE",
          "Area",
          area.id(),
          "Gebiet aus Statistikdatei angelegt: " + key + " " + area.name(),
          null,
          Map.of("key", key, "name", area.name(), "type", type.name()));
      byKey.put(key, area);
      created++;
    }
    return created;
  }

  /** Column, area and period of every figure the file gives for an area valid at its period. */
  private static Set<String> directValues(StatisticsTable.Result read, List<AreaRow> areas) {
    Set<String> keys = new HashSet<>();
    List<Problem> none = new ArrayList<>();
    Set<String> reported = new HashSet<>();
    for (StatisticsTable.Cell cell : read.cells()) {
      String period;
      try {
        period = Periods.normalise(cell.period());
      } catch (DomainException e) {
        continue;
      }
      AreaRow a = AreaMatching.area(cell, period, areas, none, reported);
      if (a != null && a != AreaMatching.SKIPPED) {
        keys.add(cell.column() + "|" + a.id() + "|" + period);
      }
      none.clear();
    }
    return keys;
  }

  /**
   * A figure booked on the successor where the file has the successor's own figure for the same
   * column and period is skipped: the file's own figure wins, nothing is written twice.
   */
  private static AreaRow notOnTopOfTheFile(
      StatisticsTable.Cell cell,
      String period,
      AreaRow area,
      Set<String> direct,
      List<Problem> problems) {
    if (area == null || area == AreaMatching.SKIPPED || direct.isEmpty()) {
      return area;
    }
    // booked on the successor: the row names another area than the one it lands on
    boolean booked =
        cell.key() != null && !cell.key().isBlank()
            ? !AreaMatching.padded(cell.key().strip()).equals(area.officialKey())
            : !AreaMatching.clean(cell.areaName()).equals(AreaMatching.clean(area.name()));
    if (booked && direct.contains(cell.column() + "|" + area.id() + "|" + period)) {
      problems.removeIf(
          pr ->
              pr.line() == cell.line()
                  && "atlas.outsideValidityToSuccessor".equals(pr.messageKey()));
      problems.add(
          new Problem(
              cell.line(),
              "Zeitraum",
              "atlas.successorHasOwnValue",
              area.name() + ", " + Periods.label(period),
              false));
      return AreaMatching.SKIPPED;
    }
    return area;
  }

  /** Stands for "no area" in the memo of an import (a map holds no null). */
  private static final AreaRow NONE =
      new AreaRow(null, null, "(unbekannt)", null, null, null, null, null, 0);

  private static AreaRow orNone(AreaRow a) {
    return a == null ? NONE : a;
  }

  /** The area that took over from a dissolved one (the first successor), or null. */
  private java.util.function.Function<AreaRow, AreaRow> successors(List<AreaRow> areas) {
    Map<UUID, AreaRow> byId = new HashMap<>();
    areas.forEach(a -> byId.put(a.id(), a));
    Map<UUID, AreaRow> next = new HashMap<>();
    for (AreaRepository.SuccessorRow r : areaRepository.successors()) {
      next.putIfAbsent(r.predecessor(), byId.get(r.successor()));
    }
    return a -> next.get(a.id());
  }

  /**
   * The indicators the variables of a table (GENESIS codes such as {@code BEVSTD-GESM}) went to in
   * earlier imports – so that the English flat file finds the indicator the German one matched by
   * name. Kept per tenant with the saved column mappings.
   */
  private Map<String, String> variables(String table) {
    if (table == null) {
      return Map.of();
    }
    return mappings
        .byName(ColumnMappings.VARIABLES + table)
        .map(ColumnMappings.Saved::entries)
        .orElse(Map.of());
  }

  private void rememberVariables(Preview p, Map<Integer, UUID> indicatorOf) {
    String table = p.read().tableCode();
    if (table == null) {
      return;
    }
    Map<UUID, String> codes = new HashMap<>();
    indicatorRepository.indicators().forEach(i -> codes.put(i.id(), i.code()));
    Map<String, String> entries =
        new LinkedHashMap<>(
            mappings
                .byName(ColumnMappings.VARIABLES + table)
                .map(ColumnMappings.Saved::entries)
                .orElse(Map.of()));
    boolean changed = false;
    for (StatisticsTable.Column c : p.read().columns()) {
      UUID id = indicatorOf.get(c.index());
      if (c.code() != null && !c.code().isBlank() && id != null && codes.containsKey(id)) {
        changed |=
            !codes.get(id).equals(entries.put(c.code().toUpperCase(Locale.ROOT), codes.get(id)));
      }
    }
    if (changed) {
      mappings.save(ColumnMappings.VARIABLES + table, entries);
    }
  }

  /** The name of the cache of parsed files. */
  static final String PARSED_CACHE = "parsed-statistics";

  /**
   * Parsed files of the last previews (32 MB, about 160,000 cells; unused for 15 minutes they go):
   * the commit after a preview of the same file does not parse it again. Parsing depends on nothing
   * but the bytes, so the cached result is the same for every tenant; matching and writing are
   * always done anew.
   */
  @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
  static class Caches {
    @org.springframework.context.annotation.Bean
    de.lagebild.platform.CacheSpec parsedStatisticsCache() {
      return new de.lagebild.platform.CacheSpec(
          PARSED_CACHE, 32L * 1024 * 1024, java.time.Duration.ofMinutes(15));
    }
  }

  /** A parsed file in the cache, weighed by its cells (about 200 bytes each with their texts). */
  private record Parsed(StatisticsTable.Result result)
      implements de.lagebild.platform.CacheSpec.Weighed {
    @Override
    public long bytes() {
      return 4096L + 200L * result.cells().size() + 200L * result.problems().size();
    }
  }

  /** Forgets the parsed files (for measuring a preview that parses). */
  void forgetParsed() {
    parsed.invalidate();
  }

  private static String fingerprint(byte[] bytes, String period) {
    try {
      byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
      return java.util.HexFormat.of().formatHex(hash) + "|" + (period == null ? "" : period);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The code an import gives a new indicator of this table and column (before uniqueness). */
  static String baseCode(String table, String label) {
    String base =
        ((table == null ? "import" : table) + "-" + label)
            .toLowerCase(Locale.GERMAN)
            .replaceAll("[^a-z0-9äöüß]+", "-")
            .replaceAll("(^-|-$)", "");
    return base.length() > 50 ? base.substring(0, 50) : base;
  }

  private String uniqueCode(String table, Target t) {
    String base = baseCode(table, t.period() != null ? t.indicatorName() : t.identity());
    String code = base;
    int i = 2;
    while (indicatorRepository.indicatorByCode(code).isPresent()) {
      code = base + "-" + i++;
    }
    return code;
  }

  private static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
