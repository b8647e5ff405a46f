package de.lagebild.catalogue.internal.search;

import static de.lagebild.exchange.SafeHtml.escape;

import de.lagebild.catalogue.internal.offers.Labels;
import de.lagebild.catalogue.internal.offers.Schedules;
import de.lagebild.catalogue.internal.store.CatalogueRows.LocationRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.OfferContent;
import de.lagebild.catalogue.internal.store.CatalogueRows.OfferView;
import de.lagebild.exchange.Pdf;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A brochure of offers as a tagged A4 PDF: a cover with title and date, then each offer with what a
 * person needs to go there – provider, address, opening hours, costs, ages, languages, contact –
 * kept together on a page.
 */
final class Brochure {

  private static final String CSS =
      """
      @page { size: A4; margin: 16mm 16mm 18mm 16mm;
        @bottom-center { content: "Seite " counter(page) " von " counter(pages); font-family: 'DejaVu Sans';
          font-size: 8pt; color: #444; } }
      body { font-family: 'DejaVu Sans'; font-size: 9pt; line-height: 1.4; color: #111; }
      h1 { font-size: 20pt; color: #0b4f6c; margin: 30mm 0 4mm; }
      p.meta { color: #333; }
      .offer { page-break-inside: avoid; border-top: 1pt solid #0b4f6c; padding-top: 3mm; margin-top: 5mm; }
      .offer h2 { font-size: 12pt; color: #0b4f6c; margin: 0 0 1mm; }
      .offer .org { font-weight: bold; margin: 0 0 2mm; }
      dl { margin: 2mm 0 0; }
      dt { font-weight: bold; float: left; width: 30mm; clear: left; }
      dd { margin: 0 0 1mm 32mm; }
      .demo { color: #8a1c00; font-size: 8pt; }
      """;

  private Brochure() {}

  static byte[] write(String title, String tenantName, List<OfferView> offers, LocalDate today)
      throws IOException {
    return Pdf.render(html(title, tenantName, offers, today));
  }

  static String html(String title, String tenantName, List<OfferView> offers, LocalDate today) {
    StringBuilder h =
        new StringBuilder("<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"UTF-8\"/><title>")
            .append(escape(title))
            .append(" – ")
            .append(escape(tenantName))
            .append("</title><style>")
            .append(CSS)
            .append("</style></head><body>");
    h.append("<h1>")
        .append(escape(title))
        .append("</h1><p class=\"meta\">")
        .append(escape(tenantName))
        .append(" – ")
        .append(offers.size())
        .append(offers.size() == 1 ? " Angebot" : " Angebote")
        .append(", Stand ")
        .append(today.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")))
        .append(".</p>");
    if (offers.stream().anyMatch(o -> o.offer().demo())) {
      h.append("<p class=\"demo\">Demo-Daten: Die Angebote dieser Broschüre sind erfunden.</p>");
    }
    for (OfferView v : offers) {
      OfferContent c = v.content();
      h.append("<div class=\"offer\"><h2>").append(escape(c.name())).append("</h2>");
      if (v.organization() != null) {
        h.append("<p class=\"org\">").append(escape(v.organization().name())).append("</p>");
      }
      if (c.description() != null) {
        h.append(xhtml(c.description()));
      }
      h.append("<dl>");
      for (LocationRow l : v.locations()) {
        h.append("<dt>Ort</dt><dd>")
            .append(escape(l.name() + (l.address().isEmpty() ? "" : ", " + l.address())));
        if (l.accessibility() != null) {
          h.append("<br/>Barrierefreiheit: ").append(escape(l.accessibility()));
        }
        h.append("</dd>");
      }
      if (!c.schedules().isEmpty()) {
        h.append("<dt>Zeiten</dt><dd>")
            .append(escape(Schedules.text(c.schedules())))
            .append("</dd>");
      }
      h.append("<dt>Kosten</dt><dd>")
          .append(
              escape(Labels.cost(c.cost()) + (c.costNote() == null ? "" : " – " + c.costNote())))
          .append("</dd>");
      h.append("<dt>Alter</dt><dd>")
          .append(escape(Labels.ages(c.ageFrom(), c.ageTo())))
          .append("</dd>");
      if (!c.languages().isEmpty()) {
        h.append("<dt>Sprachen</dt><dd>")
            .append(
                escape(String.join(", ", c.languages().stream().map(Labels::language).toList())))
            .append("</dd>");
      }
      String contact =
          String.join(
              ", ", Stream.of(c.phone(), c.email(), c.url()).filter(Objects::nonNull).toList());
      if (!contact.isEmpty()) {
        h.append("<dt>Kontakt</dt><dd>").append(escape(contact)).append("</dd>");
      }
      h.append("</dl></div>");
    }
    return h.append("</body></html>").toString();
  }

  /** Sanitised HTML as XHTML for the PDF renderer (void elements closed). */
  private static String xhtml(String html) {
    return html.replace("<br>", "<br/>")
        .replaceAll("<br\\s*>", "<br/>")
        .replace("&nbsp;", "&#160;");
  }
}
