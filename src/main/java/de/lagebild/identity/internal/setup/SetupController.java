package de.lagebild.identity.internal.setup;

import de.lagebild.identity.internal.users.UserAdministration;
import de.lagebild.platform.AllowPublic;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.NotFoundException;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The one-time setup page for the first platform administrator. */
@Controller
class SetupController {

  private final FirstAdministrator firstAdministrator;

  SetupController(FirstAdministrator firstAdministrator) {
    this.firstAdministrator = firstAdministrator;
  }

  @GetMapping("/setup/{token}")
  @AllowPublic
  String form(@PathVariable("token") String token, Model model) {
    if (!firstAdministrator.isValid(token)) {
      throw new NotFoundException();
    }
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", new SetupForm());
    }
    model.addAttribute("token", token);
    return "identity/setup/setup";
  }

  @PostMapping("/setup/{token}")
  @AllowPublic
  String complete(
      @PathVariable("token") String token,
      @Validated @ModelAttribute("form") SetupForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    if (!errors.hasErrors()) {
      try {
        firstAdministrator.complete(
            token, form.getUsername(), form.getEmail(), form.getDisplayName(), form.getPassword());
        redirect.addFlashAttribute("success", "setup.done");
        return "redirect:/login";
      } catch (DomainException e) {
        errors.reject(e.messageKey(), e.arguments(), e.messageKey());
      }
    }
    return form(token, model);
  }

  static class SetupForm {
    @NotBlank(message = "{validation.required}")
    @Pattern(regexp = "[A-Za-z0-9._-]{2,60}", message = "{validation.username}")
    private String username;

    @NotBlank(message = "{validation.required}")
    @Email(message = "{validation.email}")
    @Size(max = 200, message = "{validation.tooLong}")
    private String email;

    @NotBlank(message = "{validation.required}")
    @Size(max = 200, message = "{validation.tooLong}")
    private String displayName;

    @NotBlank(message = "{validation.required}")
    @Size(
        min = UserAdministration.MIN_PASSWORD_LENGTH,
        max = 200,
        message = "{validation.passwordLength}")
    private String password;

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
