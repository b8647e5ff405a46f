package de.lagebild.strategy.internal.imports;

import de.lagebild.platform.DomainException;
import java.nio.charset.StandardCharsets;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * Limits for Office files from untrusted uploads. POI refuses entries that inflate more than
 * 100-fold (zip bombs) or beyond 100 MB; such a file, and any file POI cannot read, ends in a
 * German message instead of an exception.
 */
final class OfficeFiles {

  static {
    ZipSecureFile.setMinInflateRatio(0.01);
    ZipSecureFile.setMaxEntrySize(100L * 1024 * 1024);
  }

  private OfficeFiles() {}

  /** Call before POI opens an upload, so that the limits above are in force. */
  static void limits() {
    // the static initialiser does the work
  }

  static boolean isZip(byte[] bytes) {
    return bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
  }

  /** Which Office document a ZIP holds, from the entry names stored uncompressed in its headers. */
  static String kind(byte[] bytes) {
    String names = new String(bytes, StandardCharsets.ISO_8859_1);
    if (names.contains("word/document.xml")) {
      return "docx";
    }
    if (names.contains("xl/workbook.xml")) {
      return "xlsx";
    }
    return null;
  }

  static DomainException unreadable(Exception e, String key) {
    Throwable t = e;
    while (t != null) {
      String m = t.getMessage() == null ? "" : t.getMessage();
      if (m.contains("Zip bomb")
          || m.contains("zip bomb")
          || m.contains("exceeds the max")
          || m.contains("MaxEntrySize")
          || m.contains("max text size")) {
        return new DomainException("import.zipBomb");
      }
      t = t.getCause();
    }
    return new DomainException(key);
  }
}
