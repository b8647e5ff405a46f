/**
 * Strategies with their goal trees, measures and milestones; reporting rounds with dated,
 * append-only assessments and their review; the roll-up of progress; the import of the formats
 * districts bring, the goal-achievement report and the exports. Other modules read published
 * strategies through {@link de.lagebild.strategy.PublishedStrategies}.
 */
@ApplicationModule(displayName = "Strategy")
package de.lagebild.strategy;

import org.springframework.modulith.ApplicationModule;
