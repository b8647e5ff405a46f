package de.lagebild.strategy.internal;

import de.lagebild.platform.NotFoundException;
import de.lagebild.strategy.internal.Rows.AssessmentRow;
import de.lagebild.strategy.internal.Rows.RoundRow;
import de.lagebild.strategy.internal.Rows.StatusOptionRow;
import de.lagebild.strategy.internal.Rows.StrategyRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * What the goal-achievement report ("Bericht zur Zielerreichung", seed 000) contains: per goal, in tree order, a
 * heading and a table Maßnahme | Verantwortlich | Indikatoren | Einschätzung &lt;Runde&gt; (optionally Status).
 */
@Service
class ReportContent {

  record Row(String code, String title, String responsible, String indicators, String assessmentHtml,
      String status) {}

  record Section(int level, String levelName, String code, String title, List<Row> rows) {
    String anchor() {
      return "z" + (code == null ? Integer.toHexString(title.hashCode()) : code.replace('.', '-'));
    }
  }

  record Report(String tenantName, StrategyRow strategy, RoundRow round, List<Section> sections, boolean withStatus,
      int measures) {}

  private final StrategyTree tree;
  private final RoundRepository rounds;

  ReportContent(StrategyTree tree, RoundRepository rounds) {
    this.tree = tree;
    this.rounds = rounds;
  }

  Report build(String tenantName, UUID strategyId, UUID roundId, boolean withStatus, LocalDate today) {
    StrategyTree.Tree t = tree.build(strategyId, roundId, StrategyTree.Filter.NONE, today);
    RoundRow round = t.round();
    if (roundId != null && round == null) {
      throw new NotFoundException();
    }
    Map<UUID, AssessmentRow> texts = round == null ? Map.of()
        : Rows.newestVersionsIn(round.id(), rounds.ofRounds(List.of(round.id())));
    List<Section> sections = new ArrayList<>();
    int[] measures = {0};
    for (StrategyTree.Node n : t.roots()) {
      add(n, texts, sections, measures);
    }
    return new Report(tenantName, t.strategy(), round, sections, withStatus, measures[0]);
  }

  private void add(StrategyTree.Node n, Map<UUID, AssessmentRow> texts, List<Section> into, int[] measures) {
    List<Row> rows = new ArrayList<>();
    for (StrategyTree.MeasureView m : n.measures()) {
      AssessmentRow a = texts.get(m.measure().id());
      StatusOptionRow s = m.status();
      rows.add(new Row(m.measure().code(), m.measure().title(),
          m.unitNames().isEmpty() || m.measure().responsibleText() != null
              ? nullToEmpty(m.measure().responsibleText()) : String.join(", ", m.unitNames()),
          nullToEmpty(m.measure().successCriteria()), a == null ? null : a.narrative(),
          s == null ? "" : s.symbol() + " " + s.label() + (m.progress() == null ? "" : " (" + m.progress() + " %)")));
      measures[0]++;
    }
    into.add(new Section(n.goal().level(), n.levelName(), n.goal().code(), n.goal().title(), rows));
    for (StrategyTree.Node c : n.children()) {
      add(c, texts, into, measures);
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
