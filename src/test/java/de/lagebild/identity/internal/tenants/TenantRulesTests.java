package de.lagebild.identity.internal.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantRulesTests {

  @ParameterizedTest
  @ValueSource(strings = {"nordhausen", "saalfeld-rudolstadt", "lk-16062", "a1"})
  void acceptsSlugs(String slug) {
    assertThat(TenantAdministration.SLUG.matcher(slug).matches()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Nordhausen",
        "-nordhausen",
        "nordhausen-",
        "nord hausen",
        "nordhäusen",
        "a/b",
        ""
      })
  void refusesSlugs(String slug) {
    assertThat(TenantAdministration.SLUG.matcher(slug).matches()).isFalse();
  }

  @Test
  void reservedWordsCannotBeTenants() {
    assertThat(TenantAdministration.RESERVED)
        .contains("login", "api", "plattform", "actuator", "webjars");
  }

  @ParameterizedTest
  @ValueSource(strings = {"16", "160", "16062", "16062000", "160620000000"})
  void acceptsOfficialKeys(String key) {
    assertThat(TenantAdministration.OFFICIAL_KEY.matcher(key).matches()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "1606", "16062a", "1606200", "0160620000000"})
  void refusesOfficialKeys(String key) {
    assertThat(TenantAdministration.OFFICIAL_KEY.matcher(key).matches()).isFalse();
  }

  @Test
  void logoTypeIsTakenFromTheBytesNotTheName() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0};
    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0};
    byte[] svg = "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8);
    assertThat(TenantAdministration.detectImageType(png)).isEqualTo("image/png");
    assertThat(TenantAdministration.detectImageType(jpeg)).isEqualTo("image/jpeg");
    assertThat(TenantAdministration.detectImageType(svg)).isNull();
  }
}
