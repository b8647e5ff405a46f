package de.lagebild.identity.internal.state;

import de.lagebild.identity.internal.tenants.TenantKind;
import de.lagebild.identity.internal.tenants.TenantRepository;
import de.lagebild.platform.AllowPlatformAdmin;
import de.lagebild.platform.DomainException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The platform administration assigns districts to their Land. */
@Controller
class StateMembershipController {

  private final StatePlatform platform;
  private final TenantRepository tenants;
  private final MessageSource messages;

  StateMembershipController(
      StatePlatform platform, TenantRepository tenants, MessageSource messages) {
    this.platform = platform;
    this.tenants = tenants;
    this.messages = messages;
  }

  @GetMapping("/plattform/laender")
  @AllowPlatformAdmin
  String list(Model model) {
    var all = tenants.findAll();
    model.addAttribute("districts", all.stream().filter(t -> t.kind() != TenantKind.LAND).toList());
    model.addAttribute("lands", platform.lands());
    model.addAttribute("stateOf", platform.stateIds(all));
    return "identity/state/members";
  }

  @PostMapping("/plattform/laender/{district}")
  @AllowPlatformAdmin
  String assign(
      @PathVariable("district") String district,
      @RequestParam(name = "land", required = false) String land,
      Model model,
      RedirectAttributes redirect) {
    try {
      platform.assign(district, land);
      redirect.addFlashAttribute("success", "platform.states.assign.saved");
      return "redirect:/plattform/laender";
    } catch (DomainException e) {
      model.addAttribute(
          "problem", messages.getMessage(e.messageKey(), e.arguments(), Locale.GERMAN));
      return list(model);
    }
  }
}
