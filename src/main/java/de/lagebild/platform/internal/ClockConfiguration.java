package de.lagebild.platform.internal;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's clock ticks in microseconds: what PostgreSQL keeps of a timestamp, so that the
 * embedded SQLite file (which keeps whatever it is given) holds the same instants and a tenant
 * moved from one to the other keeps them exactly.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {
  @Bean
  Clock clock() {
    return Clock.tick(Clock.systemUTC(), java.time.Duration.ofNanos(1_000));
  }
}
