package de.lagebild.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * Settings of an installation, bound from {@code lagebild.*} (environment variables {@code
 * LAGEBILD_*}).
 *
 * @param demo load the demo tenants and accounts (LAGEBILD_DEMO)
 * @param defaultTenant tenant whose start page {@code /} shows (LAGEBILD_DEFAULT_TENANT)
 * @param baseUrl address of the installation as users reach it, for links printed on the console
 * @param bootstrapAdmin the first platform administrator taken from configuration instead of the
 *     setup link
 * @param atlas map settings (LAGEBILD_ATLAS_TILE_URL), also read by the content security policy
 * @param imports when imports run as background jobs (LAGEBILD_IMPORT_BACKGROUND_FROM_BYTES)
 * @param mail sender of the installation's e-mails (LAGEBILD_MAIL_FROM)
 * @param rateLimit requests per minute and client address without login on the API and the public
 *     offer pages (LAGEBILD_RATE_LIMIT_ANONYMOUS_PER_MINUTE; 0: no limit)
 */
@ConfigurationProperties("lagebild")
public record LagebildProperties(
    @DefaultValue("false") boolean demo,
    @DefaultValue("") String defaultTenant,
    @DefaultValue("http://localhost:8080") String baseUrl,
    @DefaultValue BootstrapAdmin bootstrapAdmin,
    @DefaultValue Atlas atlas,
    @Name("import") @DefaultValue Imports imports,
    @DefaultValue Mail mail,
    @DefaultValue RateLimit rateLimit) {

  /** The tenant shown at {@code /}: the configured one, in demo mode the demo district. */
  public String startTenant() {
    return defaultTenant.isBlank() && demo ? "nordhausen" : defaultTenant;
  }

  /** LAGEBILD_BOOTSTRAP_ADMIN_USERNAME / _EMAIL / _PASSWORD. */
  public record BootstrapAdmin(String username, String email, String password) {
    public boolean configured() {
      return username != null && !username.isBlank() && password != null && !password.isBlank();
    }
  }

  /** A map tile server ({@code https://…/{z}/{x}/{y}.png}); empty: areas on a plain background. */
  public record Atlas(@DefaultValue("") String tileUrl) {}

  /** Files from this size are imported as background jobs. */
  public record Imports(@DefaultValue("1000000") long backgroundFromBytes) {}

  /** Requests per minute and client address without login (0: no limit). */
  public record RateLimit(@DefaultValue("300") int anonymousPerMinute) {}

  /** The sender address of e-mails (reminders). */
  public record Mail(@DefaultValue("lagebild@localhost") String from) {}
}
