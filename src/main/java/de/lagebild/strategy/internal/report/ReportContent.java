package de.lagebild.strategy.internal.report;

import de.lagebild.platform.NotFoundException;
import de.lagebild.strategy.internal.store.RoundRepository;
import de.lagebild.strategy.internal.store.Rows;
import de.lagebild.strategy.internal.store.Rows.AssessmentRow;
import de.lagebild.strategy.internal.store.Rows.RoundRow;
import de.lagebild.strategy.internal.store.Rows.StatusOptionRow;
import de.lagebild.strategy.internal.store.Rows.StrategyRow;
import de.lagebild.strategy.internal.tree.GoalChains;
import de.lagebild.strategy.internal.tree.StrategyTree;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * What the goal-achievement report ("Bericht zur Zielerreichung", seed 000) contains: per goal, in
 * tree order, a heading and a table Maßnahme | Verantwortlich | Indikatoren | Einschätzung
 * &lt;Runde&gt; (optionally Status).
 */
@Service
public class ReportContent {

  record Row(
      String code,
      String title,
      String responsible,
      String indicators,
      String assessmentHtml,
      String status,
      String internal,
      Map<String, String> details) {}

  /**
   * What a report shows: the round (null = default), a status column, only the subtree of one goal
   * (e.g. a Handlungsfeld), only measures of one unit or with one status, and internal fields
   * (period, costs, funding, partners) below each measure's title.
   */
  public record Options(
      UUID round,
      boolean withStatus,
      UUID goal,
      UUID unit,
      String status,
      boolean internal,
      boolean chain) {

    public Options(
        UUID round, boolean withStatus, UUID goal, UUID unit, String status, boolean internal) {
      this(round, withStatus, goal, unit, status, internal, false);
    }

    public static Options of(UUID round, boolean withStatus) {
      return new Options(round, withStatus, null, null, null, false);
    }

    boolean filtered() {
      return goal != null || unit != null || status != null;
    }
  }

  /** A goal with its measures' rows and, when asked for, its chain in lines. */
  record Section(
      int level, String levelName, String code, String title, List<Row> rows, List<String> chain) {
    String anchor() {
      return "z" + (code == null ? Integer.toHexString(title.hashCode()) : code.replace('.', '-'));
    }
  }

  public record Report(
      String tenantName,
      StrategyRow strategy,
      RoundRow round,
      List<Section> sections,
      boolean withStatus,
      int measures,
      ImprintRepository.ImprintRow imprint,
      List<String> selection) {

    /** Herausgeber: from the imprint, else the tenant's name. */
    String publisher() {
      return imprint == null || imprint.publisher() == null ? tenantName : imprint.publisher();
    }

    /** Redaktionsschluss: from the imprint, else the round's name. */
    String editorialDeadline() {
      return imprint != null && imprint.editorialDeadline() != null
          ? imprint.editorialDeadline()
          : round == null ? null : round.name();
    }

    /** The introduction: the imprint's, else the strategy's description. */
    String introduction() {
      return imprint != null && imprint.introduction() != null
          ? imprint.introduction()
          : strategy.description();
    }
  }

  private final StrategyTree tree;
  private final RoundRepository rounds;
  private final ImprintRepository imprints;
  private final GoalChains chains;

  ReportContent(
      StrategyTree tree, RoundRepository rounds, ImprintRepository imprints, GoalChains chains) {
    this.chains = chains;
    this.tree = tree;
    this.rounds = rounds;
    this.imprints = imprints;
  }

  public Report build(
      String tenantName, UUID strategyId, UUID roundId, boolean withStatus, LocalDate today) {
    return build(tenantName, strategyId, Options.of(roundId, withStatus), null, today);
  }

  /**
   * The report with these options; {@code imprint} null takes the saved one (strategy, else
   * tenant).
   */
  public Report build(
      String tenantName,
      UUID strategyId,
      Options o,
      ImprintRepository.ImprintRow imprint,
      LocalDate today) {
    StrategyTree.Tree t =
        tree.build(
            strategyId,
            o.round(),
            new StrategyTree.Filter(null, null, o.unit(), o.status(), null),
            today);
    RoundRow round = t.round();
    if (o.round() != null && round == null) {
      throw new NotFoundException();
    }
    Map<UUID, AssessmentRow> texts =
        round == null
            ? Map.of()
            : Rows.newestVersionsIn(round.id(), rounds.ofRounds(List.of(round.id())));
    List<Section> sections = new ArrayList<>();
    int[] measures = {0};
    List<String> selection = new ArrayList<>();
    for (StrategyTree.Node n : t.roots()) {
      add(n, texts, sections, measures, o, o.goal() == null);
    }
    if (o.goal() != null) {
      findGoal(t.roots(), o.goal())
          .ifPresentOrElse(
              g ->
                  selection.add(
                      g.levelName() + " " + nz(g.goal().code()) + ": " + g.goal().title()),
              () -> {
                throw new NotFoundException();
              });
    }
    if (o.unit() != null) {
      String unit = t.unitNames().get(o.unit());
      if (unit == null) {
        throw new NotFoundException();
      }
      selection.add("Organisationseinheit: " + unit);
    }
    if (o.status() != null) {
      selection.add(
          "Status: "
              + t.statuses().stream()
                  .filter(s -> s.code().equals(o.status()))
                  .map(StatusOptionRow::label)
                  .findFirst()
                  .orElse(o.status()));
    }
    if (o.filtered()) {
      // headings without any measure left below them are dropped
      sections = prune(sections);
    }
    ImprintRepository.ImprintRow effective =
        imprint == null ? imprints.effective(strategyId) : imprint;
    return new Report(
        tenantName,
        t.strategy(),
        round,
        sections,
        o.withStatus(),
        measures[0],
        effective,
        selection);
  }

