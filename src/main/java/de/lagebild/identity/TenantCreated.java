package de.lagebild.identity;

import de.lagebild.platform.TenantId;

/** A tenant was created (by the platform administrator, the setup or the demo loader). */
public record TenantCreated(TenantId tenantId, String slug, boolean demo) {}
