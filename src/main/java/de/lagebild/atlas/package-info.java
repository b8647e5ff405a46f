/**
 * The social atlas: areas with official keys, validity and successors, their outlines; indicators
 * with metadata; values per area and period with special values and history; maps, profiles, time
 * series, planning areas; the statistics import and the open data API. Other modules use {@link
 * de.lagebild.atlas.AreaLookup} and {@link de.lagebild.atlas.IndicatorFigures}.
 */
@ApplicationModule(displayName = "Atlas")
package de.lagebild.atlas;

import org.springframework.modulith.ApplicationModule;
