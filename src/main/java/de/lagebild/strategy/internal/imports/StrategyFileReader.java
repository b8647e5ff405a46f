package de.lagebild.strategy.internal.imports;

import de.lagebild.exchange.TextDecoder;
import de.lagebild.platform.DomainException;
import java.util.List;
import java.util.Locale;

/**
 * Detects which of the formats districts bring a file is in – the tables of seed 000 as text or
 * inside a .docx, goal agreements in key-value blocks, Lagebild's own CSV/XLSX layout – and hands
 * it to that format's reader (one class per format).
 */
final class StrategyFileReader {

  private StrategyFileReader() {}

  /** Detects the format (unless given: table, docx, keyvalue, csv, xlsx), reads; writes nothing. */
  static ImportedTree read(byte[] bytes, String fileName, String format) {
    return read(bytes, fileName, format, ImportFields.Labels.BUILT_IN);
  }

  /** The same with a tenant's own label spellings for goal agreements. */
  static ImportedTree read(
      byte[] bytes, String fileName, String format, ImportFields.Labels labels) {
    if (bytes == null || bytes.length == 0) {
      throw new DomainException("import.empty");
    }
    String wanted =
        format == null || format.isBlank() || format.equals("auto")
            ? null
            : format.toLowerCase(Locale.ROOT);
    if (wanted != null && !List.of("table", "docx", "keyvalue", "csv", "xlsx").contains(wanted)) {
      throw new DomainException("import.formatUnsupported", format);
    }
    String ext =
        fileName == null ? "" : fileName.toLowerCase(Locale.ROOT).replaceFirst("^.*\\.", "");
    ImportedTree tree;
    if (OfficeFiles.isZip(bytes)) {
      String kind = wanted != null ? wanted : OfficeFiles.kind(bytes);
      if (kind == null) {
        kind = ext;
      }
      tree =
          switch (kind) {
            case "docx" -> DocxTableReader.read(bytes);
            case "xlsx" -> OwnLayoutReader.readXlsx(bytes);
            default -> throw new DomainException("import.zipUnknown");
          };
    } else {
      if ("docx".equals(wanted) || "xlsx".equals(wanted)) {
        throw new DomainException("import.notOffice", wanted);
      }
      TextDecoder.Decoded decoded = TextDecoder.decode(bytes);
      String text = decoded.text();
      String kind =
          wanted != null
              ? wanted
              : OwnLayoutReader.looksLike(text)
                  ? "csv"
                  : KeyValueReader.looksLike(text) ? "keyvalue" : "table";
      tree =
          switch (kind) {
            case "csv" -> OwnLayoutReader.readCsv(text);
            case "keyvalue" -> KeyValueReader.read(text, labels);
            default -> TableFormatReader.read(text);
          };
      tree.charset = decoded.charset();
    }
    return tree;
  }
}
