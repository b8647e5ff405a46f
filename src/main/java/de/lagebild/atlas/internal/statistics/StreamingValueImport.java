package de.lagebild.atlas.internal.statistics;

import de.lagebild.atlas.internal.indicators.Derivation;
import de.lagebild.atlas.internal.statistics.StatisticsTable.Problem;
import de.lagebild.atlas.internal.store.AreaRepository;
import de.lagebild.atlas.internal.store.AtlasRevision;
import de.lagebild.atlas.internal.store.AtlasRows.AreaRow;
import de.lagebild.atlas.internal.store.AtlasRows.IndicatorRow;
import de.lagebild.atlas.internal.store.AtlasRows.Polarity;
import de.lagebild.atlas.internal.store.AtlasRows.ValueRow;
import de.lagebild.atlas.internal.store.AtlasTables;
import de.lagebild.atlas.internal.store.IndicatorRepository;
import de.lagebild.atlas.internal.store.Periods;
import de.lagebild.atlas.internal.store.ValueRepository;
import de.lagebild.exchange.TextDecoder;
import de.lagebild.identity.CurrentUser;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.TenantScope;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Large long tables ({@code key;indicator;period;value}) read as a stream: line by line, areas,
 * indicators and periods from small caches, values written in prepared batches of 5,000 (values
 * that already exist go through the history path one by one), all in one transaction that any error
 * rolls back. Memory stays flat whatever the file's size.
 */
@Service
public class StreamingValueImport {

  static final int BATCH = 5_000;
  private final AreaRepository areaRepository;
  private final AtlasRevision atlasRevision;
  private final IndicatorRepository indicatorRepository;
  private final ValueRepository valueRepository;
  private final TenantScope scope;
  private final Derivation derivation;
  private final Clock clock;

  StreamingValueImport(
      AreaRepository areaRepository,
      AtlasRevision atlasRevision,
      IndicatorRepository indicatorRepository,
      ValueRepository valueRepository,
      TenantScope scope,
      Derivation derivation,
      Clock clock) {
    this.areaRepository = areaRepository;
    this.atlasRevision = atlasRevision;
    this.indicatorRepository = indicatorRepository;
    this.valueRepository = valueRepository;
    this.scope = scope;
    this.derivation = derivation;
    this.clock = clock;
  }

  /** Whether a file starts with the header of a long table. */
  static boolean isLongTable(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      String head =
          new String(in.readNBytes(200), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
      head = head.replace("\u00ef\u00bb\u00bf", "").replace("\"", "");
      return head.startsWith("schl")
          || head.startsWith("key;")
          || head.startsWith("ags;")
          || head.startsWith("ars;");
    }
  }

