package de.lagebild.strategy.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.exchange.FuzzyDate;
import de.lagebild.exchange.SafeHtml;
import de.lagebild.platform.Role;
import de.lagebild.platform.TenantAccess;
import de.lagebild.platform.TenantId;
import de.lagebild.strategy.internal.rounds.AssessmentWorkflow;
import de.lagebild.strategy.internal.store.Rows.MeasureRow;
import de.lagebild.strategy.internal.store.Rows.RoundRow;
import de.lagebild.strategy.internal.store.Rows.RoundState;
import de.lagebild.strategy.internal.tree.RollUp;
import de.lagebild.strategy.internal.tree.RollUp.Contribution;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Roll-up arithmetic, round states and who may assess what. */
class StrategyRulesTests {

  @Test
  void rollUpIsTheWeightedMeanOfAssessedMeasuresAndCountsTheRest() {
    RollUp r =
        RollUp.of(
            List.of(
                new Contribution(true, "IMPLEMENTED", 100, 1),
                new Contribution(true, "IN_PROGRESS", 50, 3),
                new Contribution(true, null, null, 1),
                new Contribution(false, null, null, 5)));
    // (100*1 + 50*3) / (1 + 3): unassessed and unrated measures do not pull the mean down
    assertThat(r.progress()).isEqualTo(62.5);
    assertThat(r.roundedProgress()).isEqualTo(63);
    assertThat(r.measures()).isEqualTo(4);
    assertThat(r.assessed()).isEqualTo(3);
    assertThat(r.count("IMPLEMENTED")).isEqualTo(1);
    assertThat(r.count(RollUp.UNRATED)).isEqualTo(1);
    assertThat(r.count(RollUp.NOT_ASSESSED)).isEqualTo(1);
  }

  @Test
  void weightZeroMeasuresCountButDoNotMoveProgress() {
    RollUp r =
        RollUp.of(
            List.of(
                new Contribution(true, "DELAYED", 30, 0),
                new Contribution(true, "ROUTINE", 100, 2)));
    assertThat(r.progress()).isEqualTo(100.0);
    assertThat(r.count("DELAYED")).isEqualTo(1);
  }

  @Test
  void anEmptyGoalHasNoProgress() {
    RollUp r = RollUp.of(List.of());
    assertThat(r.progress()).isNull();
    assertThat(r.measures()).isZero();
    assertThat(r.costed()).isZero();
    assertThat(r.costs()).isEqualByComparingTo("0");
  }

  @Test
  void costsAreTheSumOfTheEnteredAmountsAndMeasuresWithoutOneAreCountedApart() {
    RollUp r =
        RollUp.of(
            List.of(
                new Contribution(true, "IN_PROGRESS", 50, 1, new java.math.BigDecimal("1234.50")),
                new Contribution(false, null, null, 1, new java.math.BigDecimal("65.50")),
                new Contribution(true, "ROUTINE", 100, 1, null)));
    assertThat(r.costs()).isEqualByComparingTo("1300.00");
    assertThat(r.costed()).isEqualTo(2);
    assertThat(r.measures()).isEqualTo(3);
  }

  @ParameterizedTest
  @CsvSource({
    "PREPARED, OPEN, true",
    "PREPARED, CLOSED, false",
    "PREPARED, IN_REVIEW, false",
    "OPEN, IN_REVIEW, true",
    "OPEN, CLOSED, false",
    "OPEN, PREPARED, false",
    "IN_REVIEW, OPEN, true",
    "IN_REVIEW, CLOSED, true",
    "CLOSED, OPEN, false",
    "CLOSED, IN_REVIEW, false"
  })
  void roundStatesMoveOnlyForward(RoundState from, RoundState to, boolean allowed) {
    assertThat(from.canMoveTo(to)).isEqualTo(allowed);
  }

  static final UUID STRATEGY = UUID.randomUUID();
  static final UUID JUGEND = UUID.randomUUID();
  static final UUID SOZIALES = UUID.randomUUID();

