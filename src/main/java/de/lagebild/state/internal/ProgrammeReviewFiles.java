package de.lagebild.state.internal;

import de.lagebild.exchange.DocxHeadings;
import de.lagebild.exchange.Pdf;
import de.lagebild.strategy.StrategyStandings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.springframework.web.util.HtmlUtils;

/**
 * The programme review as a tagged PDF (XHTML through {@link Pdf}) and as a Word document with
 * heading styles; both from the same blocks: a heading, paragraphs and tables.
 */
final class ProgrammeReviewFiles {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  /** The document as a list of blocks, written by either format. */
  sealed interface Block permits Heading, Para, Table, PageBreak {}

  record Heading(int level, String text) implements Block {}

  record Para(String text) implements Block {}

  /** A table; {@code widths} are the columns' shares of the width in percent. */
  record Table(String caption, List<String> head, List<List<String>> rows, List<Integer> widths)
      implements Block {}

  record PageBreak() implements Block {}

  private ProgrammeReviewFiles() {}

  static List<Block> blocks(ProgrammeReview.Review r, ProgrammeReview texts) {
    List<Block> b = new ArrayList<>();
    b.add(new Heading(1, texts.text("state.review.title", r.land())));
    b.add(new Para(texts.text("state.review.asOf", r.today().format(DAY))));
    b.add(new Heading(2, texts.text("state.review.summary")));
    b.add(
        new Para(
            texts.text(
                "state.review.summaryText",
                r.members(),
                r.sharingStrategies(),
                r.decided(),
                r.sharingFunding(),
                ProgrammeReview.euro(r.fundingTotal()))));
    List<List<String>> overview = new ArrayList<>();
    for (ProgrammeReview.Section s : r.sections()) {
      DistrictOverview.Row row = s.row();
      overview.add(
          List.of(
              row.district().name(),
              texts.text("state.category." + row.category().name()),
              row.round() == null
                  ? texts.text(row.roundsShared() ? "state.noRound" : "state.notShared")
                  : row.round().name()
                      + ": "
                      + texts.text(
                          "state.round.assessed", row.round().assessed(), row.round().measures()),
              row.funding() == null
                  ? texts.text("state.notShared")
                  : ProgrammeReview.euro(row.fundingTotal())));
    }
    b.add(
        new Table(
            texts.text("state.review.overviewTable"),
            List.of(
                texts.text("state.col.district"),
                texts.text("state.col.strategy"),
                texts.text("state.col.round"),
                texts.text("state.col.funding")),
            overview,
            List.of(28, 22, 32, 18)));
    b.add(new Para(texts.text("state.footnote")));
    for (ProgrammeReview.Section s : r.sections()) {
      DistrictOverview.Row row = s.row();
      b.add(new PageBreak());
      b.add(new Heading(2, row.district().name()));
      b.add(new Heading(3, texts.text("state.review.profile", s.kreisName())));
      if (s.profile().isEmpty()) {
        b.add(new Para(texts.text("state.review.noProfile")));
      } else {
        b.add(profileTable(s.kreisName(), s.profile(), texts));
      }
      b.add(new Heading(3, texts.text("state.col.strategy")));
      StrategyStandings.Standing st = row.strategy();
      if (row.strategies() < 0) {
        b.add(new Para(texts.text("state.review.notShared")));
      } else if (st == null) {
        b.add(new Para(texts.text("state.noStrategy")));
      } else {
        b.add(
            new Para(
                st.title()
                    + " – "
                    + ("DECIDED".equals(st.status())
                        ? texts.text(
                            "state.decided",
                            st.validFrom() == null ? "–" : st.validFrom().format(DAY))
                        : texts.text("state.draft"))
                    + (st.decisionRef() == null ? "" : " (" + st.decisionRef() + ")")));
        if (st.closedRound() != null) {
          b.add(
              new Para(
                  texts.text("state.closedRound", st.closedRound(), st.measures())
                      + ": "
                      + texts.mix(st, st.statuses())));
        }
        List<List<String>> fields = new ArrayList<>();
        for (StrategyStandings.FieldOfAction f : st.fields()) {
          fields.add(
              List.of(
                  (f.code() == null ? "" : f.code() + " ") + f.title(),
                  String.valueOf(f.measures()),
                  f.statuses().isEmpty() ? "–" : texts.mix(st, f.statuses()),
                  f.costed() == 0 ? "–" : ProgrammeReview.euro(f.costs())));
        }
        b.add(
            new Table(
                texts.text("state.review.fieldsTable"),
                List.of(
                    texts.text("state.review.field"),
                    texts.text("state.review.measures"),
                    texts.text("state.col.status"),
                    texts.text("state.col.costs")),
                fields,
                List.of(38, 10, 38, 14)));
      }
      b.add(new Heading(3, texts.text("state.col.round")));
      b.add(
          new Para(
              !row.roundsShared()
                  ? texts.text("state.review.notShared")
                  : row.round() == null
                      ? texts.text("state.noRound")
                      : row.round().name()
                          + ": "
                          + texts.text(
                              "state.round.assessed",
                              row.round().assessed(),
                              row.round().measures())
                          + (row.round().overdue()
                              ? ", "
                                  + texts.text(
                                      "state.round.overdue", row.round().deadline().format(DAY))
                              : "")));
      b.add(new Heading(3, texts.text("state.col.funding")));
      b.add(
          new Para(
              row.funding() == null
                  ? texts.text("state.review.notShared")
                  : row.funding().isEmpty()
                      ? texts.text("state.review.noFunding")
                      : ProgrammeReview.euro(row.fundingTotal())
                          + ": "
                          + ProgrammeReview.funding(row.funding())));
    }
    return b;
  }

