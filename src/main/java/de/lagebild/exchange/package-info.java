/**
 * Readers and writers shared by the importers and reports: text encodings, CSV, XLSX, DOCX, PDF and fuzzy dates.
 * It knows file formats, not the domain.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Exchange", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package de.lagebild.exchange;
