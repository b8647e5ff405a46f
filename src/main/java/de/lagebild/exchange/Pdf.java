package de.lagebild.exchange;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * XHTML to a tagged PDF (PDF/UA structure) with the DejaVu fonts the application ships – reports,
 * profiles, brochures.
 */
public final class Pdf {

  private Pdf() {}

  public static void render(String xhtml, OutputStream out) throws IOException {
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.usePdfUaAccessibility(true);
    builder.useFont(
        () -> Pdf.class.getResourceAsStream("/fonts/DejaVuSans.ttf"),
        "DejaVu Sans",
        400,
        FontStyle.NORMAL,
        true);
    builder.useFont(
        () -> Pdf.class.getResourceAsStream("/fonts/DejaVuSans-Bold.ttf"),
        "DejaVu Sans",
        700,
        FontStyle.NORMAL,
        true);
    builder.withHtmlContent(GermanHyphenation.html(xhtml), "about:blank");
    builder.toStream(out);
    builder.run();
  }

  public static byte[] render(String xhtml) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    render(xhtml, out);
    return out.toByteArray();
  }
}
