package de.lagebild.strategy;

/** A strategy as the public and other modules see it. */
public record StrategySummary(StrategyId id, String title, String kind, String decisionRef) {}
