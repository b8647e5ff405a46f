package de.lagebild.atlas.internal.maps;

import static de.lagebild.exchange.SafeHtml.escape;

import de.lagebild.atlas.internal.store.AtlasRows;
import de.lagebild.exchange.Pdf;
import de.lagebild.platform.LocalCalendar;
import de.lagebild.platform.TenantContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The area profile ("Zahlen und Fakten") as a tagged A4 PDF: the same table as the page, with the
 * verdict in words and symbols (never colour alone), the sources, the reading note and the date of
 * printing.
 */
final class ProfilePdf {

  private static final String CSS =
      """
      @page { size: A4 landscape; margin: 14mm 14mm 16mm 14mm;
        @bottom-center { content: "Seite " counter(page) " von " counter(pages); font-family: 'DejaVu Sans';
          font-size: 8pt; color: #444; } }
      body { font-family: 'DejaVu Sans'; font-size: 8.5pt; line-height: 1.35; color: #111; }
      h1 { font-size: 16pt; color: #0b4f6c; margin: 0 0 2mm; }
      h2 { font-size: 11pt; color: #0b4f6c; margin: 5mm 0 2mm; }
      p.meta { color: #333; margin: 0 0 3mm; }
      table { width: 100%; border-collapse: collapse; -fs-table-paginate: paginate; table-layout: fixed; }
      thead { display: table-header-group; }
      th { background: #e6eef2; text-align: left; }
      th, td { border: 0.5pt solid #666; padding: 2.5pt 3pt; vertical-align: top; word-wrap: break-word; }
      td.num, th.num { text-align: right; }
      th.c-ind { width: 25%; } th.c-val { width: 8%; } th.c-per { width: 10%; } th.c-ref { width: 12%; }
      th.c-land { width: 8%; } th.c-cmp { width: 13%; } th.c-chg { width: 11%; }
      table { font-size: 8pt; }
      .small { font-size: 7.5pt; color: #333; }
      p.hint { font-size: 8pt; margin-top: 4mm; }
      """;

  private ProfilePdf() {}

  static byte[] write(ProfileViews.Profile profile, String tenantName, LocalDate today)
      throws IOException {
    return Pdf.render(html(profile, tenantName, today));
  }

  static String html(ProfileViews.Profile p, String tenantName, LocalDate today) {
    AtlasRows.AreaRow area = p.area();
    StringBuilder h =
        new StringBuilder("<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"UTF-8\"/><title>")
            .append(escape(area.name()))
            .append(" – Zahlen und Fakten</title><meta name=\"subject\" content=\"")
            .append(escape("Gebietsprofil aus dem Sozialatlas " + tenantName))
            .append("\"/><style>")
            .append(CSS)
            .append("</style></head><body>");
    h.append("<h1>").append(escape(area.name())).append(" – Zahlen und Fakten</h1>");
    h.append("<p class=\"meta\">").append(escape(typeLabel(area.type())));
    if (area.officialKey() != null) {
      h.append(", Schlüssel ").append(escape(area.officialKey()));
    }
    if (p.parent() != null) {
      h.append(", ").append(escape(p.parent().name()));
    }
    h.append(". Sozialatlas ")
        .append(escape(tenantName))
        .append(", Stand ")
        .append(today.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")))
        .append(".</p>");
    if (area.validTo() != null) {
      h.append("<p>Gültig bis ")
          .append(area.validTo().format(DateTimeFormatter.ofPattern("dd.MM.yyyy")));
      p.successors().forEach(s -> h.append("; Nachfolger: ").append(escape(s.name())));
      h.append(".</p>");
    }
    h.append(
        "<table><thead><tr><th scope=\"col\" class=\"c-ind\">Indikator</th><th scope=\"col\" class=\"num c-val\">"
            + "Wert</th><th scope=\"col\" class=\"c-per\">Stand</th><th scope=\"col\" class=\"num c-ref\">Vergleich</th>");
    if (p.land() != null) {
      h.append("<th scope=\"col\" class=\"num c-land\">")
          .append(escape(p.land().name()))
          .append("</th>");
    }
    h.append(
        "<th scope=\"col\" class=\"c-cmp\">Einordnung</th><th scope=\"col\" class=\"c-chg\">Veränderung</th>"
            + "<th scope=\"col\">Quelle</th></tr></thead><tbody>");
    for (ProfileViews.Figure f : p.figures()) {
      h.append("<tr><th scope=\"row\">").append(escape(f.indicator().name()));
      if (f.indicator().unit() != null) {
        h.append(" <span class=\"small\">(")
            .append(escape(f.indicator().unit()))
            .append(")</span>");
      }
      h.append("</th><td class=\"num\">")
          .append(escape(f.formatted()))
          .append("</td><td>")
          .append(escape(f.periodLabel()))
          .append("</td><td class=\"num\">")
          .append(escape(f.reference()));
      if (f.referenceLabel() != null) {
        h.append("<br/><span class=\"small\">")
            .append(escape(f.referenceLabel()))
            .append("</span>");
      }
      h.append("</td>");
      if (p.land() != null) {
        h.append("<td class=\"num\">").append(escape(f.state())).append("</td>");
      }
      h.append("<td>")
          .append(escape((f.symbol().isEmpty() ? "" : f.symbol() + " ") + f.comparison()))
          .append("</td><td>")
          .append(escape(f.change() == null ? "–" : f.change() + " seit " + f.previousPeriod()))
          .append("</td><td class=\"small\">")
          .append(
              escape(f.value() == null || f.value().source() == null ? "–" : f.value().source()))
          .append("</td></tr>");
    }
    h.append("</tbody></table>");
    h.append(
        "<p class=\"hint\">Einordnung gegenüber dem übergeordneten Gebiet, wo dessen Wert vorliegt, sonst "
            + "gegenüber dem Median der Gebiete gleicher Art mit Angabe. ▲ höher, ▼ niedriger, ✓ günstiger, "
            + "! ungünstiger. Sonderzeichen: – nichts vorhanden, . unbekannt oder geheim, x nicht sinnvoll, "
            + "... noch nicht verfügbar, / nicht sicher genug.</p>");
    h.append("</body></html>");
    return h.toString();
  }

  private static String typeLabel(AtlasRows.AreaType type) {
    return switch (type) {
      case LAND -> "Land";
      case KREIS -> "Kreis";
      case GEMEINDE -> "Gemeinde";
      case GEMEINDETEIL -> "Gemeindeteil";
      case SOZIALRAUM -> "Sozialraum / Planungsraum";
    };
  }

  /** The profile as a PDF download named after the area. */
  static ResponseEntity<byte[]> download(ProfileViews.Profile profile, Clock clock)
      throws IOException {
    String tenantName = TenantContext.access().map(a -> a.name()).orElse("");
    byte[] pdf = write(profile, tenantName, LocalCalendar.today(clock));
    String file =
        profile.area().name().replaceAll("[^A-Za-z0-9ÄÖÜäöüß-]+", "-") + "-zahlen-und-fakten.pdf";
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            "Content-Disposition",
            ContentDisposition.attachment()
                .filename(file, StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(pdf);
  }
}
