package de.lagebild.strategy.internal.funding;

import de.lagebild.platform.AuditLog;
import de.lagebild.platform.ConcurrentEditException;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.NotFoundException;
import de.lagebild.strategy.PlanningFunding;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The funding of the planning: grants entered and removed by the coordination, audited. */
@Service
class Funding implements PlanningFunding {

  private final FundingRepository grants;
  private final AuditLog audit;
  private final Clock clock;

  Funding(FundingRepository grants, AuditLog audit, Clock clock) {
    this.grants = grants;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public List<PlanningFunding.Funding> list() {
    return grants.list().stream()
        .map(
            g ->
                new PlanningFunding.Funding(g.source(), g.amount(), g.periodStart(), g.periodEnd()))
        .toList();
  }

  List<FundingRepository.Grant> grants() {
    return grants.list();
  }

  @Transactional
  UUID add(String source, BigDecimal amount, LocalDate start, LocalDate end, String note) {
    if (source == null || source.isBlank()) {
      throw new DomainException("funding.error.source");
    }
    if (amount == null || amount.signum() < 0) {
      throw new DomainException("funding.error.amount");
    }
    if (start == null || end == null || end.isBefore(start)) {
      throw new DomainException("funding.error.period");
    }
    FundingRepository.Grant g =
        new FundingRepository.Grant(
            UUID.randomUUID(),
            source.trim(),
            amount.setScale(2, java.math.RoundingMode.HALF_UP),
            start,
            end,
            note == null || note.isBlank() ? null : note.trim(),
            0);
    grants.insert(g, clock.instant());
    audit.record(
        "CREATE",
        "Funding",
        g.id(),
        "Förderung eingetragen: " + g.source() + ", " + g.amount() + " €",
        null,
        snapshot(g));
    return g.id();
  }

  @Transactional
  void remove(UUID id, int version) {
    FundingRepository.Grant g = grants.find(id).orElseThrow(NotFoundException::new);
    if (!grants.delete(id, version)) {
      throw new ConcurrentEditException(g.source());
    }
    audit.record("DELETE", "Funding", id, "Förderung entfernt: " + g.source(), snapshot(g), null);
  }

  private static Map<String, Object> snapshot(FundingRepository.Grant g) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("source", g.source());
    m.put("amount", g.amount().toPlainString());
    m.put("periodStart", g.periodStart().toString());
    m.put("periodEnd", g.periodEnd().toString());
    m.put("note", g.note());
    return m;
  }
}
