package de.lagebild.atlas.internal.maps;

import de.lagebild.atlas.AreaContext;
import de.lagebild.atlas.AreaId;
import de.lagebild.platform.LagebildProperties;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the logged-in atlas pages put into their model, in the current tenant's scope: the indicator
 * page (map, ranking, time series) and the other modules' sections of an area profile. The
 * district's own atlas and the Land's indicator set inside it ({@link LandAtlasController}) share
 * it.
 */
@Component
class IndicatorPage {

  private final MapViews maps;
  private final SeriesViews seriesViews;
  private final OwnArea ownArea;
  private final ObjectProvider<AreaContext> contexts;
  private final String tileUrl;

  IndicatorPage(
      MapViews maps,
      SeriesViews seriesViews,
      OwnArea ownArea,
      ObjectProvider<AreaContext> contexts,
      LagebildProperties lagebild) {
    this.maps = maps;
    this.seriesViews = seriesViews;
    this.ownArea = ownArea;
    this.contexts = contexts;
    this.tileUrl = lagebild.atlas().tileUrl();
  }

  /**
   * Map, ranking and time series of indicator {@code id}; the series opens with the tenant's own
   * area and its Land (or the areas in {@code compare}). Returns the view's name.
   */
  String fill(
      String tenant,
      UUID id,
      String period,
      String method,
      int count,
      String breaks,
      List<UUID> compare,
      String level,
      String borders,
      Model model) {
    Classification.Method m = MapParameters.method(method);
    MapViews.MapView map =
        maps.map(id, period, m, count, MapParameters.breaks(breaks), MapParameters.level(level));
    model.addAttribute("map", map);
    model.addAttribute("ranking", Charts.ranking(map));
    List<UUID> own = ownArea.ownAndLand(tenant);
    List<UUID> chosen =
        compare != null && !compare.isEmpty()
            ? compare
            : !own.isEmpty()
                ? own
                : map.rows().stream()
                    .filter(r -> r.rank() != null)
                    .limit(2)
                    .map(r -> r.area().id())
                    .toList();
    boolean today = "heute".equals(borders);
    model.addAttribute("series", seriesViews.series(id, chosen, today));
    model.addAttribute("todaysBorders", today);
    model.addAttribute("compare", chosen);
    model.addAttribute("method", m.name().toLowerCase(Locale.ROOT));
    model.addAttribute("count", count);
    model.addAttribute("breaks", breaks);
    model.addAttribute("tileUrl", tileUrl);
    return "atlas/maps/indicator";
  }

  /**
   * The other modules' sections of the profile of {@code area} (goals, needs, offers …), ordered;
   * {@code onlyFilled} leaves out the sections without an entry.
   */
  List<AreaContext.Section> contextSections(String tenant, UUID area, boolean onlyFilled) {
    return contexts
        .orderedStream()
        .map(c -> c.section(tenant, new AreaId(area)))
        .filter(Objects::nonNull)
        .filter(s -> !onlyFilled || !s.items().isEmpty())
        .sorted(Comparator.comparingInt(AreaContext.Section::order))
        .toList();
  }
}
