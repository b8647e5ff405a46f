package de.lagebild.planning.internal.needs;

import de.lagebild.exchange.TableDownload;
import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.Role;
import de.lagebild.strategy.StrategyGoals;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The list of needs (as filtered) as a CSV or XLSX table, one need per row. */
@Controller
class NeedExportController {

  private final NeedRepository needs;
  private final NeedNames names;
  private final MessageSource messages;

  NeedExportController(NeedRepository needs, NeedNames names, MessageSource messages) {
    this.needs = needs;
    this.names = names;
    this.messages = messages;
  }

  @GetMapping("/{tenant}/bedarfe/export")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER})
  ResponseEntity<byte[]> export(
      @PathVariable("tenant") String tenant,
      @RequestParam(name = "format", defaultValue = "csv") String format,
      @RequestParam(name = "status", required = false) String status,
      @RequestParam(name = "gebiet", required = false) String area,
      @RequestParam(name = "lebenslage", required = false) String lifeSituation,
      @RequestParam(name = "quelle", required = false) String source,
      @RequestParam(name = "suche", required = false) String text)
      throws IOException {
    if (!TableDownload.supports(format)) {
      throw new DomainException("need.export.format", format);
    }
    return TableDownload.of(
        format,
        "Bedarfe",
        "bedarfe",
        table(needs.find(NeedFilters.of(status, area, lifeSituation, source, null, text))));
  }

  List<List<String>> table(List<Need> found) {
    NeedNames.Names n = names.read();
    List<List<String>> rows = new ArrayList<>();
    rows.add(
        List.of(
            "Titel",
            "Status",
            "Status seit",
            "Priorität",
            "Quelle",
            "Herkunft",
            "Gebiete",
            "Lebenslagen",
            "Zielgruppen",
            "Zuständig",
            "Ziele",
            "Belege",
            "Beschreibung"));
    for (Need need : found) {
      rows.add(
          List.of(
              need.title(),
              label("need.status." + need.status()),
              need.statusSince().toString(),
              label("need.priority." + need.priority()),
              label("need.sourceKind." + need.sourceKind()),
              nz(need.sourceNote()),
              n.areaNames(need),
              need.lifeSituations().stream()
                  .map(l -> label("lifeSituation." + l))
                  .collect(Collectors.joining(", ")),
              nz(need.targetGroups()),
              nz(n.unit(need)),
              n.goalsOf(need).stream()
                  .map(StrategyGoals.GoalRef::label)
                  .collect(Collectors.joining("\n")),
              need.evidence().stream().map(n::line).collect(Collectors.joining("\n")),
              nz(need.description())));
    }
    return rows;
  }

  private String label(String key) {
    return messages.getMessage(key, null, key, Locale.GERMAN);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
