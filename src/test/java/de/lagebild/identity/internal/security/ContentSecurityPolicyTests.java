package de.lagebild.identity.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Map tiles from a configured server are allowed as images; nothing else opens up. */
class ContentSecurityPolicyTests {

  @Test
  void aTileServerIsAllowedForImagesOnly() {
    assertThat(SecurityConfiguration.csp("")).isEqualTo(SecurityConfiguration.CSP);
    String csp = SecurityConfiguration.csp("https://{s}.tile.example.org/{z}/{x}/{y}.png");
    assertThat(csp)
        .contains("img-src 'self' data: blob: https://*.tile.example.org;")
        .contains("script-src 'self';")
        .contains("connect-src 'self';");
    assertThat(SecurityConfiguration.csp("http://localhost:8081/tiles/{z}/{x}/{y}.png"))
        .contains("img-src 'self' data: blob: http://localhost:8081;");
  }
}
