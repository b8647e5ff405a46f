package de.lagebild.identity.internal.users;

import de.lagebild.identity.CurrentUser;
import de.lagebild.platform.AllowAuthenticated;
import de.lagebild.platform.DomainException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A user's own account: their tenants and their password. */
@Controller
class ProfileController {

  private final UserAdministration administration;
  private final UserRepository users;
  private final MessageSource messages;

  ProfileController(
      UserAdministration administration, UserRepository users, MessageSource messages) {
    this.administration = administration;
    this.users = users;
    this.messages = messages;
  }

  @GetMapping("/profil")
  @AllowAuthenticated
  String profile(Model model) {
    model.addAttribute(
        "account", users.findById(CurrentUser.get().orElseThrow().id()).orElseThrow());
    if (!model.containsAttribute("passwordForm")) {
      model.addAttribute("passwordForm", new PasswordForm());
    }
    return "identity/users/profile";
  }

  @PostMapping("/profil/passwort")
  @AllowAuthenticated
  String changePassword(
      @Validated @ModelAttribute("passwordForm") PasswordForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    if (!errors.hasErrors()) {
      try {
        administration.changePassword(
            CurrentUser.get().orElseThrow().id(), form.getCurrent(), form.getNext());
        redirect.addFlashAttribute("success", "profile.passwordChanged");
        return "redirect:/profil";
      } catch (DomainException e) {
        errors.reject(e.messageKey(), e.arguments(), e.messageKey());
      }
    }
    return profile(model);
  }

  static class PasswordForm {
    @NotBlank(message = "{validation.required}")
    @Size(max = 200, message = "{validation.tooLong}")
    private String current;

    @NotBlank(message = "{validation.required}")
    @Size(max = 200, message = "{validation.tooLong}")
    private String next;

    public String getCurrent() {
      return current;
    }

    public void setCurrent(String current) {
      this.current = current;
    }

    public String getNext() {
      return next;
    }

    public void setNext(String next) {
      this.next = next;
    }
  }
}
