package de.lagebild.atlas.internal.demo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import de.lagebild.atlas.internal.areas.GeoJsonImport;
import de.lagebild.atlas.internal.areas.PlanningAreas;
import de.lagebild.atlas.internal.indicators.Derivation;
import de.lagebild.atlas.internal.store.AreaRepository;
import de.lagebild.atlas.internal.store.AtlasRows.AreaRow;
import de.lagebild.atlas.internal.store.AtlasRows.AreaType;
import de.lagebild.atlas.internal.store.AtlasRows.IndicatorRow;
import de.lagebild.atlas.internal.store.AtlasRows.Polarity;
import de.lagebild.atlas.internal.store.AtlasRows.ValueRow;
import de.lagebild.atlas.internal.store.IndicatorRepository;
import de.lagebild.atlas.internal.store.Periods;
import de.lagebild.atlas.internal.store.ValueRepository;
import de.lagebild.identity.DemoTenantWork;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demo atlas for the Thuringian demo tenants: Thüringen and its 23 Kreise with their VG5000
 * geometry, loaded through the GeoJSON import itself; the twelve indicators of the district
 * profiles of seed 004 with the figures of the 15 districts that have a profile; Eisenach valid
 * until 30 June 2021 with the Wartburgkreis as its successor.
 */
@Component
@Order(30)
public class DemoAtlas implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoAtlas.class);
  static final String GEOJSON = "demo/atlas/thueringen-kreise-vg5000-2021.geojson";
  static final String PROFILES = "demo/atlas/thueringen-profile.json";
  public static final String GEO_SOURCE =
      "© GeoBasis-DE / BKG (2021), VG5000, dl-de/by-2-0, verändert";

  @JsonIgnoreProperties(ignoreUnknown = true)
  record IndicatorConfig(
      String code,
      String name,
      String shortName,
      String unit,
      int decimals,
      String polarity,
      String kind,
      String period,
      String definition,
      String readingAid,
      String lifeSituation) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Profile(String key, String name, String note, Map<String, BigDecimal> values) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Config(String source, List<IndicatorConfig> indicators, List<Profile> profiles) {}

  private final AreaRepository areaRepository;
  private final IndicatorRepository indicatorRepository;
  private final ValueRepository valueRepository;
  private final GeoJsonImport geoJson;
  private final Derivation derivation;
  private final PlanningAreas planning;
  private final JsonMapper json;
  private final DemoTenantWork demo;
  private final Clock clock;
  private final DemoSeries series;

  DemoAtlas(
      AreaRepository areaRepository,
      IndicatorRepository indicatorRepository,
      ValueRepository valueRepository,
      GeoJsonImport geoJson,
      Derivation derivation,
      PlanningAreas planning,
      JsonMapper json,
      DemoTenantWork demo,
      Clock clock,
      DemoSeries series) {
    this.series = series;
    this.derivation = derivation;
    this.planning = planning;
    this.areaRepository = areaRepository;
    this.indicatorRepository = indicatorRepository;
    this.valueRepository = valueRepository;
    this.geoJson = geoJson;
    this.json = json;
    this.demo = demo;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    if (!demo.demo()) {
      return;
    }
    String geo = read(GEOJSON);
    Config config;
    try (InputStream in = new ClassPathResource(PROFILES).getInputStream()) {
      config = json.readValue(in, Config.class);
    }
    for (String slug : List.of("nordhausen", "saalfeld-rudolstadt", "thueringen")) {
      demo.inTenant(slug, () -> !areaRepository.areas().isEmpty(), () -> load(geo, config));
    }
  }

  void load(String geo, Config config) {
    Instant now = clock.instant();
    areaRepository.insertArea(
        new AreaRow(UUID.randomUUID(), AreaType.LAND, "Thüringen", "16", null, null, null, null, 0),
        now);
    GeoJsonImport.Result r = geoJson.read(geo, "ARS", "GEN");
    geoJson.commit(r, GEO_SOURCE);
    // Eisenach joined the Wartburgkreis on 1 July 2021
    AreaRow eisenach = areaRepository.areasByKey("16056").get(0);
    AreaRow wartburg = areaRepository.areasByKey("16063").get(0);
    areaRepository.updateArea(
        new AreaRow(
            eisenach.id(),
            eisenach.type(),
            eisenach.name(),
            eisenach.officialKey(),
            eisenach.parentId(),
            null,
            LocalDate.of(2021, 6, 30),
            "Seit 1. Juli 2021 Teil des Wartburgkreises",
            0));
    areaRepository.insertSuccessor(
        new AreaRepository.SuccessorRow(
            eisenach.id(), wartburg.id(), LocalDate.of(2021, 7, 1), BigDecimal.ONE));
    int position = 0;
    Map<String, IndicatorRow> indicators = new HashMap<>();
    for (IndicatorConfig c : config.indicators()) {
      IndicatorRow row =
          new IndicatorRow(
              UUID.randomUUID(),
              c.code(),
              c.name(),
              c.shortName(),
              c.definition(),
              c.unit(),
              c.decimals(),
              config.source(),
              "Angaben des Landes; Wiedergabe mit Quellenangabe",
              "jährlich",
              Polarity.valueOf(c.polarity()),
              c.lifeSituation(),
              c.readingAid(),
              null,
              c.kind(),
              true,
              position++,
              0,
              null,
              null,
              null);
      indicatorRepository.insertIndicator(row, now);
      indicators.put(c.code(), row);
    }
    UUID batch =
        valueRepository.insertBatch(
            "seed 004: Armutsprävention in Thüringen (2020)",
            "demo",
            config.profiles().size() * config.indicators().size(),
            "Demo",
            now);
    int values = 0;
    for (Profile p : config.profiles()) {
      AreaRow area = areaRepository.areasByKey(p.key()).get(0);
      areaRepository.updateArea(
          new AreaRow(
              area.id(),
              area.type(),
              area.name(),
              area.officialKey(),
              area.parentId(),
              area.validFrom(),
              area.validTo(),
              area.note() == null ? p.note() : area.note() + ". " + p.note(),
              0));
      for (IndicatorConfig c : config.indicators()) {
        BigDecimal v = p.values().get(c.code());
        valueRepository.putValue(
            new ValueRow(
                indicators.get(c.code()).id(),
                area.id(),
                c.period(),
                Periods.end(c.period()),
                v,
                null,
                null,
                batch,
                config.source(),
                0),
            now);
        values++;
      }
    }
    // real series from two official tables, before the share is derived from the counts
    try {
      values += series.load(indicators, position, now);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    position += 4;
    // a derived indicator: the share of people aged 65 and over, computed from the two counts
    IndicatorRow share =
        new IndicatorRow(
            UUID.randomUUID(),
            "anteil65",
            "Anteil der Bevölkerung ab 65 Jahren",
            "Anteil 65+",
            "Bevölkerung von 65 Jahren und älter in Prozent der Bevölkerung insgesamt (berechnet).",
            "%",
            1,
            "berechnet aus " + config.source(),
            null,
            "jährlich",
            Polarity.NEUTRAL,
            null,
            "Ein hoher Anteil zeigt, wo Angebote für ältere Menschen besonders gebraucht werden.",
            null,
            "SHARE",
            true,
            position,
            0,
            indicators.get("ab65").id(),
            indicators.get("bevoelkerung").id(),
            BigDecimal.valueOf(100));
    indicatorRepository.insertIndicator(share, now);
    values += derivation.recompute(share);
    // a planning area of three Kreise: outline united, counts summed, the share 65+ recomputed from
    // the sums
    planning.create(
        "Kooperationsraum Nordthüringen (Demo)",
        null,
        List.of(
            areaRepository.areasByKey("16062").get(0).id(),
            areaRepository.areasByKey("16064").get(0).id(),
            areaRepository.areasByKey("16065").get(0).id()));
    log.info(
        "Demo atlas loaded: {} areas with geometry ({} → {} points simplified), {} indicators, {} values",
        r.features().size(),
        r.pointsBefore(),
        r.pointsAfter(),
        indicators.size(),
        values);
  }

  private static String read(String resource) throws IOException {
    try (InputStream in = new ClassPathResource(resource).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
