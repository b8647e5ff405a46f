package de.lagebild.identity.internal.users;

import java.util.UUID;

public record UserRow(
    UUID id,
    String username,
    String email,
    String displayName,
    String passwordHash,
    boolean platformAdmin,
    boolean enabled,
    int version) {}