  @Transactional
  public IndicatorImport.Summary commit(Path file, String fileName) throws IOException {
    Charset charset;
    try (InputStream in = Files.newInputStream(file)) {
      String name = TextDecoder.decode(in.readNBytes(64 * 1024)).charset();
      charset = name.startsWith("UTF-8") ? StandardCharsets.UTF_8 : TextDecoder.WINDOWS_1252;
    }
    Instant now = clock.instant();
    List<Problem> problems = new ArrayList<>();
    Map<String, List<AreaRow>> areasByKey = new HashMap<>();
    areaRepository
        .areas()
        .forEach(
            a -> {
              if (a.officialKey() != null) {
                areasByKey.computeIfAbsent(a.officialKey(), k -> new ArrayList<>()).add(a);
              }
            });
    Map<String, UUID> indicators = new HashMap<>();
    Set<UUID> createdHere = new HashSet<>();
    indicatorRepository.indicators().forEach(i -> indicators.put(i.code(), i.id()));
    Map<String, String> periods = new HashMap<>();
    int position = indicatorRepository.indicators().size();
    String author = CurrentUser.get().map(u -> u.actorName()).orElse("Import");
    UUID batch = valueRepository.insertBatch(fileName, "LONG", 0, author, now);
    List<ValueRow> pending = new ArrayList<>(BATCH);
    int[] counts = new int[4]; // values, new, changed, unchanged
    int created = 0;
    int unknownAreas = 0;
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(Files.newInputStream(file), charset), 1 << 16)) {
      String headerLine = reader.readLine();
      if (headerLine == null) {
        throw new DomainException("import.empty");
      }
      List<String> header = StatisticsTable.split(headerLine.replace("\uFEFF", ""));
      int key = StatisticsTable.index(header, "schluessel", "schlüssel", "key", "ags", "ars");
      int indicator = StatisticsTable.index(header, "indikator", "indicator", "merkmal");
      int period =
          StatisticsTable.index(header, "zeitraum", "period", "periode", "jahr", "stichtag");
      int value = StatisticsTable.index(header, "wert", "value");
      if (key < 0 || indicator < 0 || period < 0 || value < 0) {
        throw new DomainException(
            "atlas.longHeader",
            key < 0 ? "Schlüssel" : indicator < 0 ? "Indikator" : period < 0 ? "Zeitraum" : "Wert");
      }
      StatisticsTable.Column column = new StatisticsTable.Column(0, "Wert", null);
      String line;
      int no = 1;
      while ((line = reader.readLine()) != null) {
        no++;
        if (line.isBlank()) {
          continue;
        }
        List<String> cells = StatisticsTable.split(line);
        String code = StatisticsTable.get(cells, indicator);
        UUID indicatorId = indicators.get(code);
        if (indicatorId == null) {
          indicatorId = UUID.randomUUID();
          indicatorRepository.insertIndicator(
              new IndicatorRow(
                  indicatorId,
                  code,
                  code,
                  code.length() > 80 ? code.substring(0, 80) : code,
                  null,
                  null,
                  0,
                  fileName,
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
          indicators.put(code, indicatorId);
          createdHere.add(indicatorId);
          created++;
        }
        String rawPeriod = StatisticsTable.get(cells, period);
        String p = periods.get(rawPeriod);
        if (p == null) {
          try {
            p = Periods.normalise(rawPeriod);
            periods.put(rawPeriod, p);
          } catch (DomainException e) {
            problems.add(new Problem(no, "Zeitraum", "atlas.periodInvalid", rawPeriod, true));
            continue;
          }
        }
        StatisticsTable.Cell cell =
            StatisticsTable.cell(
                no,
                column,
                StatisticsTable.get(cells, key),
                "",
                p,
                StatisticsTable.get(cells, value),
                problems);
        String k = cell.key();
        int len = k.length();
        if (len == 1 || len == 4 || len == 7 || len == 11) {
          k = "0" + k;
        }
        List<AreaRow> candidates = areasByKey.get(k);
        if (candidates == null) {
          unknownAreas++;
          continue;
        }
        LocalDate end = Periods.end(p);
        AreaRow area = candidates.stream().filter(a -> a.validOn(end)).findFirst().orElse(null);
        if (area == null) {
          problems.add(
              new Problem(
                  no,
                  "Zeitraum",
                  "atlas.outsideValidity",
                  candidates.get(0).name() + ", " + p,
                  true));
          continue;
        }
        pending.add(
            new ValueRow(
                indicatorId,
                area.id(),
                p,
                end,
                cell.value(),
                cell.special(),
                cell.flags(),
                batch,
                fileName,
                0));
        if (problems.size() > 50 && problems.stream().filter(Problem::error).count() > 50) {
          break;
        }
        if (pending.size() >= BATCH) {
          flush(pending, counts, now, createdHere);
        }
      }
      flush(pending, counts, now, createdHere);
    }
    List<Problem> errors = problems.stream().filter(Problem::error).toList();
    if (!errors.isEmpty()) {
      throw new DomainException(
          "atlas.importHasErrors", errors.size(), errors.get(0).line(), errors.get(0).field());
    }
    derivation.recomputeAll();
    return new IndicatorImport.Summary(counts[0], counts[1], counts[2], counts[3], created, batch);
  }

  /**
   * New values in one prepared batch; existing ones through the history path (also used by the
   * table import). {@code counts}: values, new, changed, unchanged.
   */
  void flush(List<ValueRow> pending, int[] counts, Instant now, Set<UUID> createdHere) {
    if (pending.isEmpty()) {
      return;
    }
    Set<UUID> indicatorIds = new HashSet<>();
    Set<UUID> areaIds = new HashSet<>();
    Set<String> periodSet = new HashSet<>();
    pending.forEach(
        v -> {
          indicatorIds.add(v.indicatorId());
          areaIds.add(v.areaId());
          periodSet.add(v.period());
        });
    Set<String> existing = new HashSet<>();
    // indicators created by this import have no values yet: nothing to look up for them
    indicatorIds.removeAll(createdHere);
    if (!indicatorIds.isEmpty()) {
      scope
          .dsl()
          .select(
              AtlasTables.Value.INDICATOR_ID, AtlasTables.Value.AREA_ID, AtlasTables.Value.PERIOD)
          .from(scope.table(AtlasTables.Value.T))
          .where(
              AtlasTables.Value.INDICATOR_ID
                  .in(indicatorIds)
                  .and(AtlasTables.Value.AREA_ID.in(areaIds))
                  .and(AtlasTables.Value.PERIOD.in(periodSet)))
          .forEach(r -> existing.add(r.value1() + "|" + r.value2() + "|" + r.value3()));
    }
    List<ValueRow> rows = new ArrayList<>();
    List<ValueRow> later = new ArrayList<>();
    Set<String> inBatch = new HashSet<>();
    for (ValueRow v : pending) {
      String k = v.indicatorId() + "|" + v.areaId() + "|" + v.period();
      counts[0]++;
      if (existing.contains(k) || !inBatch.add(k)) {
        later.add(v);
        continue;
      }
      rows.add(v);
      counts[1]++;
    }
    valueRepository.insertNew(rows);
    atlasRevision.touched();
    // values that exist already (or twice in this batch): through the history path, after the new
    // ones
    for (ValueRow v : later) {
      if (valueRepository.putValue(v, now) == ValueRepository.Written.CHANGED) {
        counts[2]++;
      } else {
        counts[3]++;
      }
    }
    pending.clear();
  }
}