  static TenantAccess as(Role role, UUID... units) {
    return new TenantAccess(new TenantId(UUID.randomUUID()), "t", "T", false, role, Set.of(units));
  }

  static RoundRow round(RoundState state) {
    return new RoundRow(UUID.randomUUID(), STRATEGY, "Juni 2023", null, null, null, state, 0);
  }

  static MeasureRow measure(UUID strategy, UUID... units) {
    return new MeasureRow(
        UUID.randomUUID(),
        strategy,
        UUID.randomUUID(),
        0,
        "1.1",
        "M",
        null,
        null,
        null,
        null,
        null,
        Set.of(),
        null,
        null,
        null,
        null,
        FuzzyDate.EMPTY,
        FuzzyDate.EMPTY,
        null,
        1,
        Set.of(units),
        0);
  }

  @Test
  void aContributorAssessesOnlyTheMeasuresOfTheirUnitsWhileTheRoundIsOpen() {
    MeasureRow jugend = measure(STRATEGY, JUGEND);
    MeasureRow soziales = measure(STRATEGY, SOZIALES);
    TenantAccess contributor = as(Role.CONTRIBUTOR, JUGEND);
    assertThat(AssessmentWorkflow.mayAssess(contributor, round(RoundState.OPEN), jugend)).isTrue();
    assertThat(AssessmentWorkflow.mayAssess(contributor, round(RoundState.OPEN), soziales))
        .isFalse();
    assertThat(AssessmentWorkflow.mayAssess(contributor, round(RoundState.PREPARED), jugend))
        .isFalse();
    assertThat(AssessmentWorkflow.mayAssess(contributor, round(RoundState.IN_REVIEW), jugend))
        .isFalse();
    assertThat(AssessmentWorkflow.mayAssess(contributor, round(RoundState.CLOSED), jugend))
        .isFalse();
  }

  @Test
  void coordinatorsAssessAnyMeasureWhileOpenOrInReviewReadersNever() {
    MeasureRow soziales = measure(STRATEGY, SOZIALES);
    assertThat(
            AssessmentWorkflow.mayAssess(
                as(Role.COORDINATOR), round(RoundState.IN_REVIEW), soziales))
        .isTrue();
    assertThat(AssessmentWorkflow.mayAssess(as(Role.ADMIN), round(RoundState.OPEN), soziales))
        .isTrue();
    assertThat(
            AssessmentWorkflow.mayAssess(as(Role.COORDINATOR), round(RoundState.CLOSED), soziales))
        .isFalse();
    assertThat(
            AssessmentWorkflow.mayAssess(
                as(Role.READER, SOZIALES), round(RoundState.OPEN), soziales))
        .isFalse();
  }

  @Test
  void aRoundOfAnotherStrategyAcceptsNoAssessmentOfThisMeasure() {
    MeasureRow other = measure(UUID.randomUUID(), JUGEND);
    assertThat(AssessmentWorkflow.mayAssess(as(Role.COORDINATOR), round(RoundState.OPEN), other))
        .isFalse();
  }

  @Test
  void narrativesKeepParagraphsAndListsButNeverScripts() {
    assertThat(SafeHtml.sanitize("<p>Gut</p><script>alert(1)</script><ul><li>eins</li></ul>"))
        .isEqualTo("<p>Gut</p><ul><li>eins</li></ul>");
    assertThat(SafeHtml.sanitize("<p onclick=\"x()\">A</p><a href=\"javascript:alert(1)\">b</a>"))
        .isEqualTo("<p>A</p>b");
    assertThat(SafeHtml.sanitize("Erster Absatz\n\nZweiter <b>nicht</b> fett?"))
        .startsWith("<p>Erster Absatz</p>");
    assertThat(SafeHtml.sanitize("Zeile 1\n\nZeile <2>"))
        .isEqualTo("<p>Zeile 1</p><p>Zeile &lt;2&gt;</p>");
    assertThat(SafeHtml.sanitize("   ")).isNull();
  }
}
