package de.lagebild.atlas.internal.demo;

import de.lagebild.atlas.internal.statistics.TableSums;
import de.lagebild.atlas.internal.store.AreaRepository;
import de.lagebild.atlas.internal.store.AtlasRows.AreaRow;
import de.lagebild.atlas.internal.store.AtlasRows.IndicatorRow;
import de.lagebild.atlas.internal.store.AtlasRows.Polarity;
import de.lagebild.atlas.internal.store.AtlasRows.ValueRow;
import de.lagebild.atlas.internal.store.IndicatorRepository;
import de.lagebild.atlas.internal.store.Periods;
import de.lagebild.atlas.internal.store.ValueRepository;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Real time series for the demo atlas, read from two official tables exactly as downloaded (see
 * {@code demo/atlas/statistics/SOURCES.md}): the population by age of GENESIS table 12411-0018
 * (31.12.2015–2020) fills the four population indicators of the profiles (as „2015-12“ … „2020-12“,
 * the seed's own figures for December 2019 stay), and the unemployment of Regionaldatenbank table
 * 13211-02-05-4 (annual averages 2015–2020) gives four indicators of its own. The Land Thüringen
 * gets the table's Land row, or the sum of its Kreise where the table has none.
 *
 * <p>Why this class is long: two real tables fill ten indicators – the profile's own (population by
 * age: other years and the Land's sum; unemployment rate and long-term share: the Land's value
 * beside the seed's Kreise) and four of their own – each with its definition, reading aid and
 * source written out.
 */
@Component
class DemoSeries {

  static final String POPULATION = "demo/atlas/statistics/12411-0018.csv";
  static final String UNEMPLOYMENT = "demo/atlas/statistics/13211-02-05-4.csv";
  static final String POPULATION_SOURCE =
      "Statistisches Bundesamt (Destatis), GENESIS-Online, Tabelle 12411-0018";
  static final String UNEMPLOYMENT_SOURCE =
      "Statistische Ämter des Bundes und der Länder, Regionaldatenbank Deutschland, Tabelle"
          + " 13211-02-05-4 (Arbeitsmarktstatistik der Bundesagentur für Arbeit)";
  static final String LICENCE = "Datenlizenz Deutschland – Namensnennung – Version 2.0";
  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private final AreaRepository areas;
  private final IndicatorRepository indicators;
  private final ValueRepository values;

  DemoSeries(AreaRepository areas, IndicatorRepository indicators, ValueRepository values) {
    this.areas = areas;
    this.indicators = indicators;
    this.values = values;
  }

  /**
   * @param byCode the profile indicators by code (bevoelkerung, unter18, 18bis65, ab65)
   * @param position the next free position for new indicators
   * @return how many values were written
   */
  int load(Map<String, IndicatorRow> byCode, int position, Instant now) throws IOException {
    Map<String, AreaRow> kreise = new TreeMap<>();
    AreaRow land = areas.areasByKey("16").get(0);
    for (AreaRow a : areas.areas()) {
      if (a.officialKey() != null && a.officialKey().matches("16\\d{3}")) {
        kreise.put(a.officialKey(), a);
      }
    }
    int written = population(byCode, kreise, land, now);
    written += unemployment(byCode, position, kreise, land, now);
    return written;
  }

  private int population(
      Map<String, IndicatorRow> byCode, Map<String, AreaRow> kreise, AreaRow land, Instant now)
      throws IOException {
    TableSums table = TableSums.of(read(POPULATION));
    Predicate<String> thuringia = k -> k.matches("16\\d{3}");
    Predicate<String> young =
        l ->
            l.matches(
                ".*(unter 3 Jahre|3 bis unter 6|6 bis unter 10|10 bis unter 15|15 bis unter 18).*");
    Predicate<String> old = l -> l.matches(".*(65 bis unter 75|75 Jahre und mehr).*");
    Map<String, Predicate<String>> groups =
        Map.of(
            "bevoelkerung",
            l -> true,
            "unter18",
            young,
            "ab65",
            old,
            "18bis65",
            young.or(old).negate());
    UUID batch = values.insertBatch("12411-0018.csv", "demo", 0, "Demo", now);
    int written = 0;
    for (var g : groups.entrySet()) {
      IndicatorRow indicator = byCode.get(g.getKey());
      Set<String> taken = taken(indicator);
      Map<String, Map<String, BigDecimal>> sums = table.sum(g.getValue(), thuringia);
      Map<String, BigDecimal> landSums = new TreeMap<>();
      Map<String, Integer> landCounts = new TreeMap<>();
      for (var e : sums.entrySet()) {
        AreaRow area = kreise.get(e.getKey());
        for (var p : e.getValue().entrySet()) {
          String period = p.getKey().substring(6) + "-12"; // 31.12.2019 → 2019-12
          landSums.merge(period, p.getValue(), BigDecimal::add);
          landCounts.merge(period, 1, Integer::sum);
          if (area != null && taken.add(area.id() + "|" + period)) {
            put(indicator, area, period, p.getValue(), batch, POPULATION_SOURCE, now);
            written++;
          }
        }
      }
      for (var p : landSums.entrySet()) {
        if (landCounts.get(p.getKey()) == kreise.size()
            && taken.add(land.id() + "|" + p.getKey())) {
          put(indicator, land, p.getKey(), p.getValue(), batch, POPULATION_SOURCE, now);
          written++;
        }
      }
    }
    return written;
  }

  private int unemployment(
      Map<String, IndicatorRow> byCode,
      int position,
      Map<String, AreaRow> kreise,
      AreaRow land,
      Instant now)
      throws IOException {
    TableSums table = TableSums.of(read(UNEMPLOYMENT));
    Predicate<String> keys = k -> k.equals("16") || k.matches("16\\d{3}");
    Map<String, Map<String, BigDecimal>> all = table.sum("Arbeitslose"::equals, keys);
    Map<String, Map<String, BigDecimal>> longTerm =
        table.sum("Arbeitslose – langzeitarbeitslos"::equals, keys);
    Map<String, Map<String, BigDecimal>> youth =
        table.sum(
            "Arbeitslosenquote bez. auf alle zivile Erwerbsp. – 15 bis unter 25 Jahre"::equals,
            keys);
    Map<String, Map<String, BigDecimal>> women =
        table.sum("Arbeitslosenquote bez. auf alle zivile Erwerbsp. – Frauen"::equals, keys);
    Map<String, Map<String, BigDecimal>> share = shares(longTerm, all, 1);
    UUID batch = values.insertBatch("13211-02-05-4.csv", "demo", 0, "Demo", now);
    int written = 0;
    // the profile's unemployment rate and long-term share are this table's annual averages (the
    // seed's 2019 figures equal it for 13 of 15 Kreise): the Land's row of the seed's year, which
    // the profiles compare with (the Kreise keep the seed's figures alone, as the seed has them)
    written +=
        landFigure(
            byCode.get("alq"),
            table.sum("Arbeitslosenquote bez. auf alle zivile Erwerbsp."::equals, keys),
            land,
            batch,
            now);
    written += landFigure(byCode.get("langzeit"), shares(longTerm, all, 2), land, batch, now);
    written +=
        indicator(
            "langzeit_jd",
            "Anteil der Langzeitarbeitslosen an den Arbeitslosen (Jahresdurchschnitt)",
            "Langzeitarbeitslose",
            "Langzeitarbeitslose (ein Jahr und länger arbeitslos) in Prozent aller Arbeitslosen,"
                + " jeweils im Jahresdurchschnitt (berechnet aus den Anzahlen der Tabelle).",
            "% der Arbeitslosen",
            1,
            Polarity.LOWER_BETTER,
            "SHARE",
            "Ein hoher Anteil zeigt, dass Arbeitslosigkeit sich verfestigt – ein Armutsrisiko für"
                + " Haushalte und Kinder.",
            position,
            share,
            kreise,
            land,
            batch,
            now);
    written +=
        indicator(
            "alq_jugend",
            "Arbeitslosenquote der 15- bis unter 25-Jährigen",
            "ALQ unter 25",
            "Arbeitslose von 15 bis unter 25 Jahren in Prozent aller zivilen Erwerbspersonen dieses"
                + " Alters, Jahresdurchschnitt.",
            "%",
            1,
            Polarity.LOWER_BETTER,
            "RATE",
            "Wie gut der Übergang von der Schule in Ausbildung und Arbeit gelingt.",
            position + 1,
            youth,
            kreise,
            land,
            batch,
            now);
    written +=
        indicator(
            "alq_frauen",
            "Arbeitslosenquote der Frauen",
            "ALQ Frauen",
            "Arbeitslose Frauen in Prozent aller zivilen weiblichen Erwerbspersonen,"
                + " Jahresdurchschnitt.",
            "%",
            1,
            Polarity.LOWER_BETTER,
            "RATE",
            "Zeigt mit der Quote insgesamt, ob Frauen besonders betroffen sind.",
            position + 2,
            women,
            kreise,
            land,
            batch,
            now);
    written +=
        indicator(
            "arbeitslose_jd",
            "Arbeitslose im Jahresdurchschnitt",
            "Arbeitslose",
            "Registrierte Arbeitslose nach SGB II und SGB III, Jahresdurchschnitt.",
            "Personen",
            0,
            Polarity.NEUTRAL,
            "COUNT",
            "Anzahl; zum Vergleich zwischen Gebieten die Quoten verwenden.",
            position + 3,
            all,
            kreise,
            land,
            batch,
            now);
    return written;
  }

  private int indicator(
      String code,
      String name,
      String shortName,
      String definition,
      String unit,
      int decimals,
      Polarity polarity,
      String kind,
      String readingAid,
      int position,
      Map<String, Map<String, BigDecimal>> figures,
      Map<String, AreaRow> kreise,
      AreaRow land,
      UUID batch,
      Instant now) {
    IndicatorRow row =
        new IndicatorRow(
            UUID.randomUUID(),
            code,
            name,
            shortName,
            definition,
            unit,
            decimals,
            UNEMPLOYMENT_SOURCE,
            LICENCE,
            "jährlich",
            polarity,
            "ARBEIT",
            readingAid,
            null,
            kind,
            true,
            position,
            0,
            null,
            null,
            null);
    indicators.insertIndicator(row, now);
    int written = 0;
    for (var e : figures.entrySet()) {
      AreaRow area = e.getKey().equals("16") ? land : kreise.get(e.getKey());
      if (area == null) {
        continue;
      }
      for (var p : e.getValue().entrySet()) {
        put(row, area, p.getKey(), p.getValue(), batch, UNEMPLOYMENT_SOURCE, now);
        written++;
      }
    }
    return written;
  }

  /** Part in percent of the whole, per area and year, where both are known. */
  private static Map<String, Map<String, BigDecimal>> shares(
      Map<String, Map<String, BigDecimal>> part,
      Map<String, Map<String, BigDecimal>> whole,
      int scale) {
    Map<String, Map<String, BigDecimal>> out = new TreeMap<>();
    whole.forEach(
        (key, byYear) ->
            byYear.forEach(
                (year, count) -> {
                  BigDecimal p = part.getOrDefault(key, Map.of()).get(year);
                  if (p != null && count.signum() > 0) {
                    out.computeIfAbsent(key, k -> new TreeMap<>())
                        .put(
                            year,
                            p.multiply(BigDecimal.valueOf(100))
                                .divide(count, scale, RoundingMode.HALF_UP));
                  }
                }));
    return out;
  }

  /** Writes the Land's figure of a profile indicator for the seed's year. */
  private int landFigure(
      IndicatorRow indicator,
      Map<String, Map<String, BigDecimal>> figures,
      AreaRow land,
      UUID batch,
      Instant now) {
    if (indicator == null) {
      return 0;
    }
    Set<String> taken = taken(indicator);
    Set<String> years = new HashSet<>();
    taken.forEach(t -> years.add(t.substring(t.indexOf('|') + 1)));
    int written = 0;
    for (var p : figures.getOrDefault("16", Map.of()).entrySet()) {
      if (years.contains(p.getKey()) && taken.add(land.id() + "|" + p.getKey())) {
        put(indicator, land, p.getKey(), p.getValue(), batch, UNEMPLOYMENT_SOURCE, now);
        written++;
      }
    }
    return written;
  }

  private Set<String> taken(IndicatorRow indicator) {
    Set<String> taken = new HashSet<>();
    values.valuesOf(indicator.id()).forEach(v -> taken.add(v.areaId() + "|" + v.period()));
    return taken;
  }

  private void put(
      IndicatorRow indicator,
      AreaRow area,
      String period,
      BigDecimal value,
      UUID batch,
      String source,
      Instant now) {
    values.putValue(
        new ValueRow(
            indicator.id(),
            area.id(),
            period,
            Periods.end(period),
            value,
            null,
            null,
            batch,
            source,
            0),
        now);
  }

  private static String read(String resource) throws IOException {
    try (InputStream in = new ClassPathResource(resource).getInputStream()) {
      return new String(in.readAllBytes(), WINDOWS_1252);
    }
  }
}
