/**
 * Readers and writers shared by the importers, exports and reports: text encodings, CSV (read and
 * written with Commons CSV and a formula guard), GeoJSON output, PDF rendering, safe HTML, uploads
 * kept between preview and commit, and fuzzy dates. It knows file formats, not the domain.
 */
@ApplicationModule(displayName = "Exchange", type = ApplicationModule.Type.OPEN)
package de.lagebild.exchange;

import org.springframework.modulith.ApplicationModule;
