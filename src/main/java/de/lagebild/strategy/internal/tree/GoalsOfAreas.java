package de.lagebild.strategy.internal.tree;

import de.lagebild.atlas.AreaContext;
import de.lagebild.atlas.AreaId;
import de.lagebild.atlas.IndicatorFigures;
import de.lagebild.atlas.IndicatorId;
import de.lagebild.strategy.StrategyGoals;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The goals measured in an area (an indicator of the atlas linked to the goal for that area), with
 * their measures, for the area's profile.
 */
@Service
class GoalsOfAreas implements AreaContext {

  private final GoalIndicators links;
  private final LinkedFigures linked;
  private final GoalDirectory goals;
  private final IndicatorFigures figures;
  private final MessageSource messages;

  GoalsOfAreas(
      GoalIndicators links,
      LinkedFigures linked,
      GoalDirectory goals,
      IndicatorFigures figures,
      MessageSource messages) {
    this.linked = linked;
    this.links = links;
    this.goals = goals;
    this.figures = figures;
    this.messages = messages;
  }

  @Override
  public Section section(String tenant, AreaId area) {
    Map<UUID, List<String>> indicators = new LinkedHashMap<>();
    // an area of the Land's atlas (seen in the district's atlas through its subscription) lists the
    // district's goals linked to the Land's indicators there
    for (GoalIndicators.Link l : links.ofArea(area.value())) {
      (l.land()
              ? linked.of(l).map(LinkedFigures.Figures::indicator)
              : figures.indicator(IndicatorId.of(l.indicatorId())))
          .ifPresent(
              i -> indicators.computeIfAbsent(l.goalId(), k -> new ArrayList<>()).add(i.name()));
    }
    List<Item> items = new ArrayList<>();
    for (Map.Entry<UUID, List<String>> e : indicators.entrySet()) {
      StrategyGoals.GoalRef g = goals.goal(e.getKey()).orElse(null);
      if (g == null) {
        continue;
      }
      int measures = goals.measures(g.id()).size();
      items.add(
          new Item(
              g.label(),
              "/" + tenant + "/strategien/" + g.strategy().value() + "/ziele/" + g.id(),
              messages.getMessage(
                  "goal.area.meta",
                  new Object[] {String.join(", ", e.getValue()), measures},
                  Locale.GERMAN)));
    }
    return new Section(
        20,
        messages.getMessage("goal.area.title", null, Locale.GERMAN),
        items,
        messages.getMessage("goal.area.none", null, Locale.GERMAN));
  }
}
