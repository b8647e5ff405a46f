package de.lagebild.strategy.internal.report;

import static de.lagebild.exchange.SafeHtml.escape;

import de.lagebild.exchange.Pdf;
import java.io.IOException;
import java.io.OutputStream;
import org.springframework.stereotype.Component;

/**
 * The report as a tagged PDF (PDF/UA-minded: document language, title, structure tags) with DejaVu
 * Sans embedded from the application's resources, a table of contents with page numbers, table
 * headers repeated on every page and page numbers in the footer.
 */
@Component
public class ReportPdfWriter {

  static final String CSS =
      """
      @page { size: A4; margin: 18mm 14mm 20mm 14mm;
        @bottom-center { content: "Seite " counter(page) " von " counter(pages); font-family: 'DejaVu Sans'; font-size: 8pt; color: #444; } }
      @page :first { @bottom-center { content: none; } }
      body { font-family: 'DejaVu Sans'; font-size: 8.5pt; line-height: 1.35; color: #111; }
      .cover { page-break-after: always; padding-top: 40mm; }
      .cover h1 { font-size: 20pt; color: #0b4f6c; margin-bottom: 8mm; page-break-before: avoid; }
      .cover p { font-size: 10pt; }
      .toc { page-break-after: always; }
      .toc ul { list-style: none; padding-left: 0; }
      .toc li.l1 { padding-left: 6mm; }
      .toc a { color: #111; text-decoration: none; }
      .toc a::after { content: leader('.') target-counter(attr(href), page); }
      h1 { font-size: 13pt; color: #0b4f6c; page-break-before: always; margin: 0 0 3mm; }
      h2 { font-size: 11pt; color: #0b4f6c; margin: 5mm 0 2mm; page-break-after: avoid; }
      h3 { font-size: 9.5pt; margin: 4mm 0 2mm; page-break-after: avoid; }
      table { width: 100%; border-collapse: collapse; -fs-table-paginate: paginate; margin-bottom: 4mm;
        table-layout: fixed; }
      th.c-title { width: 27%; } th.c-unit { width: 18%; } th.c-ind { width: 17%; } th.c-status { width: 11%; }
      td { word-wrap: break-word; }
      thead { display: table-header-group; }
      th { background: #e6eef2; text-align: left; }
      th, td { border: 0.5pt solid #666; padding: 2.5pt 3pt; vertical-align: top; }
      td p { margin: 0 0 2pt; }
      td ul { margin: 0; padding-left: 10pt; }
      .intro p { font-size: 9.5pt; }
      dl.imprint { margin-top: 40pt; font-size: 9.5pt; }
      dl.imprint dt { font-weight: bold; margin-top: 6pt; }
      dl.imprint dd { margin: 0; }
      p.funding { margin-top: 30pt; font-size: 8.5pt; }
      p.selection { font-weight: bold; }
      td p.internal { font-size: 7.5pt; color: #333; margin-top: 3pt; }
      p.chain-head { font-weight: bold; font-size: 9pt; margin: 4pt 0 2pt 0; }
      ul.chain { font-size: 8.5pt; margin: 0 0 6pt 0; }
      """;

  public void write(ReportContent.Report r, String introHtml, OutputStream out) throws IOException {
    Pdf.render(html(r, introHtml), out);
  }

  static String title(ReportContent.Report r) {
    return "Bericht zur Zielerreichung – " + r.strategy().title();
  }

