package de.lagebild.web.internal;

import de.lagebild.identity.CurrentUser;
import de.lagebild.identity.TenantDirectory;
import de.lagebild.identity.TenantMembership;
import de.lagebild.platform.AllowPublic;
import de.lagebild.platform.LagebildProperties;
import de.lagebild.platform.NotFoundException;
import de.lagebild.platform.TenantContext;
import de.lagebild.strategy.PublishedStrategies;
import de.lagebild.strategy.WaitingWork;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The installation's start page and each tenant's start page. */
@Controller
class HomeController {

  private final TenantDirectory directory;
  private final LagebildProperties properties;
  private final PublishedStrategies published;
  private final WaitingWork waiting;

  HomeController(
      TenantDirectory directory,
      LagebildProperties properties,
      PublishedStrategies published,
      WaitingWork waiting) {
    this.directory = directory;
    this.properties = properties;
    this.published = published;
    this.waiting = waiting;
  }

  /**
   * Logged-in users go to their tenant (the only one, or the default one they belong to); everyone
   * else sees the default tenant's start page, or the list of public tenants when there is no
   * default.
   */
  @GetMapping("/")
  @AllowPublic
  String index(Model model) {
    var user = CurrentUser.get();
    if (user.isPresent()) {
      List<TenantMembership> mine = directory.tenantsOf(user.get().id());
      if (mine.size() == 1) {
        return "redirect:/" + mine.get(0).slug();
      }
      if (mine.stream().anyMatch(m -> m.slug().equals(properties.startTenant()))) {
        return "redirect:/" + properties.startTenant();
      }
      if (!mine.isEmpty()) {
        model.addAttribute("tenants", mine);
        return "home/choose";
      }
    }
    if (!properties.startTenant().isBlank()
        && directory.find(properties.startTenant()).isPresent()) {
      return "redirect:/" + properties.startTenant();
    }
    model.addAttribute("publicTenants", directory.publicTenants());
    return "home/index";
  }

  @GetMapping("/{tenant}")
  @AllowPublic
  String tenantHome(@PathVariable("tenant") String tenant, Model model) {
    model.addAttribute("summary", directory.find(tenant).orElseThrow(NotFoundException::new));
    model.addAttribute("access", TenantContext.access().orElseThrow());
    model.addAttribute("publicStrategies", published.list());
    model.addAttribute("waiting", waiting.forCurrentUser());
    return "home/tenant";
  }
}
