package de.lagebild.identity.internal.users;

import de.lagebild.platform.Role;
import java.util.Set;
import java.util.UUID;

/** A user's membership in the current tenant, with the units a contributor reports for. */
public record MemberRow(
    UUID membershipId,
    UUID userId,
    String username,
    String email,
    String displayName,
    Role role,
    Set<UUID> unitIds,
    int version) {}