  /** The profiles of all Kreise, a page each. */
  static List<Block> profileBlocks(
      List<ProgrammeReview.KreisProfile> profiles, String land, ProgrammeReview texts) {
    List<Block> b = new ArrayList<>();
    b.add(new Heading(1, texts.text("state.profiles.title", land)));
    b.add(new Para(texts.text("state.profiles.intro", profiles.size(), texts.today().format(DAY))));
    b.add(new Para(texts.text("state.compare.method")));
    for (ProgrammeReview.KreisProfile p : profiles) {
      b.add(new PageBreak());
      b.add(new Heading(2, texts.text("state.review.profile", p.kreis().name())));
      if (p.figures().isEmpty()) {
        b.add(new Para(texts.text("state.review.noProfile")));
        continue;
      }
      b.add(profileTable(p.kreis().name(), p.figures(), texts));
    }
    return b;
  }

  private static Table profileTable(
      String kreis, List<ProgrammeReview.Figure> profile, ProgrammeReview texts) {
    List<List<String>> figures = new ArrayList<>();
    for (ProgrammeReview.Figure f : profile) {
      figures.add(
          List.of(
              f.indicator() + (f.unit() == null ? "" : " (" + f.unit() + ")"),
              f.period() == null ? "–" : f.period(),
              f.value() == null ? "–" : f.value(),
              f.land() == null ? "–" : f.land(),
              f.verdict()));
    }
    return new Table(
        texts.text("state.review.profileTable", kreis),
        List.of(
            texts.text("state.compare.col.indicator"),
            texts.text("state.compare.col.period"),
            texts.text("state.compare.col.value"),
            texts.text("state.compare.col.land"),
            texts.text("state.compare.col.verdict")),
        figures,
        List.of(40, 12, 11, 12, 25));
  }

