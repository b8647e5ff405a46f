/**
 * The social atlas: areas with official keys and validity, indicators with metadata, values per
 * area and period, maps and district profiles. Built in the atlas issue.
 */
@ApplicationModule(displayName = "Atlas")
package de.lagebild.atlas;

import org.springframework.modulith.ApplicationModule;
