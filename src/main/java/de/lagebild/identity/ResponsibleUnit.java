package de.lagebild.identity;

import java.util.UUID;

/** An organisational unit of a tenant that is responsible for measures (not a person). */
public record ResponsibleUnit(
    UUID id, String name, String shortName, String description, boolean active, int version) {}
