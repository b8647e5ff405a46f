package de.lagebild.strategy.internal.imports;

import de.lagebild.strategy.internal.imports.ImportedTree.Problem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Reads the strategy tables of a Word document: paragraphs outside tables (headings such as
 * "Leitziel: …") and each table row become rows for the {@link TableFormatReader}. A heading row
 * merged across all columns is one cell; cells with several paragraphs become {@code <p>}
 * paragraphs and list paragraphs {@code <ul><li>} items, as in the text format. Places are named
 * "Tabelle 2, Zeile 5" or "Absatz 12".
 */
final class DocxTableReader {

  private DocxTableReader() {}

  static ImportedTree read(byte[] bytes) {
    List<TableFormatReader.Row> rows = new ArrayList<>();
    int tables = 0;
    OfficeFiles.limits();
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
      int paragraph = 0;
      int line = 0;
      for (IBodyElement element : doc.getBodyElements()) {
        if (element instanceof XWPFParagraph p) {
          paragraph++;
          String text = p.getText();
          if (!text.isBlank()) {
            rows.add(
                new TableFormatReader.Row(++line, "Absatz " + paragraph, text.split("\t", -1)));
          }
        } else if (element instanceof XWPFTable t) {
          tables++;
          int r = 0;
          for (XWPFTableRow row : t.getRows()) {
            r++;
            List<String> cells = new ArrayList<>();
            for (XWPFTableCell cell : row.getTableCells()) {
              cells.add(cellHtml(cell));
            }
            rows.add(
                new TableFormatReader.Row(
                    ++line,
                    "Tabelle " + tables + ", Zeile " + r,
                    cells.toArray(String[]::new),
                    true));
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      throw OfficeFiles.unreadable(e, "import.docxUnreadable");
    }
    ImportedTree tree = TableFormatReader.read(rows, ImportedTree.Format.DOCX);
    if (tables == 0) {
      tree.problems.add(0, new Problem(0, "", "Tabelle", "import.docxNoTables", "", true));
    }
    return tree;
  }

  /**
   * A cell's paragraphs: one plain text, or several as {@code <p>} and list items as {@code
   * <ul><li>}.
   */
  static String cellHtml(XWPFTableCell cell) {
    List<XWPFParagraph> paragraphs =
        cell.getParagraphs().stream().filter(p -> !p.getText().isBlank()).toList();
    if (paragraphs.size() == 1 && paragraphs.get(0).getNumID() == null) {
      return escape(paragraphs.get(0).getText().replace('\t', ' '));
    }
    StringBuilder html = new StringBuilder();
    boolean inList = false;
    for (XWPFParagraph p : paragraphs) {
      boolean item = p.getNumID() != null;
      if (item && !inList) {
        html.append("<ul>");
      } else if (!item && inList) {
        html.append("</ul>");
      }
      inList = item;
      String text = escape(p.getText().replace('\t', ' '));
      html.append(item ? "<li>" + text + "</li>" : "<p>" + text + "</p>");
    }
    if (inList) {
      html.append("</ul>");
    }
    return html.toString();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