  static byte[] pdf(List<Block> blocks, String title) throws IOException {
    StringBuilder h =
        new StringBuilder("<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"UTF-8\"/><title>")
            .append(esc(title))
            .append("</title><style>")
            .append(
                "@page { size: A4; margin: 18mm 16mm; } body { font-family: 'DejaVu Sans'; font-size:"
                    + " 9.5pt; color: #1a1a1a; } h1 { font-size: 18pt; color: #0b4f6c; } h2 {"
                    + " font-size: 14pt; color: #0b4f6c; margin-top: 6mm; } h3 { font-size: 11pt;"
                    + " margin: 4mm 0 1mm; } table { width: 100%; border-collapse: collapse;"
                    + " table-layout: fixed; font-size: 8.5pt; margin: 2mm 0; } caption { text-align: left; font-weight:"
                    + " bold; padding-bottom: 1mm; } th, td { border-bottom: 0.5pt solid #999;"
                    + " padding: 1mm; text-align: left; vertical-align: top; } thead th {"
                    + " background: #e8eef2; } .break { page-break-before: always; }")
            .append("</style></head><body>");
    boolean breakNext = false;
    for (Block b : blocks) {
      switch (b) {
        case PageBreak p -> breakNext = true;
        case Heading x -> {
          h.append("<h")
              .append(x.level())
              .append(breakNext ? " class=\"break\"" : "")
              .append(">")
              .append(esc(x.text()))
              .append("</h")
              .append(x.level())
              .append(">");
          breakNext = false;
        }
        case Para x -> h.append("<p>").append(esc(x.text())).append("</p>");
        case Table t -> {
          h.append("<table><caption>").append(esc(t.caption())).append("</caption><colgroup>");
          t.widths().forEach(w -> h.append("<col style=\"width: ").append(w).append("%\"/>"));
          h.append("</colgroup><thead><tr>");
          t.head().forEach(c -> h.append("<th scope=\"col\">").append(esc(c)).append("</th>"));
          h.append("</tr></thead><tbody>");
          for (List<String> row : t.rows()) {
            h.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
              String tag = i == 0 ? "th scope=\"row\"" : "td";
              h.append('<').append(tag).append('>').append(esc(row.get(i)));
              h.append(i == 0 ? "</th>" : "</td>");
            }
            h.append("</tr>");
          }
          h.append("</tbody></table>");
        }
      }
    }
    h.append("</body></html>");
    return Pdf.render(h.toString());
  }

  static byte[] docx(List<Block> blocks, String title) throws IOException {
    try (XWPFDocument doc = new XWPFDocument()) {
      DocxHeadings.add(doc, 3);
      doc.getProperties().getCoreProperties().setTitle(title);
      doc.getProperties().getCoreProperties().setCreator("Lagebild");
      boolean breakNext = false;
      for (Block b : blocks) {
        switch (b) {
          case PageBreak p -> breakNext = true;
          case Heading x -> {
            XWPFParagraph para = doc.createParagraph();
            para.setStyle("Heading" + x.level());
            if (breakNext) {
              para.setPageBreak(true);
              breakNext = false;
            }
            para.createRun().setText(x.text());
          }
          case Para x -> doc.createParagraph().createRun().setText(x.text());
          case Table t -> {
            XWPFRun cap = doc.createParagraph().createRun();
            cap.setBold(true);
            cap.setText(t.caption());
            XWPFTable table = doc.createTable(t.rows().size() + 1, t.head().size());
            table.setWidth("100%");
            XWPFTableRow head = table.getRow(0);
            head.setRepeatHeader(true);
            for (int c = 0; c < t.head().size(); c++) {
              XWPFRun run = head.getCell(c).getParagraphs().getFirst().createRun();
              run.setBold(true);
              run.setText(t.head().get(c));
            }
            for (int r = 0; r < t.rows().size(); r++) {
              List<String> row = t.rows().get(r);
              for (int c = 0; c < row.size(); c++) {
                table
                    .getRow(r + 1)
                    .getCell(c)
                    .getParagraphs()
                    .getFirst()
                    .createRun()
                    .setText(row.get(c));
              }
            }
            doc.createParagraph();
          }
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.write(out);
      return out.toByteArray();
    }
  }

  private static String esc(String s) {
    return s == null ? "" : HtmlUtils.htmlEscape(s, "UTF-8");
  }
}
