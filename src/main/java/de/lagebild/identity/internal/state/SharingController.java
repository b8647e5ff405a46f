package de.lagebild.identity.internal.state;

import de.lagebild.identity.SharedItem;
import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.Role;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The district decides, item by item, what its Land may read (administration only). */
@Controller
class SharingController {

  private final StatePlatform platform;
  private final MessageSource messages;

  SharingController(StatePlatform platform, MessageSource messages) {
    this.platform = platform;
    this.messages = messages;
  }

  @GetMapping("/{tenant}/verwaltung/freigaben")
  @AllowRoles(Role.ADMIN)
  String show(@PathVariable("tenant") String tenant, Model model) {
    model.addAttribute("state", platform.stateOfCurrent().orElse(null));
    model.addAttribute("settings", List.copyOf(platform.settings().values()));
    model.addAttribute("subscription", platform.subscriptionSetting());
    return "identity/state/sharing";
  }

  @PostMapping("/{tenant}/verwaltung/freigaben/abonnement")
  @AllowRoles(Role.ADMIN)
  String subscribe(
      @PathVariable("tenant") String tenant,
      @RequestParam(name = "subscribed", defaultValue = "false") boolean subscribed,
      @RequestParam(name = "version", defaultValue = "-1") int version,
      Model model,
      RedirectAttributes redirect) {
    try {
      platform.subscribe(subscribed, version);
      redirect.addFlashAttribute("success", "sharing.subscription.saved");
      return "redirect:/" + tenant + "/verwaltung/freigaben";
    } catch (DomainException e) {
      model.addAttribute(
          "problem", messages.getMessage(e.messageKey(), e.arguments(), Locale.GERMAN));
      return show(tenant, model);
    }
  }

  @PostMapping("/{tenant}/verwaltung/freigaben")
  @AllowRoles(Role.ADMIN)
  String save(
      @PathVariable("tenant") String tenant,
      @RequestParam(name = "shared", required = false) List<String> shared,
      @RequestParam Map<String, String> params,
      Model model,
      RedirectAttributes redirect) {
    Set<SharedItem> items = EnumSet.noneOf(SharedItem.class);
    Map<SharedItem, Integer> versions = new EnumMap<>(SharedItem.class);
    try {
      for (String s : shared == null ? List.<String>of() : shared) {
        items.add(item(s));
      }
      for (SharedItem item : SharedItem.values()) {
        String v = params.get("version-" + item.name());
        if (v != null) {
          versions.put(item, Integer.parseInt(v));
        }
      }
      int changed = platform.saveSettings(items, versions);
      redirect.addFlashAttribute("success", changed == 0 ? "sharing.unchanged" : "sharing.saved");
      return "redirect:/" + tenant + "/verwaltung/freigaben";
    } catch (DomainException e) {
      model.addAttribute(
          "problem", messages.getMessage(e.messageKey(), e.arguments(), Locale.GERMAN));
      return show(tenant, model);
    } catch (NumberFormatException e) {
      model.addAttribute("problem", messages.getMessage("sharing.badForm", null, Locale.GERMAN));
      return show(tenant, model);
    }
  }

  private static SharedItem item(String name) {
    try {
      return SharedItem.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new DomainException("sharing.unknownItem", name);
    }
  }
}
