package de.lagebild.identity.internal.security;

import jakarta.servlet.DispatcherType;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Sessions in the database (Spring Session JDBC, tables {@code spring_session*}), so that several
 * instances behind a load balancer serve one user: a user whose instance stops carries on on
 * another, logged in. On with {@code lagebild.session-store=database}; {@code auto} (the production
 * profile's default) means the database on PostgreSQL and memory on the embedded SQLite file, which
 * serves one instance and whose single writer an import holds for seconds. The cookie keeps the
 * settings of {@code server.servlet.session.*} (name, secure, timeout).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DatabaseSessions.Enabled.class)
@EnableJdbcHttpSession(tableName = "spring_session")
class DatabaseSessions {

  /** Whether sessions go to the database, from {@code lagebild.session-store} and the URL. */
  static final class Enabled implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return enabled(context.getEnvironment());
    }
  }

  static boolean enabled(Environment env) {
    String store = env.getProperty("lagebild.session-store", "memory").toLowerCase(Locale.ROOT);
    String url = env.getProperty("spring.datasource.url", "");
    return switch (store) {
      case "database" -> true;
      case "memory" -> false;
      case "auto" -> url.startsWith("jdbc:postgresql:");
      default ->
          throw new IllegalStateException(
              "lagebild.session-store: '" + store + "' is not memory, database or auto");
    };
  }

  @Bean
  SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionTimeout(Environment env) {
    Duration timeout =
        env.getProperty("server.servlet.session.timeout", Duration.class, Duration.ofMinutes(30));
    return repository -> repository.setDefaultMaxInactiveInterval(timeout);
  }

  /** Attributes written with an upsert, as concurrent requests of one session may set them. */
  @Bean
  SessionRepositoryCustomizer<JdbcIndexedSessionRepository> postgresUpsert(Environment env) {
    return env.getProperty("spring.datasource.url", "").startsWith("jdbc:postgresql:")
        ? new PostgreSqlJdbcIndexedSessionRepositoryCustomizer()
        : repository -> {};
  }

  @Bean
  CookieSerializer cookieSerializer(Environment env) {
    DefaultCookieSerializer cookie = new DefaultCookieSerializer();
    cookie.setCookieName(env.getProperty("server.servlet.session.cookie.name", "SESSION"));
    cookie.setUseHttpOnlyCookie(true);
    cookie.setSameSite("Lax");
    cookie.setUseSecureCookie(
        env.getProperty("server.servlet.session.cookie.secure", Boolean.class, false));
    cookie.setCookiePath("/");
    return cookie;
  }

  /** The session filter on every dispatch, also error pages, before Spring Security. */
  @Bean
  FilterRegistrationBean<SessionRepositoryFilter<?>> sessionFilterRegistration(
      SessionRepositoryFilter<?> filter) {
    FilterRegistrationBean<SessionRepositoryFilter<?>> registration =
        new FilterRegistrationBean<>(filter);
    registration.setDispatcherTypes(
        EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC));
    registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER);
    return registration;
  }
}
