package de.lagebild.identity;

import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.support.DatabaseProperties;
import de.lagebild.support.RawHttp;
import de.lagebild.support.RawHttp.Answer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The production profile behind a TLS-terminating reverse proxy: the proxy's headers are believed
 * (scheme and client address), the session cookie is Secure with the {@code __Host-} prefix, HTTPS
 * answers carry HSTS, and the login throttle counts the client's address, not the proxy's.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "lagebild.demo=true",
      "logging.file.name=target/test-logs/lagebild-production.log"
    })
@ActiveProfiles("production")
class ProductionProfileIntegrationTests extends DatabaseProperties {

  static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @LocalServerPort int port;

  String proxied(String client) {
    return "X-Forwarded-Proto: https\r\nX-Forwarded-For: " + client + "\r\n";
  }

  @Test
  void httpsThroughTheProxyGetsHstsAndASecureCookie() throws Exception {
    RawHttp http = new RawHttp(port);
    Answer login = http.send("GET", "/login", proxied("203.0.113.7"), "");
    assertThat(login.status()).isEqualTo(200);
    assertThat(login.headers("Strict-Transport-Security"))
        .singleElement()
        .asString()
        .startsWith("max-age=");
    assertThat(login.headers("Set-Cookie"))
        .singleElement()
        .asString()
        .startsWith("__Host-LAGEBILD=")
        .contains("Secure")
        .contains("HttpOnly")
        .contains("Path=/");
    // plain HTTP (no proxy saying https): no HSTS
    assertThat(http.send("GET", "/login", "", "").headers("Strict-Transport-Security")).isEmpty();
  }

  @Test
  void theThrottleCountsTheClientAddressTheProxyReports() throws Exception {
    RawHttp http = new RawHttp(port);
    for (int i = 0; i < 5; i++) {
      assertThat(login(http, "203.0.113.10", "lesen", "falsch")).endsWith("/login?error");
    }
    assertThat(login(http, "203.0.113.10", "lesen", "demo")).contains("/login?blocked=");
    // another client behind the same proxy is not affected
    assertThat(login(http, "203.0.113.11", "lesen", "demo")).doesNotContain("/login?");
  }

  /** Logs in through the proxy from {@code client}; answers where the login sent the browser. */
  String login(RawHttp http, String client, String user, String password) throws Exception {
    Answer page = http.send("GET", "/login", proxied(client), "");
    String cookie = page.headers("Set-Cookie").getFirst().split(";")[0];
    Matcher m = CSRF.matcher(page.body());
    assertThat(m.find()).isTrue();
    String form =
        "username="
            + user
            + "&password="
            + password
            + "&_csrf="
            + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
    Answer answer =
        http.send(
            "POST",
            "/login",
            proxied(client)
                + "Cookie: "
                + cookie
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\n",
            form);
    assertThat(answer.status()).isEqualTo(302);
    return answer.headers("Location").getFirst();
  }
}