  private static Optional<StrategyTree.Node> findGoal(List<StrategyTree.Node> nodes, UUID id) {
    for (StrategyTree.Node n : nodes) {
      if (n.goal().id().equals(id)) {
        return Optional.of(n);
      }
      Optional<StrategyTree.Node> below = findGoal(n.children(), id);
      if (below.isPresent()) {
        return below;
      }
    }
    return Optional.empty();
  }

  private static boolean contains(StrategyTree.Node n, UUID goal) {
    return n.goal().id().equals(goal) || n.children().stream().anyMatch(c -> contains(c, goal));
  }

  /**
   * Keeps a section when it or a deeper section after it (before the next one on its level) has
   * rows.
   */
  private static List<Section> prune(List<Section> sections) {
    List<Section> kept = new ArrayList<>();
    for (int i = 0; i < sections.size(); i++) {
      Section s = sections.get(i);
      boolean keep = !s.rows().isEmpty();
      for (int j = i + 1;
          !keep && j < sections.size() && sections.get(j).level() > s.level();
          j++) {
        keep = !sections.get(j).rows().isEmpty();
      }
      if (keep) {
        kept.add(s);
      }
    }
    return kept;
  }

  private void add(
      StrategyTree.Node n,
      Map<UUID, AssessmentRow> texts,
      List<Section> into,
      int[] measures,
      Options o,
      boolean parentInside) {
    // inside the chosen goal's subtree: with measures; on the path to it: a heading only;
    // elsewhere: left out
    boolean inside = parentInside || n.goal().id().equals(o.goal());
    if (!inside && !contains(n, o.goal())) {
      return;
    }
    List<Row> rows = new ArrayList<>();
    for (StrategyTree.MeasureView m : inside ? n.measures() : List.<StrategyTree.MeasureView>of()) {
      AssessmentRow a = texts.get(m.measure().id());
      StatusOptionRow s = m.status();
      rows.add(
          new Row(
              m.measure().code(),
              m.measure().title(),
              m.unitNames().isEmpty() || m.measure().responsibleText() != null
                  ? nullToEmpty(m.measure().responsibleText())
                  : String.join(", ", m.unitNames()),
              nullToEmpty(m.measure().successCriteria()),
              a == null ? null : a.narrative(),
              s == null
                  ? ""
                  : s.symbol()
                      + " "
                      + s.label()
                      + (m.progress() == null ? "" : " (" + m.progress() + " %)"),
              o.internal() ? internal(m.measure()) : null,
              o.internal() ? details(m.measure()) : null));
      measures[0]++;
    }
    into.add(
        new Section(
            n.goal().level(),
            n.levelName(),
            n.goal().code(),
            n.goal().title(),
            rows,
            o.chain() ? chains.lines(n.goal().id()) : List.of()));
    for (StrategyTree.Node c : n.children()) {
      add(c, texts, into, measures, o, inside);
    }
  }

  /** Fields for internal use: period, costs, funding, partners, target groups. */
  static String internal(Rows.MeasureRow m) {
    List<String> parts = new ArrayList<>();
    if (!m.start().isEmpty() || !m.end().isEmpty()) {
      parts.add(
          "Zeitraum: "
              + (m.start().isEmpty() ? "…" : m.start().text())
              + " – "
              + (m.end().isEmpty() ? "…" : m.end().text()));
    }
    if (m.costsText() != null) {
      parts.add("Kosten: " + m.costsText());
    }
    if (m.fundingSource() != null) {
      parts.add("Finanzierung: " + m.fundingSource());
    }
    if (m.partners() != null) {
      parts.add("Partner: " + m.partners());
    }
    if (m.targetGroups() != null && !m.targetGroups().isBlank()) {
      parts.add("Zielgruppen: " + m.targetGroups());
    }
    return parts.isEmpty() ? null : String.join("; ", parts);
  }

  /**
   * The internal fields one by one, for the data export (JSON): what was imported under Beginn,
   * Ende, Kosten, Finanzierung, Partner, Zielgruppen and Kommunikation, as written.
   */
  static Map<String, String> details(Rows.MeasureRow m) {
    Map<String, String> d = new LinkedHashMap<>();
    put(d, "start", m.start().isEmpty() ? null : m.start().text());
    put(d, "end", m.end().isEmpty() ? null : m.end().text());
    put(d, "costs", m.costsText());
    put(d, "costAmount", m.costAmount() == null ? null : m.costAmount().toPlainString());
    put(d, "funding", m.fundingSource());
    put(d, "partners", m.partners());
    put(d, "targetGroups", m.targetGroups());
    put(d, "communication", m.communication());
    return d;
  }

  private static void put(Map<String, String> d, String key, String value) {
    if (value != null && !value.isBlank()) {
      d.put(key, value);
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
