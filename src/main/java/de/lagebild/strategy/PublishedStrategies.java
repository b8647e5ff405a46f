package de.lagebild.strategy;

import java.util.List;

/** The strategies of the current tenant that are marked public. */
public interface PublishedStrategies {
  List<StrategySummary> list();
}
