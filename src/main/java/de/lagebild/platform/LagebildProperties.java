package de.lagebild.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of an installation, bound from {@code lagebild.*} (environment variables {@code
 * LAGEBILD_*}).
 *
 * @param demo load the demo tenants and accounts (LAGEBILD_DEMO)
 * @param defaultTenant tenant whose start page {@code /} shows (LAGEBILD_DEFAULT_TENANT)
 * @param baseUrl address of the installation as users reach it, for links printed on the console
 * @param bootstrapAdmin the first platform administrator taken from configuration instead of the
 *     setup link
 */
@ConfigurationProperties("lagebild")
public record LagebildProperties(
    @DefaultValue("false") boolean demo,
    @DefaultValue("") String defaultTenant,
    @DefaultValue("http://localhost:8080") String baseUrl,
    @DefaultValue BootstrapAdmin bootstrapAdmin) {

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
}
