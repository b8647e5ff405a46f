package de.lagebild.strategy.internal.rounds;

import de.lagebild.exchange.SafeHtml;
import de.lagebild.identity.CurrentUser;
import de.lagebild.identity.LagebildUser;
import de.lagebild.platform.AccessDeniedInTenantException;
import de.lagebild.platform.AuditLog;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.NotFoundException;
import de.lagebild.platform.Role;
import de.lagebild.platform.TenantAccess;
import de.lagebild.platform.TenantContext;
import de.lagebild.platform.Text;
import de.lagebild.strategy.internal.status.StatusCatalogue;
import de.lagebild.strategy.internal.store.MeasureRepository;
import de.lagebild.strategy.internal.store.RoundRepository;
import de.lagebild.strategy.internal.store.Rows;
import de.lagebild.strategy.internal.store.Rows.AssessmentRow;
import de.lagebild.strategy.internal.store.Rows.MeasureRow;
import de.lagebild.strategy.internal.store.Rows.ReviewDecision;
import de.lagebild.strategy.internal.store.Rows.ReviewRow;
import de.lagebild.strategy.internal.store.Rows.RoundRow;
import de.lagebild.strategy.internal.store.Rows.StatusOptionRow;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may assess what, and when: a contributor assesses only the measures of their units and only
 * while the round is open; coordinators may assess any measure while the round is open or in
 * review, and review submissions. Every submission is a new version; nothing is overwritten. Two
 * submissions for one measure at the same moment (two colleagues, two instances) both become
 * versions: the one that finds its version number taken meanwhile is written again with the next.
 */
@Service
public class AssessmentWorkflow {

  record Submission(String statusCode, Integer progress, String narrative, String evidence) {}

  private final RoundRepository rounds;
  private final MeasureRepository measures;
  private final StatusCatalogue statuses;
  private final AuditLog audit;
  private final Clock clock;
  private final org.springframework.transaction.support.TransactionTemplate tx;

  AssessmentWorkflow(
      RoundRepository rounds,
      MeasureRepository measures,
      StatusCatalogue statuses,
      AuditLog audit,
      Clock clock,
      org.springframework.transaction.support.TransactionTemplate tx) {
    this.tx = tx;
    this.rounds = rounds;
    this.measures = measures;
    this.statuses = statuses;
    this.audit = audit;
    this.clock = clock;
  }

  /** Whether the current user may write an assessment for {@code measure} in {@code round} now. */
  public static boolean mayAssess(TenantAccess access, RoundRow round, MeasureRow measure) {
    boolean coordinator = access.hasRole(Role.ADMIN, Role.COORDINATOR);
    if (!round.strategyId().equals(measure.strategyId())
        || !round.state().acceptsAssessments(coordinator)) {
      return false;
    }
    return coordinator
        || (access.hasRole(Role.CONTRIBUTOR)
            && !Collections.disjoint(access.unitIds(), measure.unitIds()));
  }

  /** Saves a submission as the measure's next version in the round (see the class comment). */
  AssessmentRow submit(UUID roundId, UUID measureId, Submission s) {
    return de.lagebild.platform.ConcurrentWrites.retry(
        8,
        () -> tx.execute(status -> submitOnce(roundId, measureId, s)),
        () -> new DomainException("assessment.concurrent"));
  }

  private AssessmentRow submitOnce(UUID roundId, UUID measureId, Submission s) {
    TenantAccess access = TenantContext.access().orElseThrow();
    RoundRow round = rounds.find(roundId).orElseThrow(NotFoundException::new);
    MeasureRow measure = measures.find(measureId).orElseThrow(NotFoundException::new);
    boolean coordinator = access.hasRole(Role.ADMIN, Role.COORDINATOR);
    if (!coordinator
        && (!access.hasRole(Role.CONTRIBUTOR)
            || Collections.disjoint(access.unitIds(), measure.unitIds()))) {
      throw new AccessDeniedInTenantException();
    }
    if (!round.strategyId().equals(measure.strategyId())) {
      throw new NotFoundException();
    }
    if (!round.state().acceptsAssessments(coordinator)) {
      throw new DomainException("assessment.roundNotOpen", round.name());
    }
    Map<String, StatusOptionRow> catalogue = statuses.byCode();
    StatusOptionRow status = catalogue.get(s.statusCode());
    if (status == null || !status.active()) {
      throw new DomainException("assessment.statusRequired");
    }
    Integer progress = s.progress() == null ? status.defaultProgress() : s.progress();
    if (progress < 0 || progress > 100) {
      throw new DomainException("assessment.progressRange");
    }
    String narrative = SafeHtml.sanitize(s.narrative());
    if (narrative != null && narrative.length() > 50_000) {
      throw new DomainException("assessment.narrativeTooLong");
    }
    LagebildUser user = CurrentUser.get().orElseThrow();
    AssessmentRow row =
        new AssessmentRow(
            UUID.randomUUID(),
            roundId,
            measureId,
            rounds.nextVersion(roundId, measureId),
            status.code(),
            progress,
            narrative,
            Text.blankToNull(s.evidence()),
            user.id(),
            user.actorName(),
            clock.instant(),
            null);
    rounds.insertAssessment(row);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("round", round.name());
    after.put("version", row.versionNo());
    after.put("status", status.label());
    after.put("progress", progress);
    audit.record(
        "CREATE",
        "Assessment",
        measureId,
        "Einschätzung " + round.name() + " (Version " + row.versionNo() + ") für " + label(measure),
        null,
        after);
    return row;
  }

  /** The coordinator accepts an assessment version or returns it for revision (with a comment). */
  @Transactional
  void review(UUID assessmentId, ReviewDecision decision, String comment) {
    TenantAccess access = TenantContext.access().orElseThrow();
    if (!access.hasRole(Role.ADMIN, Role.COORDINATOR)) {
      throw new AccessDeniedInTenantException();
    }
    AssessmentRow a = rounds.findAssessment(assessmentId).orElseThrow(NotFoundException::new);
    RoundRow round = rounds.find(a.roundId()).orElseThrow(NotFoundException::new);
    if (round.state() == Rows.RoundState.CLOSED || round.state() == Rows.RoundState.PREPARED) {
      throw new DomainException("assessment.roundNotOpen", round.name());
    }
    if (decision == ReviewDecision.RETURNED && (comment == null || comment.isBlank())) {
      throw new DomainException("review.commentRequired");
    }
    LagebildUser user = CurrentUser.get().orElseThrow();
    rounds.insertReview(
        new ReviewRow(
            UUID.randomUUID(),
            assessmentId,
            decision,
            Text.blankToNull(comment),
            user.actorName(),
            clock.instant()),
        user.id());
    audit.record(
        "UPDATE",
        "Assessment",
        a.measureId(),
        (decision == ReviewDecision.ACCEPTED
                ? "Einschätzung angenommen: "
                : "Einschätzung zur Überarbeitung: ")
            + round.name()
            + ", Version "
            + a.versionNo(),
        Map.of("review", a.reviewState()),
        Map.of("review", decision.name(), "comment", comment == null ? "" : comment));
  }

  private static String label(MeasureRow m) {
    String title = m.title().length() > 80 ? m.title().substring(0, 79) + "…" : m.title();
    return m.code() == null ? title : m.code() + " " + title;
  }
}
