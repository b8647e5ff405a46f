package de.lagebild.support;

import de.lagebild.LagebildApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application started as it runs – a real server on a free port, not the test slice – on a
 * database of this test run (for tests of a second instance, a restored database, metrics, login
 * flows over HTTP). Settings are passed as command-line arguments, so they win over
 * application.yml.
 */
public final class RunningApp implements AutoCloseable {

  private final ConfigurableApplicationContext context;
  private final String base;

  private RunningApp(ConfigurableApplicationContext context) {
    this.context = context;
    this.base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
  }

  /**
   * Starts on {@code url} (user and password of this run's database kind) with {@code settings}
   * such as {@code --lagebild.demo=true}.
   */
  public static RunningApp start(String url, String... settings) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + TestDatabase.user(),
                "--spring.datasource.password=" + TestDatabase.password(),
                "--spring.datasource.hikari.maximum-pool-size=4",
                "--server.port=0",
                "--spring.jmx.enabled=false"));
    args.addAll(List.of(settings));
    return new RunningApp(
        new SpringApplicationBuilder(LagebildApplication.class).run(args.toArray(String[]::new)));
  }

  public ConfigurableApplicationContext context() {
    return context;
  }

  /** {@code http://127.0.0.1:port} */
  public String base() {
    return base;
  }

  /** GET {@code path} with an optional Authorization header value. */
  public HttpResponse<String> get(HttpClient client, String path, String authorization)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    context.close();
  }
}
