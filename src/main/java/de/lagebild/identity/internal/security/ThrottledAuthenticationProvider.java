package de.lagebild.identity.internal.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Wraps the password check with the {@link LoginThrottle}. */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

  private final AuthenticationProvider delegate;
  private final LoginThrottle throttle;

  ThrottledAuthenticationProvider(AuthenticationProvider delegate, LoginThrottle throttle) {
    this.delegate = delegate;
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String login = String.valueOf(authentication.getName());
    String address =
        authentication.getDetails() instanceof WebAuthenticationDetails d
            ? d.getRemoteAddress()
            : "-";
    var wait = throttle.waitFor(login, address);
    if (wait.isPresent()) {
      throw new LoginThrottledException(wait.get());
    }
    try {
      Authentication result = delegate.authenticate(authentication);
      throttle.succeeded(login, address);
      return result;
    } catch (AuthenticationException e) {
      throttle.failed(login, address);
      throw e;
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
