package de.lagebild.identity.internal;

import java.util.UUID;

record UserRow(
    UUID id, String username, String email, String displayName, String passwordHash, boolean platformAdmin,
    boolean enabled, int version) {}
