package de.lagebild.identity.internal.tenants;

import de.lagebild.identity.CurrentUser;
import de.lagebild.platform.AllowPlatformAdmin;
import de.lagebild.platform.DomainException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The state-level platform administrator creates tenants; the creator becomes the new tenant's
 * administrator.
 */
@Controller
class PlatformController {

  private final TenantRepository tenants;
  private final TenantAdministration administration;

  PlatformController(TenantRepository tenants, TenantAdministration administration) {
    this.tenants = tenants;
    this.administration = administration;
  }

  @GetMapping("/plattform/mandanten")
  @AllowPlatformAdmin
  String list(Model model) {
    model.addAttribute("tenants", tenants.findAll());
    model.addAttribute("kinds", TenantKind.values());
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", new NewTenantForm());
    }
    return "identity/tenants/platform-tenants";
  }

  @PostMapping("/plattform/mandanten")
  @AllowPlatformAdmin
  String create(
      @Validated @ModelAttribute("form") NewTenantForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    if (!errors.hasErrors()) {
      try {
        TenantRow row =
            administration.create(
                new TenantAdministration.NewTenant(
                    form.getSlug(),
                    form.getName(),
                    form.getKind(),
                    form.getOfficialKey(),
                    form.isPublicVisible()),
                CurrentUser.get().orElseThrow().id(),
                false);
        redirect.addFlashAttribute("success", "tenant.created");
        return "redirect:/" + row.slug() + "/verwaltung";
      } catch (DomainException e) {
        errors.reject(e.messageKey(), e.arguments(), e.messageKey());
      }
    }
    return list(model);
  }

  static class NewTenantForm {
    @NotBlank(message = "{validation.required}")
    @Size(max = 200, message = "{validation.tooLong}")
    private String name;

    @NotBlank(message = "{validation.required}")
    @Size(max = 60, message = "{validation.tooLong}")
    private String slug;

    @NotNull(message = "{validation.required}")
    private TenantKind kind = TenantKind.LANDKREIS;

    @Size(max = 12, message = "{validation.tooLong}")
    private String officialKey;

    private boolean publicVisible;

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public String getSlug() {
      return slug;
    }

    public void setSlug(String slug) {
      this.slug = slug;
    }

    public TenantKind getKind() {
      return kind;
    }

    public void setKind(TenantKind kind) {
      this.kind = kind;
    }

    public String getOfficialKey() {
      return officialKey;
    }

    public void setOfficialKey(String officialKey) {
      this.officialKey = officialKey;
    }

    public boolean isPublicVisible() {
      return publicVisible;
    }

    public void setPublicVisible(boolean publicVisible) {
      this.publicVisible = publicVisible;
    }
  }
}
