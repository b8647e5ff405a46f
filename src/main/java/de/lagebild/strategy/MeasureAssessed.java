package de.lagebild.strategy;

import de.lagebild.platform.TenantId;
import java.util.UUID;

/** A measure got a (new version of its) assessment in a reporting round. */
public record MeasureAssessed(
    TenantId tenantId, UUID measureId, UUID roundId, String statusCode, int progress) {}
