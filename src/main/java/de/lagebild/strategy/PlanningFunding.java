package de.lagebild.strategy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** How the current tenant's planning is funded: amount, source and period of each grant. */
public interface PlanningFunding {

  record Funding(String source, BigDecimal amount, LocalDate periodStart, LocalDate periodEnd) {}

  /** The grants, oldest period first. */
  List<Funding> list();
}
