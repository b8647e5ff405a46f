package de.lagebild.strategy.internal.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.springframework.stereotype.Component;

/**
 * The report as a Word document: headings with outline levels (Word builds the table of contents
 * from them when the field is updated), one table per goal with a repeated header row, narratives
 * as paragraphs and bullet lines, page numbers in the footer.
 */
@Component
public class ReportDocxWriter {

  public void write(ReportContent.Report r, String introText, OutputStream out) throws IOException {
    try (XWPFDocument doc = new XWPFDocument()) {
      de.lagebild.exchange.DocxHeadings.add(doc, 3);
      String round = r.round() == null ? "" : r.round().name();
      XWPFParagraph title = doc.createParagraph();
      title.setSpacingBefore(2400);
      XWPFRun t = title.createRun();
      t.setText("Bericht zur Zielerreichung der " + r.strategy().title());
      t.setBold(true);
      t.setFontSize(20);
      t.setColor("0B4F6C");
      line(doc, r.tenantName(), 11);
      if (r.strategy().decisionRef() != null) {
        line(doc, r.strategy().decisionRef(), 11);
      }
      if (!r.selection().isEmpty()) {
        line(doc, "Auswahl: " + String.join("; ", r.selection()), 11);
      }
      line(doc, "Herausgeber: " + r.publisher(), 11);
      if (r.imprint() != null && r.imprint().editors() != null) {
        line(doc, "Redaktion: " + r.imprint().editors(), 11);
      }
      if (r.imprint() != null && r.imprint().contact() != null) {
        line(doc, "Kontakt: " + r.imprint().contact(), 11);
      }
      if (r.editorialDeadline() != null) {
        line(doc, "Redaktionsschluss: " + r.editorialDeadline(), 11);
      }
      if (r.imprint() != null && r.imprint().fundingNote() != null) {
        line(doc, r.imprint().fundingNote(), 9);
      }
      XWPFParagraph tocTitle = doc.createParagraph();
      tocTitle.setPageBreak(true);
      XWPFRun tr = tocTitle.createRun();
      tr.setText("Inhalt");
      tr.setBold(true);
      tr.setFontSize(14);
      toc(doc, r);
      if (introText != null && !introText.isBlank()) {
        XWPFParagraph ih = doc.createParagraph();
        ih.setSpacingBefore(240);
        XWPFRun ir = ih.createRun();
        ir.setText("Einleitung");
        ir.setBold(true);
        ir.setFontSize(12);
        for (String p : introText.split("\\n\\s*\\n")) {
          line(doc, p.strip(), 10);
        }
      }
      for (ReportContent.Section s : r.sections()) {
        XWPFParagraph h = doc.createParagraph();
        h.setStyle("Heading" + Math.min(3, s.level() + 1));
        if (s.level() == 0) {
          h.setPageBreak(true);
        }
        XWPFRun hr = h.createRun();
        hr.setText(s.levelName() + ": " + s.title());
        if (!s.chain().isEmpty()) {
          XWPFParagraph ch = doc.createParagraph();
          XWPFRun cr = ch.createRun();
          cr.setBold(true);
          cr.setFontSize(10);
          cr.setText("Wirkungskette");
          for (String line : s.chain()) {
            line(doc, "• " + line, 9);
          }
        }
        if (!s.rows().isEmpty()) {
          table(doc, s, r.withStatus(), round);
        }
      }
      XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
      XWPFParagraph fp = footer.createParagraph();
      fp.setAlignment(ParagraphAlignment.CENTER);
      fp.createRun().setText("Seite ");
      fp.getCTP().addNewFldSimple().setInstr("PAGE");
      doc.write(out);
    }
  }

  /**
   * A table-of-contents field whose current result already lists the Leitziele and Handlungsfelder
   * (so that a reader that does not update fields, such as LibreOffice, still shows them); Word
   * fills in the page numbers when it updates the field (it is marked dirty).
   */
  private static void toc(XWPFDocument doc, ReportContent.Report r) {
    List<ReportContent.Section> entries =
        r.sections().stream().filter(s -> s.level() <= 1).toList();
    XWPFParagraph first = doc.createParagraph();
    CTR begin = first.getCTP().addNewR();
    begin.addNewFldChar().setFldCharType(STFldCharType.BEGIN);
    begin.getFldCharArray(0).setDirty(true);
    first.getCTP().addNewR().addNewInstrText().setStringValue(" TOC \\o \"1-2\" \\h \\z \\u ");
    first.getCTP().addNewR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
    XWPFParagraph current = first;
    for (int i = 0; i < entries.size(); i++) {
      ReportContent.Section s = entries.get(i);
      if (i > 0) {
        current = doc.createParagraph();
      }
      current.setIndentationLeft(s.level() * 360);
      XWPFRun run = current.createRun();
      run.setText(
          s.levelName()
              + " "
              + (s.code() == null ? "" : s.code())
              + ": "
              + ReportPdfWriter.abbreviate(s.title(), 110));
      run.setFontSize(9);
    }
    current.getCTP().addNewR().addNewFldChar().setFldCharType(STFldCharType.END);
  }

