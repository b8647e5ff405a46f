package de.lagebild.strategy.internal;

import de.lagebild.exchange.FuzzyDate;
import de.lagebild.exchange.SafeHtml;
import de.lagebild.identity.CurrentUser;
import de.lagebild.identity.ResponsibleUnit;
import de.lagebild.identity.ResponsibleUnits;
import de.lagebild.platform.AuditLog;
import de.lagebild.platform.DomainException;
import de.lagebild.strategy.internal.Rows.AssessmentRow;
import de.lagebild.strategy.internal.Rows.GoalRow;
import de.lagebild.strategy.internal.Rows.MeasureRow;
import de.lagebild.strategy.internal.Rows.RoundRow;
import de.lagebild.strategy.internal.Rows.RoundState;
import de.lagebild.strategy.internal.Rows.StrategyRow;
import de.lagebild.strategy.internal.Rows.StrategyStatus;
import de.lagebild.strategy.internal.Rows.Visibility;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a strategy written in the table format of seed 000 as a new strategy: preview first (nothing written),
 * then one transaction that writes all of it or nothing. Responsible units are linked where the tenant's unit name
 * appears in the "Verantwortlich" text; the text itself is kept.
 */
@Service
class StrategyImport {

  record Summary(UUID strategyId, int goals, int measures, int assessments, int linkedMeasures) {}

  private final StrategyRepository strategies;
  private final MeasureRepository measures;
  private final RoundRepository rounds;
  private final ResponsibleUnits units;
  private final AuditLog audit;
  private final Clock clock;

  StrategyImport(StrategyRepository strategies, MeasureRepository measures, RoundRepository rounds,
      ResponsibleUnits units, AuditLog audit, Clock clock) {
    this.strategies = strategies;
    this.measures = measures;
    this.rounds = rounds;
    this.units = units;
    this.audit = audit;
    this.clock = clock;
  }

  TableFormatReader.Result preview(String text) {
    return TableFormatReader.read(text);
  }

  @Transactional
  Summary commit(String text, String title, String kind, String roundName) {
    TableFormatReader.Result seed = TableFormatReader.read(text);
    if (seed.goalCount() == 0) {
      throw new DomainException("import.noHeadings");
    }
    String round = roundName == null || roundName.isBlank() ? seed.roundName() : roundName.strip();
    if (round != null && round.length() > 100) {
      throw new DomainException("round.nameTooLong");
    }
    Instant now = clock.instant();
    StrategyRow strategy = new StrategyRow(UUID.randomUUID(), title.strip(), blank(kind), null, null, null,
        StrategyStatus.DRAFT, seed.levelNames(), Visibility.INTERNAL, null, 0);
    strategies.insert(strategy, now);
    RoundRow roundRow = null;
    if (round != null) {
      FuzzyDate period = FuzzyDate.parse(round);
      roundRow = new RoundRow(UUID.randomUUID(), strategy.id(), round, period.earliest(), period.latest(), null,
          RoundState.CLOSED, 0);
      rounds.insert(roundRow, now);
    }
    List<ResponsibleUnit> tenantUnits = units.list();
    String author = CurrentUser.get().map(u -> u.actorName()).orElse("Import") + " (Import)";
    int[] counts = writeTree(strategy, seed, roundRow, text1 -> link(text1, tenantUnits), author, now);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("title", strategy.title());
    after.put("goals", counts[0]);
    after.put("measures", counts[1]);
    after.put("assessments", counts[2]);
    after.put("round", round);
    audit.record("CREATE", "Strategy", strategy.id(), "Strategie importiert: " + strategy.title(), null, after);
    return new Summary(strategy.id(), counts[0], counts[1], counts[2], counts[3]);
  }

  /**
   * Writes the goals and measures read from a table (numbered 1, 1.1, 1.1.1 … in reading order) and the assessment
   * texts into {@code round}; {@code linker} maps a "Verantwortlich" text to unit ids. Returns counts of goals,
   * measures, assessments and measures with at least one linked unit. Shared by the import and the demo loader.
   */
  int[] writeTree(StrategyRow strategy, TableFormatReader.Result seed, RoundRow round,
      java.util.function.Function<String, Set<UUID>> linker, String author, Instant now) {
    int[] counts = {0, 0, 0, 0};
    int position = 1;
    for (TableFormatReader.Goal g : seed.roots()) {
      goal(strategy, round, g, null, String.valueOf(position++), linker, author, now, counts);
    }
    return counts;
  }

  private void goal(StrategyRow s, RoundRow round, TableFormatReader.Goal g, UUID parent, String code,
      java.util.function.Function<String, Set<UUID>> linker, String author, Instant now, int[] counts) {
    GoalRow row = new GoalRow(UUID.randomUUID(), s.id(), parent, g.level, counts[0], code, g.title, null, null, null,
        Set.of(), 0);
    strategies.insertGoal(row, now);
    counts[0]++;
    int m = 1;
    for (TableFormatReader.Measure measure : g.measures) {
      UUID id = UUID.randomUUID();
      Set<UUID> linked = linker.apply(measure.responsible());
      measures.insert(new MeasureRow(id, s.id(), row.id(), counts[1], code + "." + m++, measure.title(), null,
          measure.responsible(), null, measure.indicators(), null, Set.of(), null, null, null, null, FuzzyDate.EMPTY,
          FuzzyDate.EMPTY, null, 1, linked, 0), now);
      counts[1]++;
      if (!linked.isEmpty()) {
        counts[3]++;
      }
      String narrative = SafeHtml.sanitize(measure.assessmentHtml());
      if (round != null && narrative != null) {
        rounds.insertAssessment(new AssessmentRow(UUID.randomUUID(), round.id(), id, 1, null, null, narrative, null,
            CurrentUser.get().map(u -> u.actorId()).orElse(null), author, now, null));
        counts[2]++;
      }
    }
    int child = 1;
    for (TableFormatReader.Goal k : g.children) {
      goal(s, round, k, row.id(), code + "." + child++, linker, author, now, counts);
    }
  }

  static Set<UUID> link(String responsible, List<ResponsibleUnit> tenantUnits) {
    Set<UUID> result = new LinkedHashSet<>();
    String text = responsible.toLowerCase(Locale.GERMAN);
    for (ResponsibleUnit u : tenantUnits) {
      if (u.active() && (text.contains(u.name().toLowerCase(Locale.GERMAN))
          || (u.shortName() != null && u.shortName().length() > 2
              && text.contains(u.shortName().toLowerCase(Locale.GERMAN))))) {
        result.add(u.id());
      }
    }
    return result;
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
