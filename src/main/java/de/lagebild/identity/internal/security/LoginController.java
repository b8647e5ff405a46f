package de.lagebild.identity.internal.security;

import de.lagebild.identity.internal.demo.DemoTenants;
import de.lagebild.platform.AllowPublic;
import de.lagebild.platform.LagebildProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

  private final LagebildProperties properties;
  private final DemoTenants demo;
  private final OidcLogin.Settings oidc;

  LoginController(LagebildProperties properties, DemoTenants demo, OidcLogin.Settings oidc) {
    this.properties = properties;
    this.demo = demo;
    this.oidc = oidc;
  }

  @GetMapping("/login")
  @AllowPublic
  String login(Model model) {
    if (properties.demo()) {
      model.addAttribute("demoTenants", demo.read().tenants());
    }
    if (!oidc.issuerUri().isBlank()) {
      model.addAttribute("oidcLogin", "/oauth2/authorization/" + OidcLogin.REGISTRATION);
    }
    return "identity/security/login";
  }
}
