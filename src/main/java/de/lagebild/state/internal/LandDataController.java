package de.lagebild.state.internal;

import de.lagebild.identity.StateAtlas;
import de.lagebild.identity.TenantDirectory;
import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.Role;
import de.lagebild.platform.TenantContext;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The Land's indicator set in a district that subscribes to it: the district's own Kreis in the
 * Land's atlas – each indicator against the Land value, as the Land compares it – read live from
 * the Land's tenant, read only.
 */
@Controller
class LandDataController {

  /** What the district's page shows: its Kreis in the Land's atlas and the rows of figures. */
  record LandData(DistrictComparison.Kreis kreis, List<DistrictComparison.Row> rows) {}

  private final StateAtlas atlas;
  private final DistrictComparison comparison;
  private final TenantDirectory tenants;
  private final MessageSource messages;

  LandDataController(
      StateAtlas atlas,
      DistrictComparison comparison,
      TenantDirectory tenants,
      MessageSource messages) {
    this.atlas = atlas;
    this.comparison = comparison;
    this.tenants = tenants;
    this.messages = messages;
  }

  @GetMapping("/{tenant}/landesdaten")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER})
  String landData(@PathVariable("tenant") String tenant, Model model) {
    String key =
        tenants
            .find(TenantContext.access().orElseThrow().slug())
            .map(t -> t.officialKey())
            .orElse(null);
    model.addAttribute("subscription", atlas.subscription().orElse(null));
    LandData data =
        atlas
            .readLand(
                () ->
                    comparison.kreise().stream()
                        .filter(k -> k.key().equals(key))
                        .findFirst()
                        .map(
                            k -> new LandData(k, comparison.compare(comparison.indicators(), null)))
                        .orElse(null))
            .orElse(null);
    model.addAttribute("data", data);
    if (data != null) {
      model.addAttribute(
          "chart",
          data.rows().isEmpty()
              ? null
              : SpineChart.svg(
                  data.rows(),
                  data.kreis().key(),
                  messages.getMessage(
                      "state.compare.chartLabel",
                      new Object[] {data.kreis().name()},
                      Locale.GERMAN)));
    }
    return "state/land-data";
  }
}
