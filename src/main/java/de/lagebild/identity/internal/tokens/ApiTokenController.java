package de.lagebild.identity.internal.tokens;

import de.lagebild.identity.CurrentUser;
import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.Role;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A user's API tokens for one tenant. */
@Controller
class ApiTokenController {

  private final ApiTokens tokens;

  ApiTokenController(ApiTokens tokens) {
    this.tokens = tokens;
  }

  @GetMapping("/{tenant}/profil/tokens")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER, Role.PROVIDER})
  String list(@PathVariable("tenant") String tenant, Model model) {
    model.addAttribute("tokens", tokens.mine(CurrentUser.get().orElseThrow().id()));
    return "identity/tokens/tokens";
  }

  @PostMapping("/{tenant}/profil/tokens")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER, Role.PROVIDER})
  String create(
      @PathVariable("tenant") String tenant,
      @RequestParam("name") String name,
      RedirectAttributes redirect) {
    redirect.addFlashAttribute(
        "newToken", tokens.create(CurrentUser.get().orElseThrow().id(), name));
    redirect.addFlashAttribute("success", "token.created.msg");
    return "redirect:/" + tenant + "/profil/tokens";
  }

  @PostMapping("/{tenant}/profil/tokens/{id}/widerrufen")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER, Role.PROVIDER})
  String revoke(
      @PathVariable("tenant") String tenant,
      @PathVariable("id") UUID id,
      RedirectAttributes redirect) {
    tokens.revoke(CurrentUser.get().orElseThrow().id(), id);
    redirect.addFlashAttribute("success", "token.revoked");
    return "redirect:/" + tenant + "/profil/tokens";
  }
}
