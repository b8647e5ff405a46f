package de.lagebild.strategy.internal.store;

import de.lagebild.platform.TenantScope;
import de.lagebild.platform.TenantTable;
import de.lagebild.platform.Types;
import org.jooq.Field;
import org.springframework.stereotype.Repository;

/**
 * The tenant's strategy revision (V18): the database raises it in every statement that writes a
 * table the strategy pages show, so rendered parts of those pages can be kept per revision.
 */
@Repository
public class StrategyRevision {

  private static final TenantTable T = TenantTable.named("strategy_revision");
  private static final Field<Long> REVISION = T.field("revision", Types.BIGINT);

  private final TenantScope scope;

  StrategyRevision(TenantScope scope) {
    this.scope = scope;
  }

  /** The current revision (0 before the first write). */
  public long revision() {
    Long r = scope.dsl().select(REVISION).from(scope.table(T)).fetchOne(REVISION);
    return r == null ? 0 : r;
  }
}
