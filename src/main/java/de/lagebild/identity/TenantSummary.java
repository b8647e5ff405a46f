package de.lagebild.identity;

/** What the public may know about a tenant. */
public record TenantSummary(
    String slug,
    String name,
    String kindLabelKey,
    String officialKey,
    boolean hasLogo,
    boolean publicVisible) {}
