package de.lagebild.strategy.internal;

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
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDecimalNumber;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTOnOff;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.springframework.stereotype.Component;

/**
 * The report as a Word document: headings with outline levels (Word builds the table of contents from them when the
 * field is updated), one table per goal with a repeated header row, narratives as paragraphs and bullet lines, page
 * numbers in the footer.
 */
@Component
class ReportDocxWriter {

  void write(ReportContent.Report r, String introText, OutputStream out) throws IOException {
    try (XWPFDocument doc = new XWPFDocument()) {
      XWPFStyles styles = doc.createStyles();
      for (int i = 1; i <= 3; i++) {
        addHeadingStyle(styles, "Heading" + i, "heading " + i, i - 1);
      }
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
      XWPFParagraph toc = doc.createParagraph();
      CTSimpleField field = toc.getCTP().addNewFldSimple();
      field.setInstr("TOC \\o \"1-2\" \\h \\z \\u");
      field.setDirty(true);
      field.addNewR().addNewT().setStringValue("(Inhaltsverzeichnis: in Word mit F9 aktualisieren)");
      if (introText != null && !introText.isBlank()) {
        for (String p : introText.split("\\n\\s*\\n")) {
          line(doc, p.strip(), 10);
        }
      }
      boolean firstTop = true;
      for (ReportContent.Section s : r.sections()) {
        XWPFParagraph h = doc.createParagraph();
        h.setStyle("Heading" + Math.min(3, s.level() + 1));
        if (s.level() == 0 && !firstTop) {
          h.setPageBreak(true);
        }
        if (s.level() == 0) {
          firstTop = false;
        }
        XWPFRun hr = h.createRun();
        hr.setText(s.levelName() + ": " + s.title());
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

  private static void table(XWPFDocument doc, ReportContent.Section s, boolean withStatus, String round) {
    List<String> head = new ArrayList<>(List.of("Maßnahme", "Verantwortlich", "Indikatoren"));
    if (withStatus) {
      head.add("Status");
    }
    head.add("Einschätzung " + round);
    XWPFTable table = doc.createTable(s.rows().size() + 1, head.size());
    CTTblWidth width = table.getCTTbl().getTblPr().isSetTblW() ? table.getCTTbl().getTblPr().getTblW()
        : table.getCTTbl().getTblPr().addNewTblW();
    width.setType(STTblWidth.PCT);
    width.setW(BigInteger.valueOf(5000));
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
      List<String> values = new ArrayList<>(List.of(row.title(), row.responsible(), row.indicators()));
      if (withStatus) {
        values.add(row.status());
      }
      for (int c = 0; c < values.size(); c++) {
        text(tr.getCell(c), c == 0 && row.internal() != null ? List.of(values.get(c), row.internal())
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
  static List<String> paragraphs(String html) {
    List<String> result = new ArrayList<>();
    if (html == null || html.isBlank()) {
      result.add("");
      return result;
    }
    String s = html.replaceAll("(?i)<li[^>]*>", "\n• ").replaceAll("(?i)</p>|<br\\s*/?>|</li>", "\n")
        .replaceAll("<[^>]+>", "");
    s = s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#34;", "\"")
        .replace("&#39;", "'").replace("&#43;", "+").replace("&#61;", "=").replace("&#64;", "@")
        .replace("&#96;", "`").replace("&nbsp;", " ").replace("&amp;", "&");
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

  private static void addHeadingStyle(XWPFStyles styles, String id, String name, int outline) {
    CTStyle style = CTStyle.Factory.newInstance();
    style.setStyleId(id);
    style.addNewName().setVal(name);
    style.setType(STStyleType.PARAGRAPH);
    CTDecimalNumber ui = style.addNewUiPriority();
    ui.setVal(BigInteger.valueOf(9));
    CTOnOff qf = style.addNewQFormat();
    CTPPrGeneral ppr = style.addNewPPr();
    ppr.addNewOutlineLvl().setVal(BigInteger.valueOf(outline));
    ppr.addNewKeepNext();
    var rpr = style.addNewRPr();
    rpr.addNewB();
    rpr.addNewSz().setVal(BigInteger.valueOf(outline == 0 ? 28 : outline == 1 ? 24 : 20));
    rpr.addNewColor().setVal("0B4F6C");
    styles.addStyle(new org.apache.poi.xwpf.usermodel.XWPFStyle(style));
  }
}
