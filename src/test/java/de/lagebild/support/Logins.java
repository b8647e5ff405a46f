package de.lagebild.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Requests as a real account of the database (the demo accounts, or any created in a test). */
public class Logins {

  private final UserDetailsService users;

  public Logins(UserDetailsService users) {
    this.users = users;
  }

  public RequestPostProcessor as(String username) {
    return user(users.loadUserByUsername(username));
  }
}
