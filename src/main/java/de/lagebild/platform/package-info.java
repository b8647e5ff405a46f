/**
 * Shared kernel of Lagebild: the current tenant, tenant-scoped SQL access, the audit log,
 * background jobs, access annotations for web endpoints, domain exceptions, the installation's
 * settings and small shared terms (life situations, the local calendar). Every module builds on it;
 * it depends on no other module.
 */
@ApplicationModule(displayName = "Platform", type = ApplicationModule.Type.OPEN)
package de.lagebild.platform;

import org.springframework.modulith.ApplicationModule;
