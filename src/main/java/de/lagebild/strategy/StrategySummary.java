package de.lagebild.strategy;

import java.util.UUID;

/** A strategy as the public and other modules see it. */
public record StrategySummary(UUID id, String title, String kind, String decisionRef) {}
