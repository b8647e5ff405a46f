package de.lagebild.platform;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Holds the tenant of the current unit of work. Web requests get it from the tenant slug in the
 * path; background jobs and loaders set it with {@link #callAs}. All tenant-scoped SQL reads it
 * through {@link TenantScope}.
 */
public final class TenantContext {

  private static final ThreadLocal<TenantAccess> CURRENT = new ThreadLocal<>();

  private TenantContext() {}

  public static Optional<TenantAccess> access() {
    return Optional.ofNullable(CURRENT.get());
  }

  /**
   * The current tenant; fails loudly when code runs outside a tenant, instead of reading all
   * tenants.
   */
  public static TenantId require() {
    TenantAccess access = CURRENT.get();
    if (access == null) {
      throw new IllegalStateException(
          "No tenant in scope: tenant-scoped data accessed outside a tenant context");
    }
    return access.tenantId();
  }

  public static void set(TenantAccess access) {
    CURRENT.set(access);
  }

  public static void clear() {
    CURRENT.remove();
  }

  /** Runs {@code work} within {@code access}, restoring the previous context afterwards. */
  public static <T> T callAs(TenantAccess access, Supplier<T> work) {
    TenantAccess previous = CURRENT.get();
    CURRENT.set(access);
    try {
      return work.get();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  public static void runAs(TenantAccess access, Runnable work) {
    callAs(
        access,
        () -> {
          work.run();
          return null;
        });
  }
}