  /**
   * Column widths in percent of the table: Maßnahme, Verantwortlich, Indikatoren, (Status),
   * Einschätzung.
   */
  private static int[] widths(boolean withStatus) {
    return withStatus ? new int[] {25, 16, 16, 10, 33} : new int[] {27, 18, 17, 38};
  }

  private static void table(
      XWPFDocument doc, ReportContent.Section s, boolean withStatus, String round) {
    List<String> head = new ArrayList<>(List.of("Maßnahme", "Verantwortlich", "Indikatoren"));
    if (withStatus) {
      head.add("Status");
    }
    head.add("Einschätzung " + round);
    XWPFTable table = doc.createTable(s.rows().size() + 1, head.size());
    CTTblWidth width =
        table.getCTTbl().getTblPr().isSetTblW()
            ? table.getCTTbl().getTblPr().getTblW()
            : table.getCTTbl().getTblPr().addNewTblW();
    width.setType(STTblWidth.PCT);
    width.setW(BigInteger.valueOf(5000));
    table.getCTTbl().getTblPr().addNewTblLayout().setType(STTblLayoutType.FIXED);
    int[] pct = widths(withStatus);
    // A4 with 2.5 cm margins: 9,026 twips of text width
    var grid =
        table.getCTTbl().getTblGrid() == null
            ? table.getCTTbl().addNewTblGrid()
            : table.getCTTbl().getTblGrid();
    while (grid.sizeOfGridColArray() > 0) {
      grid.removeGridCol(0);
    }
    for (int w : pct) {
      grid.addNewGridCol().setW(BigInteger.valueOf(9026L * w / 100));
    }
    for (XWPFTableRow row : table.getRows()) {
      for (int c = 0; c < row.getTableCells().size() && c < pct.length; c++) {
        var tcPr =
            row.getCell(c).getCTTc().isSetTcPr()
                ? row.getCell(c).getCTTc().getTcPr()
                : row.getCell(c).getCTTc().addNewTcPr();
        CTTblWidth cw = tcPr.isSetTcW() ? tcPr.getTcW() : tcPr.addNewTcW();
        cw.setType(STTblWidth.DXA);
        cw.setW(BigInteger.valueOf(9026L * pct[c] / 100));
      }
    }
    XWPFTableRow header = table.getRow(0);
    header.setRepeatHeader(true);
    for (int c = 0; c < head.size(); c++) {
      XWPFTableCell cell = header.getCell(c);
      cell.setColor("E6EEF2");
      XWPFRun run = cell.getParagraphs().get(0).createRun();
      run.setText(head.get(c));
      run.setBold(true);
      run.setFontSize(9);
    }
    for (int i = 0; i < s.rows().size(); i++) {
      ReportContent.Row row = s.rows().get(i);
      XWPFTableRow tr = table.getRow(i + 1);
      List<String> values =
          new ArrayList<>(List.of(row.title(), row.responsible(), row.indicators()));
      if (withStatus) {
        values.add(row.status());
      }
      for (int c = 0; c < values.size(); c++) {
        text(
            tr.getCell(c),
            c == 0 && row.internal() != null
                ? List.of(values.get(c), row.internal())
                : List.of(values.get(c)));
      }
      text(tr.getCell(values.size()), paragraphs(row.assessmentHtml()));
    }
    doc.createParagraph();
  }

  private static void text(XWPFTableCell cell, List<String> paragraphs) {
    boolean first = true;
    for (String p : paragraphs) {
      XWPFParagraph para = first ? cell.getParagraphs().get(0) : cell.addParagraph();
      first = false;
      XWPFRun run = para.createRun();
      run.setText(p);
      run.setFontSize(9);
    }
  }

  /** Sanitised narrative HTML as plain paragraphs; list items become bullet lines. */
  public static List<String> paragraphs(String html) {
    List<String> result = new ArrayList<>();
    if (html == null || html.isBlank()) {
      result.add("");
      return result;
    }
    String s =
        html.replaceAll("(?i)<li[^>]*>", "\n• ")
            .replaceAll("(?i)</p>|<br\\s*/?>|</li>", "\n")
            .replaceAll("<[^>]+>", "");
    s =
        s.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#34;", "\"")
            .replace("&#39;", "'")
            .replace("&#43;", "+")
            .replace("&#61;", "=")
            .replace("&#64;", "@")
            .replace("&#96;", "`")
            .replace("&nbsp;", " ")
            .replace("&amp;", "&");
    for (String line : s.split("\\n")) {
      if (!line.isBlank()) {
        result.add(line.strip());
      }
    }
    if (result.isEmpty()) {
      result.add("");
    }
    return result;
  }

  private static void line(XWPFDocument doc, String text, int size) {
    XWPFRun run = doc.createParagraph().createRun();
    run.setText(text);
    run.setFontSize(size);
  }
}
