package de.lagebild.identity;

/**
 * What a district may share with its Land, item by item; by default it shares nothing. The Land
 * reads a district's data only through the items the district shares.
 */
public enum SharedItem {
  /** The strategy's structure (fields of action, measure counts) and status roll-up, no texts. */
  STRATEGY_ROLLUP,
  /** Per reporting round: its deadline and how many measures are assessed. */
  ROUND_PROGRESS,
  /** The texts of published assessments. */
  ASSESSMENT_TEXTS,
  /** The district's own indicators and values. */
  INDICATORS,
  /** The published offers of the catalogue. */
  OFFERS,
  /** The funding of the district's planning (amounts, sources, periods). */
  FUNDING;

  public String labelKey() {
    return "sharing.item." + name();
  }

  public String hintKey() {
    return "sharing.hint." + name();
  }
}
