/**
 * Shared kernel of Lagebild: the current tenant, tenant-scoped SQL access, the audit log, access
 * annotations for web endpoints and domain exceptions. Every module builds on it; it depends on no
 * other module.
 */
@ApplicationModule(displayName = "Platform", type = ApplicationModule.Type.OPEN)
package de.lagebild.platform;

import org.springframework.modulith.ApplicationModule;
