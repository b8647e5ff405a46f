package de.lagebild.strategy.internal.export;

import de.lagebild.exchange.CsvOutput;
import de.lagebild.exchange.XlsxOutput;
import de.lagebild.identity.ResponsibleUnit;
import de.lagebild.identity.ResponsibleUnits;
import de.lagebild.platform.NotFoundException;
import de.lagebild.strategy.GoalNeeds;
import de.lagebild.strategy.internal.report.ReportDocxWriter;
import de.lagebild.strategy.internal.store.ExtraFields;
import de.lagebild.strategy.internal.store.MeasureRepository;
import de.lagebild.strategy.internal.store.RoundRepository;
import de.lagebild.strategy.internal.store.Rows;
import de.lagebild.strategy.internal.store.Rows.AssessmentRow;
import de.lagebild.strategy.internal.store.Rows.GoalRow;
import de.lagebild.strategy.internal.store.Rows.MeasureRow;
import de.lagebild.strategy.internal.store.Rows.RoundRow;
import de.lagebild.strategy.internal.store.Rows.StrategyRow;
import de.lagebild.strategy.internal.store.StrategyRepository;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Lagebild's own table layout of a strategy: one row per goal and measure (id, parent id, kind,
 * level, code, title and every field, the needs a goal answers), then one column group per
 * reporting round (status, progress, assessment). Written as CSV (UTF-8 with BOM, semicolon, for
 * Excel) or XLSX. Cells that a spreadsheet would run as a formula are neutralised.
 */
@Service
public class StrategyTableExport {

  public static final List<String> FIXED =
      List.of(
          "ID",
          "Eltern-ID",
          "Art",
          "Ebene",
          "Ebenenname",
          "Nr.",
          "Titel",
          "Beschreibung",
          "Verantwortlich (Text)",
          "Organisationseinheiten",
          "Partner",
          "Indikatoren",
          "Zielgruppen",
          "Lebenslagen",
          "Präventionsebene",
          "Kosten",
          "Finanzierung",
          "Beginn",
          "Ende",
          "Kommunikation",
          "Gewicht",
          "Zielquelle",
          "Bedarfe",
          "Weitere Felder");

  private final StrategyRepository strategies;
  private final MeasureRepository measures;
  private final RoundRepository rounds;
  private final ResponsibleUnits units;
  private final ExtraFields extras;
  private final ObjectProvider<GoalNeeds> needs;

  StrategyTableExport(
      StrategyRepository strategies,
      MeasureRepository measures,
      RoundRepository rounds,
      ResponsibleUnits units,
      ExtraFields extras,
      ObjectProvider<GoalNeeds> needs) {
    this.extras = extras;
    this.needs = needs;
    this.strategies = strategies;
    this.measures = measures;
    this.rounds = rounds;
    this.units = units;
  }

  /** Header and rows, as text. */
  List<List<String>> table(UUID strategyId) {
    StrategyRow s = strategies.find(strategyId).orElseThrow(NotFoundException::new);
    List<RoundRow> allRounds = rounds.ofStrategy(strategyId);
    Map<Rows.RoundMeasure, AssessmentRow> latest =
        Rows.newestVersions(rounds.ofRounds(allRounds.stream().map(RoundRow::id).toList()));
    Map<UUID, String> unitNames =
        units.list().stream().collect(Collectors.toMap(ResponsibleUnit::id, ResponsibleUnit::name));
    List<String> header = new ArrayList<>(FIXED);
    for (RoundRow r : allRounds) {
      header.add(r.name() + ": Status");
      header.add(r.name() + ": Fortschritt");
      header.add(r.name() + ": Einschätzung");
    }
    List<List<String>> table = new ArrayList<>();
    table.add(header);
    List<GoalRow> goals = strategies.goals(strategyId);
    Map<UUID, List<MeasureRow>> byGoal =
        measures.ofStrategy(strategyId).stream().collect(Collectors.groupingBy(MeasureRow::goalId));
    Map<UUID, Map<String, String>> extra = extras.ofStrategy(strategyId);
    Map<UUID, String> needTitles = needTitles(goals);
    addChildren(null, goals, byGoal, s, allRounds, latest, unitNames, extra, needTitles, table);
    return table;
  }

