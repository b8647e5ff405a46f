package de.lagebild.identity.internal.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A login refused by the {@link LoginThrottle}, with the time still to wait. */
class LoginThrottledException extends AuthenticationException {

  private final transient Duration wait;

  LoginThrottledException(Duration wait) {
    super("too many failed logins");
    this.wait = wait;
  }

  /** The wait in whole seconds, at least one. */
  long seconds() {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }
}
