/**
 * Readers and writers shared by the importers and reports: text encodings, CSV, XLSX, DOCX, PDF and
 * fuzzy dates. It knows file formats, not the domain.
 */
@ApplicationModule(displayName = "Exchange", type = ApplicationModule.Type.OPEN)
package de.lagebild.exchange;

import org.springframework.modulith.ApplicationModule;
