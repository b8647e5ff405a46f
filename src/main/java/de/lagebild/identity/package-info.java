/**
 * Tenants, users, memberships with roles, responsible units, login and the current tenant of a
 * request. Its root package is the API other modules use: the logged-in {@link
 * de.lagebild.identity.LagebildUser}, the {@link de.lagebild.identity.ResponsibleUnits} directory
 * and the events it publishes.
 */
@ApplicationModule(displayName = "Identity")
package de.lagebild.identity;

import org.springframework.modulith.ApplicationModule;
