package de.lagebild.identity;

import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.support.RunningApp;
import de.lagebild.support.TestDatabase;
import de.lagebild.support.TestOidcProvider;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Login with OpenID Connect through the real authorization code flow over HTTP: the application
 * (started as it runs, on a real port) sends the browser to a provider on loopback, takes the code
 * back, checks the signed ID token and maps the groups claim to tenant roles.
 */
class OidcLoginIntegrationTests {

  @Test
  void aPersonLogsInWithTheProviderAndGetsTheRolesOfTheirGroups() throws Exception {
    try (TestOidcProvider provider = new TestOidcProvider("lagebild", "geheimnis");
        RunningApp app =
            RunningApp.start(
                TestDatabase.url(),
                "--lagebild.demo=true",
                "--lagebild.oidc.issuer-uri=" + provider.issuer(),
                "--lagebild.oidc.client-id=lagebild",
                "--lagebild.oidc.client-secret=geheimnis",
                "--lagebild.oidc.roles[0]=Sozialplanung:nordhausen:COORDINATOR",
                "--lagebild.oidc.roles[1]=Lesende:saalfeld-rudolstadt:READER",
                "--logging.file.name=target/test-logs/oidc.log")) {
      String base = app.base();
      HttpClient browser =
          HttpClient.newBuilder()
              .cookieHandler(new CookieManager())
              .followRedirects(HttpClient.Redirect.ALWAYS)
              .build();
      // the login page offers the provider
      String login = get(browser, base + "/login").body();
      assertThat(login)
          .contains("Mit dem Konto der Verwaltung anmelden", "/oauth2/authorization/verzeichnis");

      provider.next(
          Map.of(
              "sub", "8f2c-4711",
              "preferred_username", "J.Wagner",
              "name", "Jana Wagner",
              "email", "jana.wagner@kreis.test",
              "groups", List.of("/Kreisverwaltung/Sozialplanung", "Lesende")));
      HttpResponse<String> home = get(browser, base + "/oauth2/authorization/verzeichnis");
      assertThat(home.statusCode()).isEqualTo(200);
      assertThat(home.uri().toString()).doesNotContain("/login");
      assertThat(home.body()).contains("Jana Wagner");
      // the roles of her groups: coordinator in Nordhausen (a coordinator's form opens), reader in
      // Saalfeld-Rudolstadt
      assertThat(get(browser, base + "/nordhausen/bedarfe/neu").statusCode()).isEqualTo(200);
      assertThat(role("j.wagner", "nordhausen")).isEqualTo("COORDINATOR");
      assertThat(role("j.wagner", "saalfeld-rudolstadt")).isEqualTo("READER");

      // a second person whose groups map to nothing: logged in, but a member of no tenant
      HttpClient other =
          HttpClient.newBuilder()
              .cookieHandler(new CookieManager())
              .followRedirects(HttpClient.Redirect.ALWAYS)
              .build();
      provider.next(Map.of("sub", "1234", "preferred_username", "gast", "name", "Gast"));
      assertThat(get(other, base + "/oauth2/authorization/verzeichnis").statusCode())
          .isEqualTo(200);
      assertThat(role("gast", "nordhausen")).isNull();
      assertThat(get(other, base + "/nordhausen/bedarfe/neu").statusCode()).isNotEqualTo(200);
    }
  }

  private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String role(String username, String tenant) throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                TestDatabase.url(), TestDatabase.user(), TestDatabase.password());
        PreparedStatement s =
            c.prepareStatement(
                "select m.role from membership m join app_user u on u.id = m.user_id "
                    + "join tenant t on t.id = m.tenant_id where u.username = ? and t.slug = ?")) {
      s.setString(1, username);
      s.setString(2, tenant);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }
}
