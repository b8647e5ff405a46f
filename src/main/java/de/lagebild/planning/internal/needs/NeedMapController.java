package de.lagebild.planning.internal.needs;

import de.lagebild.atlas.AreaLookup;
import de.lagebild.exchange.GeoJsonOutput;
import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.Role;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The map data of the need list: every area with an outline that the needs shown concern, with the
 * number of needs, on the Kreise as background (count 0). The list page's table "Bedarfe je Gebiet"
 * holds the same numbers.
 */
@Controller
class NeedMapController {

  private final NeedRepository needs;
  private final AreaLookup areas;

  NeedMapController(NeedRepository needs, AreaLookup areas) {
    this.needs = needs;
    this.areas = areas;
  }

  @GetMapping(path = "/{tenant}/bedarfe/karte", produces = "application/geo+json")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER})
  ResponseEntity<String> map(
      @PathVariable("tenant") String tenant,
      @RequestParam(name = "status", required = false) String status,
      @RequestParam(name = "gebiet", required = false) String area,
      @RequestParam(name = "lebenslage", required = false) String lifeSituation,
      @RequestParam(name = "quelle", required = false) String source,
      @RequestParam(name = "suche", required = false) String text) {
    Map<UUID, Integer> counts = new HashMap<>();
    for (Need n : needs.find(NeedFilters.of(status, area, lifeSituation, source, null, text))) {
      n.areaIds().forEach(a -> counts.merge(a, 1, Integer::sum));
    }
    String json =
        GeoJsonOutput.collection(
            out -> {
              for (String level : List.of("KREIS", "GEMEINDE", "GEMEINDETEIL", "SOZIALRAUM")) {
                for (AreaLookup.AreaShape s : areas.shapes(level)) {
                  int count = counts.getOrDefault(s.area().id().value(), 0);
                  if (count == 0 && !level.equals("KREIS")) {
                    continue;
                  }
                  Map<String, Object> p = new LinkedHashMap<>();
                  p.put("name", s.area().name());
                  p.put("level", level);
                  p.put("needs", count);
                  out.feature(
                      p,
                      GeoJsonOutput.geometry(
                          TopologyPreservingSimplifier.simplify(s.outline(), 0.0005)));
                }
              }
            });
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/geo+json"))
        .body(json);
  }
}
