package de.lagebild.identity.internal;

import org.springframework.security.core.AuthenticationException;

class LoginThrottledException extends AuthenticationException {
  LoginThrottledException() {
    super("too many failed logins");
  }
}
