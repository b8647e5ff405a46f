package de.lagebild.identity;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The logged-in user of the current request, if any. */
public final class CurrentUser {

  private CurrentUser() {}

  public static Optional<LagebildUser> get() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof LagebildUser user
        ? Optional.of(user)
        : Optional.empty();
  }
}
