package de.lagebild.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.support.DatabaseProperties;
import de.lagebild.support.RawHttp;
import de.lagebild.support.RawHttp.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every error a client can provoke is answered in German – the error page for browsers,
 * problem+json for the API – also where the request never reaches a controller: unknown paths,
 * addresses the firewall or Tomcat itself refuses, empty or broken uploads, wrong methods. Sent as
 * raw HTTP over a socket, so that no client library repairs the odd paths first.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"lagebild.demo=true", "logging.file.name=target/test-logs/lagebild-errors.log"})
class ErrorFormatsIntegrationTests extends DatabaseProperties {

  static final String TOKEN = "Authorization: Bearer lgb_demo_koordination_nordhausen\r\n";

  @LocalServerPort int port;

  Answer raw(String method, String target, String headers, String body) throws Exception {
    return new RawHttp(port).send(method, target, headers, body);
  }

  void assertGermanPage(Answer a, int status) {
    assertThat(a.status()).as(a.head()).isEqualTo(status);
    assertThat(a.contentType()).contains("text/html");
    assertThat(a.body())
        .contains("lang=\"de\"")
        .contains("Lagebild")
        .doesNotContain("HTTP Status")
        .doesNotContain("Whitelabel")
        .doesNotContain("Exception")
        .doesNotContain("Bad Request")
        .doesNotContain("Not Found");
  }

  void assertGermanProblem(Answer a, int status, String detail) {
    assertThat(a.status()).as(a.head() + "\n" + a.body()).isEqualTo(status);
    assertThat(a.contentType()).contains("application/problem+json");
    assertThat(a.body())
        .contains("\"status\":" + status)
        .contains(detail)
        .doesNotContain("\"error\"")
        .doesNotContain("Bad Request")
        .doesNotContain("Not Found")
        .doesNotContain("Exception");
  }

  @Test
  void browsersGetTheGermanErrorPage() throws Exception {
    assertGermanPage(raw("GET", "/gibt/es/nicht", "", ""), 404);
    assertThat(raw("GET", "/gibt/es/nicht", "", "").body()).contains("Nicht gefunden");
    assertGermanPage(raw("GET", "/nordhausen/..;/x", "", ""), 400);
    assertGermanPage(raw("GET", "//nordhausen", "", ""), 400);
    assertGermanPage(raw("GET", "/%2e%2e/etc/passwd", "", ""), 400);
    assertGermanPage(raw("GET", "/x%00y", "", ""), 400);
    Answer malformed = raw("GET", "/nordhausen/%ZZ", "", "");
    assertGermanPage(malformed, 400);
    assertThat(malformed.body()).contains("Ungültige Anfrage");
  }

  @Test
  void theApiAnswersGermanProblemJson() throws Exception {
    assertGermanProblem(raw("GET", "/api/v1/nordhausen/gibtsnicht", "", ""), 404, "nicht gefunden");
    assertGermanProblem(raw("GET", "/api/v1/%ZZ", "", ""), 400, "Ungültige Anfrage");
    assertGermanProblem(
        raw("GET", "/api/v1/nordhausen/values?indicator=%ZZ", TOKEN, ""), 400, "ungültig");
    assertGermanProblem(
        raw(
            "POST",
            "/api/v1/nordhausen/strategy-imports",
            TOKEN + "Content-Type: multipart/form-data; boundary=xyz\r\n",
            ""),
        400,
        "fehlt der Teil „file“");
    assertGermanProblem(
        raw("POST", "/api/v1/nordhausen/strategy-imports", TOKEN, ""), 400, "Ungültige Anfrage");
    assertGermanProblem(
        raw("PUT", "/api/v1/nordhausen/areas", TOKEN, ""), 405, "Methode nicht erlaubt");
    assertGermanProblem(
        raw("GET", "/api/v1/nordhausen/strategies/x/export", TOKEN, ""), 400, "„id“");
    assertGermanProblem(
        raw("GET", "/api/v1/nordhausen/areas", "Authorization: Bearer falsch\r\n", ""),
        401,
        "Nicht angemeldet");
  }
}
