package de.lagebild.identity;

import de.lagebild.platform.LagebildProperties;
import de.lagebild.platform.TenantContext;
import java.util.function.BooleanSupplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The common start of every module's demo loader: only in demo mode, as the system in one demo
 * tenant, in one transaction, and only when the tenant does not hold the module's demo data yet
 * (loading is idempotent across restarts).
 */
@Component
public class DemoTenantWork {

  private final LagebildProperties properties;
  private final TenantDirectory tenants;
  private final TransactionTemplate tx;

  DemoTenantWork(LagebildProperties properties, TenantDirectory tenants, TransactionTemplate tx) {
    this.properties = properties;
    this.tenants = tenants;
    this.tx = tx;
  }

  public boolean demo() {
    return properties.demo();
  }

  /**
   * Runs {@code load} in tenant {@code slug} unless demo mode is off, the tenant does not exist, or
   * {@code loaded} says the data is there already.
   */
  public void inTenant(String slug, BooleanSupplier loaded, Runnable load) {
    if (!properties.demo()) {
      return;
    }
    tenants
        .systemAccess(slug)
        .ifPresent(
            access ->
                TenantContext.runAs(
                    access,
                    () ->
                        tx.executeWithoutResult(
                            s -> {
                              if (!loaded.getAsBoolean()) {
                                load.run();
                              }
                            })));
  }
}
