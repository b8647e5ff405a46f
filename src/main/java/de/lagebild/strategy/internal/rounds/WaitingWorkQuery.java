package de.lagebild.strategy.internal.rounds;

import de.lagebild.platform.Role;
import de.lagebild.platform.TenantAccess;
import de.lagebild.platform.TenantContext;
import de.lagebild.strategy.WaitingWork;
import de.lagebild.strategy.internal.store.MeasureRepository;
import de.lagebild.strategy.internal.store.RoundRepository;
import de.lagebild.strategy.internal.store.Rows;
import de.lagebild.strategy.internal.store.Rows.AssessmentRow;
import de.lagebild.strategy.internal.store.Rows.MeasureRow;
import de.lagebild.strategy.internal.store.Rows.RoundRow;
import de.lagebild.strategy.internal.store.Rows.RoundState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Counts the open assessments and the review queue per round for the start page. */
@Service
@Transactional(readOnly = true)
class WaitingWorkQuery implements WaitingWork {

  private final RoundRepository rounds;
  private final MeasureRepository measures;

  WaitingWorkQuery(RoundRepository rounds, MeasureRepository measures) {
    this.rounds = rounds;
    this.measures = measures;
  }

  @Override
  public List<Item> forCurrentUser() {
    TenantAccess access = TenantContext.access().orElse(null);
    if (access == null || !access.isMember()) {
      return List.of();
    }
    boolean assesses = access.hasRole(Role.CONTRIBUTOR, Role.COORDINATOR, Role.ADMIN);
    boolean reviews = access.hasRole(Role.COORDINATOR, Role.ADMIN);
    if (!assesses) {
      return List.of();
    }
    List<RoundRow> open = rounds.inState(RoundState.OPEN, RoundState.IN_REVIEW);
    if (open.isEmpty()) {
      return List.of();
    }
    Map<Rows.RoundMeasure, AssessmentRow> latest =
        Rows.newestVersions(rounds.ofRounds(open.stream().map(RoundRow::id).toList()));
    List<MeasureRow> mine = measures.ofUnits(access.unitIds());
    List<Item> items = new ArrayList<>();
    for (RoundRow r : open) {
      if (r.state() == RoundState.OPEN) {
        int toWrite = 0;
        for (MeasureRow m : mine) {
          if (!m.strategyId().equals(r.strategyId())) {
            continue;
          }
          AssessmentRow a = latest.get(new Rows.RoundMeasure(r.id(), m.id()));
          String state = a == null ? "OPEN" : a.reviewState();
          if (!"ACCEPTED".equals(state) && !"SUBMITTED".equals(state)) {
            toWrite++;
          }
        }
        if (toWrite > 0) {
          items.add(new Item(Kind.ASSESS, toWrite, r.name(), r.deadline(), "meine-massnahmen"));
        }
      }
      if (reviews) {
        long toReview =
            latest.entrySet().stream()
                .filter(e -> e.getKey().round().equals(r.id()))
                .filter(e -> e.getValue().review() == null)
                .count();
        if (toReview > 0) {
          items.add(
              new Item(
                  Kind.REVIEW,
                  (int) toReview,
                  r.name(),
                  r.deadline(),
                  "runden/" + r.id() + "/pruefung"));
        }
      }
    }
    return items;
  }
}
