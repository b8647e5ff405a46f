package de.lagebild.strategy.internal.tree;

import de.lagebild.atlas.AreaId;
import de.lagebild.atlas.IndicatorFigures;
import de.lagebild.atlas.IndicatorId;
import de.lagebild.identity.StateAtlas;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The figures behind a goal's indicator link: from the district's own atlas, or – for a link to the
 * Land's indicator set – read live from the Land through the district's subscription (empty when
 * the district no longer subscribes).
 */
@Component
class LinkedFigures {

  /** Indicator, area and the course of the figures of one link. */
  record Figures(
      IndicatorFigures.IndicatorInfo indicator,
      IndicatorFigures.AreaInfo area,
      List<IndicatorFigures.Point> course) {}

  /** What the link form offers of the Land's atlas, when subscribed. */
  record LandChoice(
      String landName,
      List<IndicatorFigures.IndicatorInfo> indicators,
      List<IndicatorFigures.AreaInfo> areas) {}

  private final IndicatorFigures figures;
  private final StateAtlas stateAtlas;

  LinkedFigures(IndicatorFigures figures, StateAtlas stateAtlas) {
    this.figures = figures;
    this.stateAtlas = stateAtlas;
  }

  Optional<Figures> of(GoalIndicators.Link link) {
    return link.land() ? stateAtlas.readLand(() -> read(link)).flatMap(f -> f) : read(link);
  }

  private Optional<Figures> read(GoalIndicators.Link link) {
    var indicator = figures.indicator(IndicatorId.of(link.indicatorId())).orElse(null);
    var area = figures.area(AreaId.of(link.areaId())).orElse(null);
    if (indicator == null || area == null) {
      return Optional.empty();
    }
    return Optional.of(new Figures(indicator, area, figures.series(indicator.id(), area.id())));
  }

  /** The Land's indicators and areas for the link form; empty without a subscription. */
  Optional<LandChoice> landChoice() {
    return stateAtlas
        .subscription()
        .flatMap(
            s ->
                stateAtlas.readLand(
                    () -> new LandChoice(s.landName(), figures.indicators(), figures.areas())));
  }

  /** Indicator and area of the Land by id (for a new link); empty when either is unknown there. */
  Optional<Figures> land(java.util.UUID indicator, java.util.UUID area) {
    return of(new GoalIndicators.Link(null, null, indicator, area, null, null, null, null, true));
  }
}
