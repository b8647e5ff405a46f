package de.lagebild.support;

import org.jooq.DSLContext;

/** Identifiers of the demo data that tests refer to. */
public final class DemoData {

  public static final String NORDHAUSEN_STRATEGY =
      "Armutspräventionsstrategie des Landkreises Nordhausen";

  private DemoData() {}

  /** The id of Nordhausen's demo strategy (read from seed 000). */
  public static String nordhausenStrategy(DSLContext dsl) {
    return String.valueOf(
        dsl.fetchValue(
            "select s.id from strategy s join tenant t on t.id = s.tenant_id "
                + "where t.slug = 'nordhausen' and s.title = ?",
            NORDHAUSEN_STRATEGY));
  }
}
