package de.lagebild.web.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.web.util.HtmlUtils;

/**
 * Tomcat's last resort for errors that never reach the application – a request whose address Tomcat
 * itself refuses (malformed percent encoding, encoded dots or NUL bytes): a short German page, or
 * German problem+json for {@code /api/} paths, instead of Tomcat's English "HTTP Status 400" page.
 * Texts come from the message bundle.
 */
class GermanErrorReportValve extends ErrorReportValve {

  GermanErrorReportValve() {
    setShowReport(false);
    setShowServerInfo(false);
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    String title = text("error.title." + status, text("error.title", "Fehler"));
    String detail =
        status == 400
            ? text("error.badRequest", title)
            : status == 404 ? text("error.notFound", title) : text("error.generic", title);
    String uri = request.getRequestURI();
    boolean api = uri != null && uri.startsWith("/api/");
    try {
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      Writer out = response.getReporter();
      if (out == null) {
        return;
      }
      if (api) {
        response.setContentType("application/problem+json");
        out.write(
            "{\"type\":\"about:blank\",\"title\":\""
                + json(title)
                + "\",\"status\":"
                + status
                + ",\"detail\":\""
                + json(detail)
                + "\"}");
      } else {
        response.setContentType("text/html");
        out.write(
            "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>"
                + html(title)
                + " – Lagebild</title></head><body><main><h1>"
                + html(title)
                + "</h1><p>"
                + html(detail)
                + "</p><p><a href=\"/\">"
                + html(text("error.back", "Startseite"))
                + "</a></p></main></body></html>");
      }
    } catch (IOException | IllegalStateException e) {
      // the client is gone or the response is committed: nothing more to say
    }
  }

  private static String text(String key, String fallback) {
    try {
      return ResourceBundle.getBundle(
              "messages/common", Locale.GERMAN, GermanErrorReportValve.class.getClassLoader())
          .getString(key);
    } catch (MissingResourceException e) {
      return fallback;
    }
  }

  private static String html(String s) {
    return HtmlUtils.htmlEscape(s, StandardCharsets.UTF_8.name());
  }

  private static String json(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
