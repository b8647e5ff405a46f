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

  LoginController(LagebildProperties properties, DemoTenants demo) {
    this.properties = properties;
    this.demo = demo;
  }

  @GetMapping("/login")
  @AllowPublic
  String login(Model model) {
    if (properties.demo()) {
      model.addAttribute("demoTenants", demo.read().tenants());
    }
    return "identity/security/login";
  }
}
