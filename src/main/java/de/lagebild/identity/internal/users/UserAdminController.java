package de.lagebild.identity.internal.users;

import de.lagebild.identity.internal.units.UnitRepository;
import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.NotFoundException;
import de.lagebild.platform.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The tenant administrator manages who may work in the tenant, with which role and for which units.
 */
@Controller
class UserAdminController {

  private final MembershipRepository memberships;
  private final UnitRepository units;
  private final UserAdministration administration;

  UserAdminController(
      MembershipRepository memberships, UnitRepository units, UserAdministration administration) {
    this.memberships = memberships;
    this.units = units;
    this.administration = administration;
  }

  @GetMapping("/{tenant}/verwaltung/benutzer")
  @AllowRoles(Role.ADMIN)
  String list(@PathVariable("tenant") String tenant, Model model) {
    model.addAttribute("members", memberships.findAll());
    model.addAttribute(
        "unitNames",
        units.findAll().stream().collect(Collectors.toMap(u -> u.id(), u -> u.name())));
    return "identity/users/users";
  }

  @GetMapping("/{tenant}/verwaltung/benutzer/neu")
  @AllowRoles(Role.ADMIN)
  String newForm(@PathVariable("tenant") String tenant, Model model) {
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", new NewUserForm());
    }
    if (!model.containsAttribute("existingForm")) {
      model.addAttribute("existingForm", new ExistingUserForm());
    }
    addChoices(model);
    return "identity/users/user-new";
  }

  @PostMapping("/{tenant}/verwaltung/benutzer/neu")
  @AllowRoles(Role.ADMIN)
  String create(
      @PathVariable("tenant") String tenant,
      @Validated @ModelAttribute("form") NewUserForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    if (!errors.hasErrors()) {
      try {
        administration.createAccount(
            new UserAdministration.NewAccount(
                form.getUsername(),
                form.getEmail(),
                form.getDisplayName(),
                form.getPassword(),
                form.getRole(),
                form.getUnits()));
        redirect.addFlashAttribute("success", "user.created");
        return "redirect:/" + tenant + "/verwaltung/benutzer";
      } catch (DomainException e) {
        errors.reject(e.messageKey(), e.arguments(), e.messageKey());
      }
    }
    return newForm(tenant, model);
  }

  @PostMapping("/{tenant}/verwaltung/benutzer/bestehend")
  @AllowRoles(Role.ADMIN)
  String addExisting(
      @PathVariable("tenant") String tenant,
      @Validated @ModelAttribute("existingForm") ExistingUserForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    if (!errors.hasErrors()) {
      try {
        administration.addExisting(
            form.getUsername(), form.getEmail(), form.getRole(), form.getUnits());
        redirect.addFlashAttribute("success", "user.added");
        return "redirect:/" + tenant + "/verwaltung/benutzer";
      } catch (DomainException e) {
        errors.reject(e.messageKey(), e.arguments(), e.messageKey());
      }
    }
    return newForm(tenant, model);
  }

  @GetMapping("/{tenant}/verwaltung/benutzer/{id}")
  @AllowRoles(Role.ADMIN)
  String edit(@PathVariable("tenant") String tenant, @PathVariable("id") UUID id, Model model) {
    MemberRow member = memberships.findById(id).orElseThrow(NotFoundException::new);
    model.addAttribute("member", member);
    if (!model.containsAttribute("form")) {
      MembershipForm form = new MembershipForm();
      form.setRole(member.role());
      form.setUnits(new LinkedHashSet<>(member.unitIds()));
      form.setVersion(member.version());
      model.addAttribute("form", form);
    }
    addChoices(model);
    return "identity/users/user-edit";
  }

  @PostMapping("/{tenant}/verwaltung/benutzer/{id}")
  @AllowRoles(Role.ADMIN)
  String update(
      @PathVariable("tenant") String tenant,
      @PathVariable("id") UUID id,
      @Validated @ModelAttribute("form") MembershipForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    if (!errors.hasErrors()) {
      try {
        administration.updateMembership(id, form.getRole(), form.getUnits(), form.getVersion());
        redirect.addFlashAttribute("success", "user.updated");
        return "redirect:/" + tenant + "/verwaltung/benutzer";
      } catch (NotFoundException e) {
        throw e;
      } catch (DomainException e) {
        errors.reject(e.messageKey(), e.arguments(), e.messageKey());
      }
    }
    return edit(tenant, id, model);
  }

  @PostMapping("/{tenant}/verwaltung/benutzer/{id}/entfernen")
  @AllowRoles(Role.ADMIN)
  String remove(
      @PathVariable("tenant") String tenant,
      @PathVariable("id") UUID id,
      RedirectAttributes redirect) {
    administration.removeMembership(id);
    redirect.addFlashAttribute("success", "user.removed");
    return "redirect:/" + tenant + "/verwaltung/benutzer";
  }

  private void addChoices(Model model) {
    model.addAttribute(
        "roles", new Role[] {Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER});
    model.addAttribute("units", units.findAll().stream().filter(u -> u.active()).toList());
  }

  static class MembershipForm {
    @NotNull(message = "{validation.required}")
    private Role role;

    private Set<UUID> units = new LinkedHashSet<>();
    private int version;

    public Role getRole() {
      return role;
    }

    public void setRole(Role role) {
      this.role = role;
    }

    public Set<UUID> getUnits() {
      return units;
    }

    public void setUnits(Set<UUID> units) {
      this.units = units == null ? new LinkedHashSet<>() : units;
    }

    public int getVersion() {
      return version;
    }

    public void setVersion(int version) {
      this.version = version;
    }
  }

  static class ExistingUserForm extends MembershipForm {
    @NotBlank(message = "{validation.required}")
    @Size(max = 60, message = "{validation.tooLong}")
    private String username;

    @NotBlank(message = "{validation.required}")
    @Email(message = "{validation.email}")
    @Size(max = 200, message = "{validation.tooLong}")
    private String email;

    public String getUsername() {
      return username;
    }

    public void setUsername(String username) {
      this.username = username;
    }

    public String getEmail() {
      return email;
    }

    public void setEmail(String email) {
      this.email = email;
    }
  }

  static class NewUserForm extends ExistingUserForm {
    @NotBlank(message = "{validation.required}")
    @Size(max = 200, message = "{validation.tooLong}")
    private String displayName;

    @NotBlank(message = "{validation.required}")
    @Size(
        min = UserAdministration.MIN_PASSWORD_LENGTH,
        max = 200,
        message = "{validation.passwordLength}")
    private String password;

    @Override
    @Pattern(regexp = "[A-Za-z0-9._-]{2,60}", message = "{validation.username}")
    public String getUsername() {
      return super.getUsername();
    }

    public String getDisplayName() {
      return displayName;
    }

    public void setDisplayName(String displayName) {
      this.displayName = displayName;
    }

    public String getPassword() {
      return password;
    }

    public void setPassword(String password) {
      this.password = password;
    }
  }
}
