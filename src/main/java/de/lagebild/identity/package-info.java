/**
 * Tenants, users, memberships with roles, responsible units, API tokens, login with its throttle
 * and the current tenant of a request. Its root package is the API other modules use: the logged-in
 * {@link de.lagebild.identity.LagebildUser}, the {@link de.lagebild.identity.TenantDirectory}, the
 * {@link de.lagebild.identity.ResponsibleUnits} and the demo loaders' common start.
 */
@ApplicationModule(displayName = "Identity")
package de.lagebild.identity;

import org.springframework.modulith.ApplicationModule;
