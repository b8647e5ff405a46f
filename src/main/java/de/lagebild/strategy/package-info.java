/**
 * Strategies with their goal trees, measures and milestones, reporting rounds and dated
 * assessments, and the roll-up of progress. Built in the strategy issue; the place and its tables
 * start here.
 */
@ApplicationModule(displayName = "Strategy")
package de.lagebild.strategy;

import org.springframework.modulith.ApplicationModule;
