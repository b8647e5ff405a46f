package de.lagebild.identity.internal.security;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The shared secret a Prometheus server presents ({@code Authorization: Bearer …}) to read {@code
 * /actuator/prometheus} without an account. Without a configured token (LAGEBILD_METRICS_TOKEN)
 * only a platform administrator reads the metrics. Compared in constant time.
 */
final class MetricsToken {

  static final String PATH = "/actuator/prometheus";

  private MetricsToken() {}

  static boolean presented(HttpServletRequest request, String token) {
    if (token == null || token.isBlank()) {
      return false;
    }
    if (!(request.getContextPath() + PATH).equals(request.getRequestURI())) {
      return false;
    }
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    return MessageDigest.isEqual(
        header.substring(7).strip().getBytes(StandardCharsets.UTF_8),
        token.getBytes(StandardCharsets.UTF_8));
  }
}
