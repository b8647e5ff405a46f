package de.lagebild.state.internal;

import de.lagebild.atlas.IndicatorFigures;
import de.lagebild.catalogue.OfferPlaces;
import de.lagebild.identity.SharedItem;
import de.lagebild.identity.StateDistricts;
import de.lagebild.identity.StateDistricts.District;
import de.lagebild.platform.LocalCalendar;
import de.lagebild.strategy.PlanningFunding;
import de.lagebild.strategy.StrategyStandings;
import de.lagebild.strategy.StrategyStandings.RoundProgress;
import de.lagebild.strategy.StrategyStandings.Standing;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * One row per member district of the current Land: its strategy (decision, status mix of the latest
 * closed round, costs), the current reporting round, the published offers and when its atlas data
 * was last imported – each only when the district shares that item; an unshared item stays null and
 * is shown as "nicht freigegeben".
 */
@Service
class DistrictOverview {

  /** How a district is coloured on the overview map. */
  enum Category {
    DECIDED,
    DRAFT,
    NO_STRATEGY,
    NOT_SHARED
  }

  /**
   * A district's row. {@code strategy} null: not shared or no strategy ({@code strategies} tells
   * which: -1 not shared); {@code round} null: not shared or no round; {@code offers}, {@code
   * dataUpdated} null: not shared (dataUpdated also when nothing was imported).
   */
  record Row(
      District district,
      int strategies,
      Standing strategy,
      boolean roundsShared,
      RoundProgress round,
      Integer offers,
      boolean indicatorsShared,
      Instant dataUpdated,
      List<PlanningFunding.Funding> funding) {

    /** The sum of the grants, null when funding is not shared. */
    public java.math.BigDecimal fundingTotal() {
      return funding == null
          ? null
          : funding.stream()
              .map(PlanningFunding.Funding::amount)
              .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
    }

    public Category category() {
      if (strategies < 0) {
        return Category.NOT_SHARED;
      }
      if (strategy == null) {
        return Category.NO_STRATEGY;
      }
      return "DECIDED".equals(strategy.status()) ? Category.DECIDED : Category.DRAFT;
    }

    /** Share of the measures with the status, in percent of all measures, rounded. */
    public int percent(int count) {
      return strategy == null || strategy.measures() == 0
          ? 0
          : (int) Math.round(100.0 * count / strategy.measures());
    }
  }

  private final StateDistricts districts;
  private final StrategyStandings standings;
  private final OfferPlaces offers;
  private final IndicatorFigures figures;
  private final Clock clock;
  private final PlanningFunding fundings;

  DistrictOverview(
      StateDistricts districts,
      StrategyStandings standings,
      OfferPlaces offers,
      IndicatorFigures figures,
      Clock clock,
      PlanningFunding fundings) {
    this.fundings = fundings;
    this.districts = districts;
    this.standings = standings;
    this.offers = offers;
    this.figures = figures;
    this.clock = clock;
  }

  boolean available() {
    return districts.currentIsState();
  }

  /** The official keys of the member districts, by name. */
  List<String> memberKeys() {
    return districts.districts().stream()
        .map(District::officialKey)
        .filter(java.util.Objects::nonNull)
        .toList();
  }

  List<Row> rows() {
    LocalDate today = LocalCalendar.today(clock);
    return districts.districts().stream().map(d -> row(d, today)).toList();
  }

  private Row row(District d, LocalDate today) {
    StateDistricts.SharedReader reader =
        districts.reader(d.slug()).orElseThrow(() -> new IllegalStateException(d.slug()));
    Optional<List<Standing>> strategies =
        reader.read(SharedItem.STRATEGY_ROLLUP, () -> standings.standings(today));
    Standing main = strategies.flatMap(s -> s.stream().findFirst()).orElse(null);
    Optional<List<RoundProgress>> rounds =
        reader.read(SharedItem.ROUND_PROGRESS, () -> standings.rounds(today));
    RoundProgress round =
        rounds
            .flatMap(
                all -> {
                  List<RoundProgress> ofMain =
                      main == null
                          ? all
                          : all.stream().filter(r -> r.strategy().equals(main.id())).toList();
                  return ofMain.stream()
                      .filter(r -> r.state().equals("OPEN") || r.state().equals("IN_REVIEW"))
                      .findFirst()
                      .or(
                          () ->
                              ofMain.stream().filter(r -> r.state().equals("CLOSED")).findFirst());
                })
            .orElse(null);
    Integer offerCount = reader.read(SharedItem.OFFERS, offers::publishedCount).orElse(null);
    Optional<Optional<Instant>> updated = reader.read(SharedItem.INDICATORS, figures::lastImport);
    return new Row(
        d,
        strategies.map(List::size).orElse(-1),
        main,
        rounds.isPresent(),
        round,
        offerCount,
        updated.isPresent(),
        updated.flatMap(u -> u).orElse(null),
        reader.read(SharedItem.FUNDING, fundings::list).orElse(null));
  }
}
