package de.lagebild.planning.internal.gaps;

import de.lagebild.platform.DomainException;
import de.lagebild.platform.LifeSituation;
import de.lagebild.platform.Text;
import java.math.BigDecimal;
import java.util.Set;

/** A gap question read from request parameters, with German messages for what cannot be read. */
final class GapQuestions {

  static final Set<String> LEVELS = Set.of("KREIS", "GEMEINDE", "GEMEINDETEIL", "SOZIALRAUM");

  private GapQuestions() {}

  static GapAnalysis.Question read(
      GapAnalysis gaps,
      String demand,
      String category,
      String lifeSituation,
      String level,
      String distanceKm,
      String from,
      String target,
      String supply) {
    var indicator =
        gaps.indicator(demand).orElseThrow(() -> new DomainException("gap.demand.unknown", demand));
    java.util.UUID categoryId = null;
    if (Text.blankToNull(category) != null) {
      categoryId =
          gaps.category(category)
              .orElseThrow(() -> new DomainException("gap.category.unknown", category))
              .id();
    }
    String life = Text.blankToNull(lifeSituation);
    if (life != null && !LifeSituation.codes().contains(life)) {
      throw new DomainException("need.lifeSituation.unknown", life);
    }
    String lvl = Text.blankToNull(level) == null ? "GEMEINDE" : level.strip();
    if (!LEVELS.contains(lvl)) {
      throw new DomainException("gap.level.unknown", lvl);
    }
    Reachability.From f;
    try {
      f =
          Text.blankToNull(from) == null
              ? Reachability.From.OUTLINE
              : Reachability.From.valueOf(from.strip());
    } catch (IllegalArgumentException e) {
      throw new DomainException("gap.from.unknown", from);
    }
    return new GapAnalysis.Question(
        indicator.id().value(),
        categoryId,
        life,
        lvl,
        number(distanceKm, BigDecimal.ZERO, "gap.distance.number").doubleValue(),
        f,
        number(target, null, "gap.target.number"),
        byPlaces(supply));
  }

  /** {@code OFFERS} (default) or {@code PLACES}. */
  private static boolean byPlaces(String supply) {
    String s = Text.blankToNull(supply);
    if (s == null || s.strip().equals("OFFERS")) {
      return false;
    }
    if (s.strip().equals("PLACES")) {
      return true;
    }
    throw new DomainException("gap.supply.unknown", supply);
  }

  private static BigDecimal number(String text, BigDecimal otherwise, String key) {
    if (Text.blankToNull(text) == null) {
      return otherwise;
    }
    String t = text.strip().replace(" ", "");
    if (t.contains(",")) {
      t = t.replace(".", "").replace(',', '.');
    }
    try {
      return new BigDecimal(t);
    } catch (NumberFormatException e) {
      throw new DomainException(key, text);
    }
  }
}
