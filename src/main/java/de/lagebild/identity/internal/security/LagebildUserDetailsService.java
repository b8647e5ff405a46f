package de.lagebild.identity.internal.security;

import de.lagebild.identity.LagebildUser;
import de.lagebild.identity.internal.users.UserRepository;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class LagebildUserDetailsService implements UserDetailsService {

  private final UserRepository users;

  LagebildUserDetailsService(UserRepository users) {
    this.users = users;
  }

  @Override
  public UserDetails loadUserByUsername(String login) {
    return users
        .findByLogin(login)
        .filter(u -> u.passwordHash() != null)
        .map(
            u ->
                new LagebildUser(
                    u.id(),
                    u.username(),
                    u.displayName(),
                    u.passwordHash(),
                    u.enabled(),
                    u.platformAdmin()))
        .orElseThrow(() -> new UsernameNotFoundException("unknown"));
  }
}
