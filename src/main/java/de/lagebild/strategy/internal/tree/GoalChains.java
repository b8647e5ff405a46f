package de.lagebild.strategy.internal.tree;

import de.lagebild.atlas.IndicatorFigures;
import de.lagebild.platform.LocalCalendar;
import de.lagebild.strategy.GoalNeeds;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * A goal's chain in lines of text, for the goal-achievement report's optional section: the needs it
 * answers with their evidence, and each indicator that measures it with its verdict.
 */
@Service
public class GoalChains {

  private final GoalIndicators links;
  private final LinkedFigures linked;
  private final ObjectProvider<GoalNeeds> needs;
  private final MessageSource messages;
  private final Clock clock;

  GoalChains(
      GoalIndicators links,
      LinkedFigures linked,
      ObjectProvider<GoalNeeds> needs,
      MessageSource messages,
      Clock clock) {
    this.links = links;
    this.linked = linked;
    this.needs = needs;
    this.messages = messages;
    this.clock = clock;
  }

  /** "Bedarf: …", "Kennzahl: …" lines of the goal; empty when it has neither. */
  public List<String> lines(UUID goalId) {
    List<String> lines = new ArrayList<>();
    needs
        .orderedStream()
        .flatMap(n -> n.of(goalId).stream())
        .forEach(
            n ->
                lines.add(
                    message("chain.report.need", n.title(), n.statusLabel())
                        + (n.evidence().isEmpty()
                            ? ""
                            : " – "
                                + String.join(
                                    "; ",
                                    n.evidence().stream()
                                        .map(GoalNeeds.Evidence::text)
                                        .toList()))));
    for (GoalIndicators.Link l : links.ofGoal(goalId)) {
      LinkedFigures.Figures f = linked.of(l).orElse(null);
      if (f == null) {
        continue;
      }
      IndicatorFigures.IndicatorInfo i = f.indicator();
      IndicatorFigures.AreaInfo a = f.area();
      List<IndicatorFigures.Point> course = f.course();
      GoalController.Verdict kind = GoalController.kind(l, course, i, LocalCalendar.today(clock));
      String verdict = GoalController.verdict(l, course, i);
      lines.add(
          message("chain.report.indicator", i.name(), a.name(), message("chain.verdict." + kind))
              + (verdict == null ? "" : " (" + verdict + ")"));
    }
    if (!links.ofGoal(goalId).isEmpty()) {
      lines.add(message("chain.report.caveat"));
    }
    return lines;
  }

  private String message(String key, Object... args) {
    return messages.getMessage(key, args, Locale.GERMAN);
  }
}
