package de.lagebild.identity;

import de.lagebild.platform.Role;

/** One tenant a user may enter, for the tenant switcher. */
public record TenantMembership(String slug, String name, Role role) {}
