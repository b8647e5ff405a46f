package de.lagebild.identity;

import de.lagebild.platform.ActorPrincipal;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The logged-in user. Roles are per tenant and are resolved per request, not stored here. */
public final class LagebildUser implements UserDetails, CredentialsContainer, ActorPrincipal {

  private final UUID id;
  private final String username;
  private final String displayName;
  private String passwordHash;
  private final boolean enabled;
  private final boolean platformAdmin;

  public LagebildUser(
      UUID id,
      String username,
      String displayName,
      String passwordHash,
      boolean enabled,
      boolean platformAdmin) {
    this.id = id;
    this.username = username;
    this.displayName = displayName;
    this.passwordHash = passwordHash;
    this.enabled = enabled;
    this.platformAdmin = platformAdmin;
  }

  public UUID id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }

  public boolean platformAdmin() {
    return platformAdmin;
  }

  @Override
  public UUID actorId() {
    return id;
  }

  @Override
  public String actorName() {
    return displayName + " (" + username + ")";
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return platformAdmin
        ? List.of(
            new SimpleGrantedAuthority("ROLE_USER"),
            new SimpleGrantedAuthority("ROLE_PLATFORM_ADMIN"))
        : List.of(new SimpleGrantedAuthority("ROLE_USER"));
  }

  @Override
  public String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return username;
  }

  @Override
  public boolean isEnabled() {
    return enabled;
  }

  @Override
  public void eraseCredentials() {
    passwordHash = null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LagebildUser other && other.id.equals(id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "LagebildUser[" + username + "]";
  }
}