  private void addChildren(
      UUID parent,
      List<GoalRow> goals,
      Map<UUID, List<MeasureRow>> byGoal,
      StrategyRow s,
      List<RoundRow> allRounds,
      Map<Rows.RoundMeasure, AssessmentRow> latest,
      Map<UUID, String> unitNames,
      Map<UUID, Map<String, String>> extra,
      Map<UUID, String> needTitles,
      List<List<String>> into) {
    List<GoalRow> kids =
        goals.stream()
            .filter(g -> Objects.equals(g.parentId(), parent))
            .sorted(Comparator.comparingInt(GoalRow::position))
            .toList();
    for (GoalRow g : kids) {
      List<String> row =
          new ArrayList<>(
              List.of(
                  g.id().toString(),
                  parent == null ? "" : parent.toString(),
                  "Ziel",
                  String.valueOf(g.level() + 1),
                  s.levelName(g.level()),
                  nz(g.code()),
                  g.title(),
                  nz(g.description()),
                  "",
                  "",
                  "",
                  nz(g.successCriterion()),
                  "",
                  String.join(",", g.lifeSituations()),
                  "",
                  "",
                  "",
                  "",
                  "",
                  "",
                  "",
                  nz(g.goalSource()),
                  needTitles.getOrDefault(g.id(), ""),
                  extras(extra.get(g.id()))));
      for (int i = 0; i < allRounds.size(); i++) {
        row.addAll(List.of("", "", ""));
      }
      into.add(row);
      for (MeasureRow m : byGoal.getOrDefault(g.id(), List.of())) {
        List<String> mr =
            new ArrayList<>(
                List.of(
                    m.id().toString(),
                    g.id().toString(),
                    "Maßnahme",
                    "",
                    "Maßnahme",
                    nz(m.code()),
                    m.title(),
                    nz(m.description()),
                    nz(m.responsibleText()),
                    m.unitIds().stream()
                        .map(unitNames::get)
                        .filter(Objects::nonNull)
                        .sorted()
                        .collect(Collectors.joining("; ")),
                    nz(m.partners()),
                    nz(m.successCriteria()),
                    nz(m.targetGroups()),
                    String.join(",", m.lifeSituations()),
                    m.preventionLevel() == null ? "" : m.preventionLevel().name(),
                    nz(m.costsText()),
                    nz(m.fundingSource()),
                    m.start().text(),
                    m.end().text(),
                    nz(m.communication()),
                    String.valueOf(m.weight()),
                    "",
                    "",
                    extras(extra.get(m.id()))));
        for (RoundRow r : allRounds) {
          AssessmentRow a = latest.get(new Rows.RoundMeasure(r.id(), m.id()));
          mr.add(a == null || a.statusCode() == null ? "" : a.statusCode());
          mr.add(a == null || a.progress() == null ? "" : a.progress().toString());
          mr.add(
              a == null
                  ? ""
                  : ReportDocxWriter.paragraphs(a.narrative()).stream()
                      .collect(Collectors.joining("\n")));
        }
        into.add(mr);
      }
      addChildren(g.id(), goals, byGoal, s, allRounds, latest, unitNames, extra, needTitles, into);
    }
  }

  /**
   * The titles of the needs each goal answers, one per line – the import's "Bedarfe" field reads
   * them back and links the goals again.
   */
  private Map<UUID, String> needTitles(List<GoalRow> goals) {
    GoalNeeds n = needs.getIfAvailable();
    Map<UUID, String> titles = new HashMap<>();
    if (n == null) {
      return titles;
    }
    for (GoalRow g : goals) {
      List<GoalNeeds.NeedRef> refs = n.of(g.id());
      if (!refs.isEmpty()) {
        titles.put(
            g.id(),
            refs.stream().map(GoalNeeds.NeedRef::title).sorted().collect(Collectors.joining("\n")));
      }
    }
    return titles;
  }

  void writeCsv(List<List<String>> table, OutputStream out) {
    try (CsvOutput csv = CsvOutput.excel(out)) {
      table.forEach(csv::row);
    }
  }

  void writeXlsx(String sheetName, List<List<String>> table, OutputStream out) throws IOException {
    XlsxOutput.table(sheetName, table, out);
  }

  /** Extra fields as lines "Label: value" (the import reads them back). */
  private static String extras(Map<String, String> fields) {
    return fields == null
        ? ""
        : fields.entrySet().stream()
            .map(e -> e.getKey() + ": " + e.getValue().replace("\n", " "))
            .collect(Collectors.joining("\n"));
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
