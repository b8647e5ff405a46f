package de.lagebild.catalogue.internal.search;

import de.lagebild.catalogue.internal.store.CatalogueRows;
import de.lagebild.platform.DomainException;
import java.util.UUID;

/** The search and its filters as the public pages and the HSDS API take them from the address. */
public final class SearchQuery {

  private SearchQuery() {}

  /** The filters as they come in the address; unknown codes are ignored, a bad age is an error. */
  public static OfferSearch.Query of(
      String text,
      String age,
      String language,
      String group,
      String life,
      UUID category,
      boolean free,
      UUID area) {
    Integer a = null;
    if (age != null && !age.isBlank()) {
      try {
        a = Integer.parseInt(age.strip());
      } catch (NumberFormatException e) {
        throw new DomainException("catalogue.search.age", age);
      }
      if (a < 0 || a > 120) {
        throw new DomainException("catalogue.search.age", age);
      }
    }
    return new OfferSearch.Query(
        text == null || text.isBlank() ? null : text.strip(),
        a,
        language != null && CatalogueRows.LANGUAGES.contains(language) ? language : null,
        group != null && CatalogueRows.TARGET_GROUPS.contains(group) ? group : null,
        life != null && CatalogueRows.LIFE_SITUATIONS.contains(life) ? life : null,
        category,
        free ? Boolean.TRUE : null,
        area);
  }
}
