package de.lagebild.support;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An OpenID Connect provider on loopback for tests, speaking the protocol as Keycloak does for the
 * authorization code flow: discovery, authorization (no login page: it signs in the person the test
 * set with {@link #next}), token endpoint with client_secret_basic, RS256-signed ID tokens with
 * nonce, and the JWK set. It checks client id, secret, redirect URI and code like a provider must.
 */
public final class TestOidcProvider implements AutoCloseable {

  private final HttpServer server;
  private final RSAKey key;
  private final String clientId;
  private final String clientSecret;
  private final Map<String, Map<String, Object>> codes = new ConcurrentHashMap<>();
  private volatile Map<String, Object> person = Map.of();

  public TestOidcProvider(String clientId, String clientSecret) throws Exception {
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.key = new RSAKeyGenerator(2048).keyID("test").generate();
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/realms/kreis/.well-known/openid-configuration", this::discovery);
    server.createContext("/realms/kreis/auth", this::authorize);
    server.createContext("/realms/kreis/token", this::token);
    server.createContext("/realms/kreis/certs", this::jwks);
    server.start();
  }

  public String issuer() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/kreis";
  }

  /** The claims of the person the next authorization signs in (sub, preferred_username, …). */
  public void next(Map<String, Object> claims) {
    this.person = Map.copyOf(claims);
  }

  private void discovery(HttpExchange x) throws IOException {
    String i = issuer();
    json(
        x,
        200,
        "{\"issuer\":\""
            + i
            + "\",\"authorization_endpoint\":\""
            + i
            + "/auth\",\"token_endpoint\":\""
            + i
            + "/token\",\"jwks_uri\":\""
            + i
            + "/certs\",\"response_types_supported\":[\"code\"],"
            + "\"subject_types_supported\":[\"public\"],"
            + "\"id_token_signing_alg_values_supported\":[\"RS256\"],"
            + "\"token_endpoint_auth_methods_supported\":[\"client_secret_basic\"],"
            + "\"scopes_supported\":[\"openid\",\"profile\",\"email\"]}");
  }

  private void authorize(HttpExchange x) throws IOException {
    Map<String, String> q = query(x.getRequestURI().getRawQuery());
    if (!clientId.equals(q.get("client_id")) || !"code".equals(q.get("response_type"))) {
      json(x, 400, "{\"error\":\"invalid_request\"}");
      return;
    }
    String code = UUID.randomUUID().toString();
    Map<String, Object> grant = new HashMap<>(person);
    grant.put("nonce", q.get("nonce"));
    grant.put("redirect_uri", q.get("redirect_uri"));
    codes.put(code, grant);
    x.getResponseHeaders()
        .add(
            "Location",
            q.get("redirect_uri")
                + "?code="
                + code
                + "&state="
                + URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8));
    x.sendResponseHeaders(302, -1);
    x.close();
  }

  private void token(HttpExchange x) throws IOException {
    String expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                            + ":"
                            + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8));
    Map<String, String> form =
        query(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    Map<String, Object> grant = codes.remove(String.valueOf(form.get("code")));
    if (!expected.equals(x.getRequestHeaders().getFirst("Authorization"))
        || grant == null
        || !String.valueOf(grant.get("redirect_uri")).equals(form.get("redirect_uri"))) {
      json(x, 400, "{\"error\":\"invalid_grant\"}");
      return;
    }
    try {
      JWTClaimsSet.Builder claims =
          new JWTClaimsSet.Builder()
              .issuer(issuer())
              .audience(clientId)
              .issueTime(new Date())
              .expirationTime(new Date(System.currentTimeMillis() + 300_000));
      grant.forEach(
          (k, v) -> {
            if (!k.equals("redirect_uri")) {
              claims.claim(k, v instanceof List<?> l ? List.copyOf(l) : v);
            }
          });
      SignedJWT id =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
              claims.build());
      id.sign(new RSASSASigner(key));
      json(
          x,
          200,
          "{\"access_token\":\""
              + UUID.randomUUID()
              + "\",\"token_type\":\"Bearer\",\"expires_in\":300,\"scope\":\"openid\","
              + "\"id_token\":\""
              + id.serialize()
              + "\"}");
    } catch (Exception e) {
      json(x, 500, "{\"error\":\"server_error\"}");
    }
  }

  private void jwks(HttpExchange x) throws IOException {
    json(x, 200, new JWKSet(key.toPublicJWK()).toString());
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new HashMap<>();
    if (raw == null) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static void json(HttpExchange x, int status, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", "application/json");
    x.sendResponseHeaders(status, b.length);
    x.getResponseBody().write(b);
    x.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
