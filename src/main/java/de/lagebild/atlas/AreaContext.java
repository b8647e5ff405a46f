package de.lagebild.atlas;

import java.util.List;

/**
 * What other modules know about an area, shown on its profile for the district's own users (the
 * reverse of the chain: needs in the area, goals measured there, offers located there). Implemented
 * by those modules; the atlas only reads it.
 */
public interface AreaContext {

  /** One line of a section: its text, a link (null for none) and a quieter addition. */
  record Item(String text, String href, String meta) {}

  /** A section with a German heading; {@code order} sorts the sections of all modules. */
  record Section(int order, String title, List<Item> items, String empty) {}

  /** The module's section for the area of the current tenant ({@code tenant} is its slug). */
  Section section(String tenant, AreaId area);
}
