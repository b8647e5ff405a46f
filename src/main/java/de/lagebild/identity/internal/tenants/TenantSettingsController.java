package de.lagebild.identity.internal.tenants;

import de.lagebild.platform.AllowPublic;
import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.NotFoundException;
import de.lagebild.platform.Role;
import de.lagebild.platform.TenantContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The tenant's own settings: name, official key, kind, public or not, logo. */
@Controller
class TenantSettingsController {

  private final TenantRepository tenants;
  private final TenantAdministration administration;

  TenantSettingsController(TenantRepository tenants, TenantAdministration administration) {
    this.tenants = tenants;
    this.administration = administration;
  }

  @GetMapping("/{tenant}/verwaltung")
  @AllowRoles(Role.ADMIN)
  String overview(@PathVariable("tenant") String tenant) {
    return "identity/tenants/admin";
  }

  @GetMapping("/{tenant}/verwaltung/einstellungen")
  @AllowRoles(Role.ADMIN)
  String edit(@PathVariable("tenant") String tenant, Model model) {
    TenantRow row = current();
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", SettingsForm.of(row));
    }
    model.addAttribute("kinds", TenantKind.values());
    model.addAttribute("hasLogo", row.hasLogo());
    return "identity/tenants/settings";
  }

  @PostMapping("/{tenant}/verwaltung/einstellungen")
  @AllowRoles(Role.ADMIN)
  String save(
      @PathVariable("tenant") String tenant,
      @Validated @ModelAttribute("form") SettingsForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    if (!errors.hasErrors()) {
      try {
        TenantRow row = current();
        administration.updateSettings(
            new TenantRow(
                row.id(),
                row.slug(),
                form.getName(),
                form.getKind(),
                form.getOfficialKey(),
                form.isPublicVisible(),
                row.hasLogo(),
                form.getVersion()));
        redirect.addFlashAttribute("success", "settings.saved");
        return "redirect:/" + tenant + "/verwaltung/einstellungen";
      } catch (DomainException e) {
        errors.reject(e.messageKey(), e.arguments(), e.messageKey());
      }
    }
    return edit(tenant, model);
  }

  @PostMapping("/{tenant}/verwaltung/logo")
  @AllowRoles(Role.ADMIN)
  String uploadLogo(
      @PathVariable("tenant") String tenant,
      @RequestParam("logo") MultipartFile logo,
      RedirectAttributes redirect)
      throws IOException {
    administration.updateLogo(current().id(), logo.getBytes(), logo.getContentType());
    redirect.addFlashAttribute("success", "settings.logoSaved");
    return "redirect:/" + tenant + "/verwaltung/einstellungen";
  }

  @GetMapping("/{tenant}/logo")
  @AllowPublic
  ResponseEntity<byte[]> logo(@PathVariable("tenant") String tenant) {
    TenantRepository.Logo logo =
        tenants.logo(TenantContext.require().value()).orElseThrow(NotFoundException::new);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(logo.contentType()))
        .cacheControl(CacheControl.maxAge(Duration.ofMinutes(10)))
        .body(logo.data());
  }

  private TenantRow current() {
    return tenants.findById(TenantContext.require().value()).orElseThrow(NotFoundException::new);
  }

  static class SettingsForm {
    @NotBlank(message = "{validation.required}")
    @Size(max = 200, message = "{validation.tooLong}")
    private String name;

    @NotNull(message = "{validation.required}")
    private TenantKind kind;

    @Size(max = 12, message = "{validation.tooLong}")
    private String officialKey;

    private boolean publicVisible;
    private int version;

    static SettingsForm of(TenantRow row) {
      SettingsForm f = new SettingsForm();
      f.name = row.name();
      f.kind = row.kind();
      f.officialKey = row.officialKey();
      f.publicVisible = row.publicVisible();
      f.version = row.version();
      return f;
    }

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
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

    public int getVersion() {
      return version;
    }

    public void setVersion(int version) {
      this.version = version;
    }
  }
}
