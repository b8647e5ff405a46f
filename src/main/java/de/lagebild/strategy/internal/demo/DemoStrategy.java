package de.lagebild.strategy.internal.demo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import de.lagebild.exchange.FuzzyDate;
import de.lagebild.identity.DemoTenantWork;
import de.lagebild.identity.ResponsibleUnits;
import de.lagebild.platform.AuditLog;
import de.lagebild.strategy.internal.imports.ImportedTree;
import de.lagebild.strategy.internal.imports.StrategyImport;
import de.lagebild.strategy.internal.imports.TableFormatReader;
import de.lagebild.strategy.internal.status.StatusCatalogue;
import de.lagebild.strategy.internal.store.RoundRepository;
import de.lagebild.strategy.internal.store.Rows.RoundRow;
import de.lagebild.strategy.internal.store.Rows.RoundState;
import de.lagebild.strategy.internal.store.Rows.StrategyRow;
import de.lagebild.strategy.internal.store.Rows.StrategyStatus;
import de.lagebild.strategy.internal.store.Rows.Visibility;
import de.lagebild.strategy.internal.store.StrategyRepository;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
 * In demo mode: the status catalogue for every demo tenant, and Nordhausen's strategy read from
 * seed 000 by {@link TableFormatReader} – goal tree, measures, responsible units and the
 * "Einschätzung Juni 2022" texts as assessments of the closed round "Juni 2022" – plus the open
 * round for the next report and a reporting history ({@link DemoHistory}); Saalfeld-Rudolstadt's
 * strategy as decided in May 2019 (seeds 004 and 001 in table form), without a round. Runs once per
 * database.
 */
@Component
@Order(20)
class DemoStrategy implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoStrategy.class);

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Config(
      String tenant,
      String seed,
      String title,
      String kind,
      String decisionRef,
      LocalDate validFrom,
      LocalDate validTo,
      String description,
      String importedAuthor,
      String nextRound,
      Map<String, List<String>> unitAliases) {}

  private final StrategyRepository strategies;
  private final RoundRepository rounds;
  private final StatusCatalogue statuses;
  private final ResponsibleUnits units;
  private final AuditLog audit;
  private final StrategyImport importer;
  private final JsonMapper json;
  private final DemoTenantWork demo;
  private final Clock clock;
  private final DemoHistory history;

  DemoStrategy(
      StrategyRepository strategies,
      RoundRepository rounds,
      StatusCatalogue statuses,
      ResponsibleUnits units,
      AuditLog audit,
      StrategyImport importer,
      JsonMapper json,
      DemoTenantWork demo,
      Clock clock,
      DemoHistory history) {
    this.history = history;
    this.strategies = strategies;
    this.rounds = rounds;
    this.statuses = statuses;
    this.units = units;
    this.audit = audit;
    this.importer = importer;
    this.json = json;
    this.demo = demo;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    if (!demo.demo()) {
      return;
    }
    for (String slug : List.of("nordhausen", "saalfeld-rudolstadt")) {
      demo.inTenant(slug, () -> false, statuses::ensureDefaults);
    }
    for (String file :
        List.of("demo/nordhausen-strategy.json", "demo/saalfeld-rudolstadt-strategy.json")) {
      Config config;
      try (InputStream in = new ClassPathResource(file).getInputStream()) {
        config = json.readValue(in, Config.class);
      }
      demo.inTenant(
          config.tenant(),
          () -> strategies.findByTitle(config.title()).isPresent(),
          () -> load(config));
    }
  }

  void load(Config c) {
    String text;
    try (InputStream in = new ClassPathResource(c.seed()).getInputStream()) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    ImportedTree seed = TableFormatReader.read(text);
    Instant now = clock.instant();
    StrategyRow strategy =
        new StrategyRow(
            UUID.randomUUID(),
            c.title(),
            c.kind(),
            c.validFrom(),
            c.validTo(),
            c.decisionRef(),
            StrategyStatus.DECIDED,
            seed.levelNames,
            Visibility.PUBLIC,
            c.description(),
            0);
    strategies.insert(strategy, now);
    // the seed's round, closed; Saalfeld-Rudolstadt's seed has none: a strategy before any report
    String roundName = seed.getRoundName();
    RoundRow round =
        roundName == null
            ? null
            : new RoundRow(
                UUID.randomUUID(),
                strategy.id(),
                roundName,
                FuzzyDate.parse(roundName).earliest(),
                FuzzyDate.parse(roundName).latest(),
                null,
                RoundState.CLOSED,
                0);
    if (round != null) {
      rounds.insert(round, now);
    }
    int[] counts =
        importer.writeTree(
            strategy,
            seed,
            round == null ? Map.of() : Map.of(roundName, round),
            text1 -> unitsFor(c, text1),
            c.importedAuthor(),
            now);
    if (round != null && c.nextRound() != null) {
      FuzzyDate next = FuzzyDate.parse(c.nextRound());
      RoundRow nextRound =
          new RoundRow(
              UUID.randomUUID(),
              strategy.id(),
              c.nextRound(),
              next.earliest(),
              next.latest(),
              next.latest(),
              RoundState.OPEN,
              0);
      rounds.insert(nextRound, now);
      history.write(strategy, round, nextRound, now);
    }
    Map<String, Object> details = new java.util.LinkedHashMap<>();
    details.put("goals", counts[0]);
    details.put("measures", counts[1]);
    if (roundName != null) {
      details.put("round", roundName);
    }
    audit.record(
        "CREATE",
        "Strategy",
        strategy.id(),
        "Demo-Strategie aus Bericht geladen: " + c.title(),
        null,
        details);
    log.info(
        "Demo strategy '{}' loaded from {}: {} goals, {} measures, round {}",
        c.title(),
        c.seed(),
        counts[0],
        counts[1],
        roundName == null ? "none" : roundName);
  }

  private Set<UUID> unitsFor(Config c, String responsible) {
    Set<UUID> result = new LinkedHashSet<>();
    String text = responsible.toLowerCase(Locale.GERMAN);
    c.unitAliases()
        .forEach(
            (unit, aliases) -> {
              if (aliases.stream().anyMatch(a -> text.contains(a.toLowerCase(Locale.GERMAN)))) {
                result.add(units.findOrCreate(unit).id());
              }
            });
    return result;
  }
}
