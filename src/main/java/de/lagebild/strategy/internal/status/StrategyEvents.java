package de.lagebild.strategy.internal.status;

import de.lagebild.identity.TenantCreated;
import de.lagebild.platform.Role;
import de.lagebild.platform.TenantAccess;
import de.lagebild.platform.TenantContext;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A new tenant starts with the default status catalogue (in the same transaction as its creation).
 */
@Component
class StrategyEvents {

  private final StatusCatalogue statuses;

  StrategyEvents(StatusCatalogue statuses) {
    this.statuses = statuses;
  }

  @EventListener
  void on(TenantCreated event) {
    TenantContext.runAs(
        new TenantAccess(event.tenantId(), event.slug(), event.slug(), false, Role.ADMIN, Set.of()),
        statuses::ensureDefaults);
  }
}
