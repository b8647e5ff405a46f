package de.lagebild.strategy.internal.rounds;

import de.lagebild.exchange.FuzzyDate;
import de.lagebild.platform.AuditLog;
import de.lagebild.platform.ConcurrentEditException;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.NotFoundException;
import de.lagebild.strategy.internal.store.RoundRepository;
import de.lagebild.strategy.internal.store.Rows.RoundRow;
import de.lagebild.strategy.internal.store.Rows.RoundState;
import de.lagebild.strategy.internal.store.StrategyRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating reporting rounds and moving them through prepared → open → in review → closed. */
@Service
class RoundWorkflow {

  private final RoundRepository rounds;
  private final StrategyRepository strategies;
  private final AuditLog audit;
  private final Clock clock;
  private final org.springframework.context.MessageSource messages;

  RoundWorkflow(
      RoundRepository rounds,
      StrategyRepository strategies,
      AuditLog audit,
      Clock clock,
      org.springframework.context.MessageSource messages) {
    this.messages = messages;
    this.rounds = rounds;
    this.strategies = strategies;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  RoundRow create(UUID strategyId, String name, LocalDate deadline) {
    strategies.find(strategyId).orElseThrow(NotFoundException::new);
    String clean = name.strip();
    if (rounds.nameTaken(strategyId, clean)) {
      throw new DomainException("round.nameTaken", clean);
    }
    FuzzyDate period = FuzzyDate.parse(clean);
    RoundRow round =
        new RoundRow(
            UUID.randomUUID(),
            strategyId,
            clean,
            period.earliest(),
            period.latest(),
            deadline,
            RoundState.PREPARED,
            0);
    rounds.insert(round, clock.instant());
    audit.record(
        "CREATE",
        "ReportingRound",
        round.id(),
        "Berichtsrunde angelegt: " + clean,
        null,
        Map.of("name", clean, "state", RoundState.PREPARED.name()));
    return round;
  }

  @Transactional
  void moveTo(UUID roundId, RoundState next, int version) {
    RoundRow round = rounds.find(roundId).orElseThrow(NotFoundException::new);
    if (round.version() != version) {
      throw new ConcurrentEditException("Berichtsrunde");
    }
    if (!round.state().canMoveTo(next)) {
      throw new DomainException(
          "round.transitionNotAllowed",
          round.name(),
          new DefaultMessageSourceResolvable("round.state." + round.state()),
          new DefaultMessageSourceResolvable("round.state." + next));
    }
    rounds.changeState(round, next);
    audit.record(
        "UPDATE",
        "ReportingRound",
        round.id(),
        "Berichtsrunde "
            + round.name()
            + ": "
            + messages.getMessage("round.state." + next, null, java.util.Locale.GERMAN),
        Map.of("state", round.state().name()),
        Map.of("state", next.name()));
  }

  /**
   * Releases a round's accepted assessments to the public pages before the round is closed ({@code
   * publish}), or withdraws that release. Closed rounds are public anyway.
   */
  @Transactional
  void publish(UUID roundId, boolean publish, int version) {
    RoundRow round = rounds.find(roundId).orElseThrow(NotFoundException::new);
    if (round.version() != version) {
      throw new ConcurrentEditException("Berichtsrunde");
    }
    if (publish ? !round.canPublish() : !round.canWithdraw()) {
      throw new DomainException(
          publish ? "round.publishNotAllowed" : "round.withdrawNotAllowed", round.name());
    }
    rounds.publish(round, publish ? clock.instant() : null);
    audit.record(
        "UPDATE",
        "ReportingRound",
        round.id(),
        "Berichtsrunde "
            + round.name()
            + (publish ? " veröffentlicht" : ": Veröffentlichung zurückgenommen"),
        Map.of("published", round.publishedAt() != null),
        Map.of("published", publish));
  }
}