  String html(ReportContent.Report r, String introHtml) {
    String round = r.round() == null ? "" : r.round().name();
    StringBuilder h = new StringBuilder(64 * 1024);
    h.append("<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"UTF-8\"/><title>")
        .append(escape(title(r)))
        .append("</title><meta name=\"subject\" content=\"")
        .append(escape(r.strategy().title()))
        .append("\"/><meta name=\"author\" content=\"")
        .append(escape(r.tenantName()))
        .append("\"/><style>")
        .append(CSS)
        .append("</style></head><body>");
    h.append("<div class=\"cover\"><h1>Bericht zur Zielerreichung der ")
        .append(escape(r.strategy().title()))
        .append("</h1><p>")
        .append(escape(r.tenantName()))
        .append("</p>");
    if (r.strategy().decisionRef() != null) {
      h.append("<p>").append(escape(r.strategy().decisionRef())).append("</p>");
    }
    if (!r.selection().isEmpty()) {
      h.append("<p class=\"selection\">Auswahl: ")
          .append(escape(String.join("; ", r.selection())))
          .append("</p>");
    }
    h.append("<dl class=\"imprint\"><dt>Herausgeber</dt><dd>")
        .append(lines(r.publisher()))
        .append("</dd>");
    if (r.imprint() != null && r.imprint().editors() != null) {
      h.append("<dt>Redaktion</dt><dd>").append(lines(r.imprint().editors())).append("</dd>");
    }
    if (r.imprint() != null && r.imprint().contact() != null) {
      h.append("<dt>Kontakt</dt><dd>").append(lines(r.imprint().contact())).append("</dd>");
    }
    if (r.editorialDeadline() != null) {
      h.append("<dt>Redaktionsschluss</dt><dd>")
          .append(escape(r.editorialDeadline()))
          .append("</dd>");
    }
    h.append("</dl>");
    if (r.imprint() != null && r.imprint().fundingNote() != null) {
      h.append("<p class=\"funding\">").append(lines(r.imprint().fundingNote())).append("</p>");
    }
    h.append("</div>");
    h.append("<div class=\"toc\"><h2>Inhalt</h2><ul>");
    for (ReportContent.Section s : r.sections()) {
      if (s.level() <= 1) {
        h.append("<li class=\"l")
            .append(s.level())
            .append("\"><a href=\"#")
            .append(s.anchor())
            .append("\">")
            .append(escape(s.levelName() + " " + nz(s.code()) + ": " + abbreviate(s.title(), 110)))
            .append("</a></li>");
      }
    }
    h.append("</ul>");
    if (introHtml != null) {
      h.append("<div class=\"intro\"><h2>Einleitung</h2>").append(introHtml).append("</div>");
    }
    h.append("</div>");
    for (ReportContent.Section s : r.sections()) {
      String tag = s.level() == 0 ? "h1" : s.level() == 1 ? "h2" : "h3";
      h.append('<')
          .append(tag)
          .append(" id=\"")
          .append(s.anchor())
          .append("\">")
          .append(escape(s.levelName()))
          .append(": ")
          .append(escape(s.title()))
          .append("</")
          .append(tag)
          .append('>');
      if (!s.chain().isEmpty()) {
        h.append("<p class=\"chain-head\">Wirkungskette</p><ul class=\"chain\">");
        s.chain().forEach(line -> h.append("<li>").append(escape(line)).append("</li>"));
        h.append("</ul>");
      }
      if (s.rows().isEmpty()) {
        continue;
      }
      h.append("<table><thead><tr><th scope=\"col\" class=\"c-title\">Maßnahme</th>")
          .append("<th scope=\"col\" class=\"c-unit\">Verantwortlich</th>")
          .append("<th scope=\"col\" class=\"c-ind\">Indikatoren</th>");
      if (r.withStatus()) {
        h.append("<th scope=\"col\" class=\"c-status\">Status</th>");
      }
      h.append("<th scope=\"col\">Einschätzung ")
          .append(escape(round))
          .append("</th></tr></thead><tbody>");
      for (ReportContent.Row row : s.rows()) {
        h.append("<tr><td>").append(escape(row.title()));
        if (row.internal() != null) {
          h.append("<p class=\"internal\">").append(escape(row.internal())).append("</p>");
        }
        h.append("</td><td>")
            .append(escape(row.responsible()))
            .append("</td><td>")
            .append(escape(row.indicators()))
            .append("</td>");
        if (r.withStatus()) {
          h.append("<td>").append(escape(row.status())).append("</td>");
        }
        h.append("<td>")
            .append(row.assessmentHtml() == null ? "" : row.assessmentHtml())
            .append("</td></tr>");
      }
      h.append("</tbody></table>");
    }
    h.append("</body></html>");
    return h.toString();
  }

  /** Escaped text with its line breaks. */
  private static String lines(String s) {
    return escape(s).replace("\n", "<br/>");
  }

  /** Plain text with blank lines between paragraphs as HTML paragraphs. */
  static String paragraphsHtml(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    StringBuilder h = new StringBuilder();
    for (String p : text.split("\\n\\s*\\n")) {
      h.append("<p>").append(lines(p.strip())).append("</p>");
    }
    return h.toString();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
