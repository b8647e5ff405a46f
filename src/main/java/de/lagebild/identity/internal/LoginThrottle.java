package de.lagebild.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@value #MAX_FAILURES} failed logins within the window, for the same login
 * name or from the same address, further attempts are refused until the window has passed. The same rule applies
 * to names that do not exist, so it reveals nothing about accounts. Kept in memory per instance (ADR 0003).
 */
@Component
class LoginThrottle {

  static final int MAX_FAILURES = 5;
  static final Duration WINDOW = Duration.ofMinutes(15);
  private static final int MAX_KEYS = 100_000;

  private final ConcurrentHashMap<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
  private final Clock clock;

  LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  boolean isBlocked(String login, String address) {
    return recentFailures("u:" + normalize(login)) >= MAX_FAILURES
        || recentFailures("a:" + address) >= MAX_FAILURES * 4;
  }

  void failed(String login, String address) {
    if (failures.size() > MAX_KEYS) {
      failures.clear();
    }
    add("u:" + normalize(login));
    add("a:" + address);
  }

  void succeeded(String login) {
    failures.remove("u:" + normalize(login));
  }

  private void add(String key) {
    Deque<Instant> q = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (q) {
      q.addLast(clock.instant());
    }
  }

  private int recentFailures(String key) {
    Deque<Instant> q = failures.get(key);
    if (q == null) {
      return 0;
    }
    Instant cutoff = clock.instant().minus(WINDOW);
    synchronized (q) {
      while (!q.isEmpty() && q.peekFirst().isBefore(cutoff)) {
        q.removeFirst();
      }
      return q.size();
    }
  }

  private static String normalize(String login) {
    return login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
  }
}
