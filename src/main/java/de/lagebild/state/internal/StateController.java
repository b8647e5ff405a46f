package de.lagebild.state.internal;

import de.lagebild.atlas.AreaLookup;
import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.NotFoundException;
import de.lagebild.platform.Role;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The Land's overview of its districts: a map and a table of what each district shares. */
@Controller
class StateController {

  private final DistrictOverview overview;
  private final AreaLookup areas;
  private final MessageSource messages;

  StateController(DistrictOverview overview, AreaLookup areas, MessageSource messages) {
    this.overview = overview;
    this.areas = areas;
    this.messages = messages;
  }

  @GetMapping("/{tenant}/land")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER})
  String districts(@PathVariable("tenant") String tenant, Model model) {
    if (!overview.available()) {
      throw new NotFoundException();
    }
    List<DistrictOverview.Row> rows = overview.rows();
    Map<String, String[]> byKey = new HashMap<>();
    Map<DistrictOverview.Category, Integer> counts =
        new java.util.EnumMap<>(DistrictOverview.Category.class);
    for (DistrictOverview.Row r : rows) {
      String category = r.category().name();
      counts.merge(r.category(), 1, Integer::sum);
      if (r.district().officialKey() != null) {
        byKey.put(
            r.district().officialKey(),
            new String[] {category, text("state.category." + category)});
      }
    }
    model.addAttribute("rows", rows);
    model.addAttribute("counts", counts);
    model.addAttribute("categories", DistrictOverview.Category.values());
    model.addAttribute("fills", OverviewMap.FILL);
    model.addAttribute(
        "map", OverviewMap.svg(areas.shapes("KREIS"), byKey::get, text("state.map.label")));
    return "state/districts";
  }

  private String text(String key) {
    return messages.getMessage(key, null, Locale.GERMAN);
  }
}
