package de.lagebild.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.support.DatabaseProperties;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A 200 MB upload against the real server (Tomcat, multipart limit 50 MB): the client gets a German
 * problem naming the limit – not a reset connection – and nothing is written.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"lagebild.demo=true", "logging.file.name=target/test-logs/lagebild.log"})
class UploadLimitIntegrationTests extends DatabaseProperties {

  static final long SIZE = 200L * 1024 * 1024;
  static final long ATLAS_SIZE = 500L * 1024 * 1024;

  @LocalServerPort int port;
  @Autowired DSLContext dsl;

  /** A multipart body of {@code SIZE} bytes produced on the fly, never held in memory. */
  static InputStream body(String boundary) {
    return body(boundary, SIZE);
  }

  static InputStream body(String boundary, long size) {
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"riesig.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    return new InputStream() {
      long position;

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public long skip(long n) {
        long total = head.length + size + tail.length;
        long skipped = Math.min(n, total - position);
        position += skipped;
        return skipped;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        long total = head.length + size + tail.length;
        if (position >= total) {
          return -1;
        }
        int n = (int) Math.min(len, total - position);
        for (int i = 0; i < n; i++) {
          long p = position + i;
          b[off + i] =
              p < head.length
                  ? head[(int) p]
                  : p < head.length + size
                      ? (byte) ('a' + (p % 26))
                      : tail[(int) (p - head.length - size)];
        }
        position += n;
        return n;
      }
    };
  }

  static long length(String boundary) {
    return length(boundary, SIZE);
  }

  static long length(String boundary, long size) {
    try (InputStream in = body(boundary, size)) {
      return in.skip(Long.MAX_VALUE);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void a200MegabyteUploadGetsAClearMessage() throws Exception {
    int before = dsl.fetchCount(dsl.selectFrom("strategy"));
    String boundary = "lagebild-test-boundary";
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    "http://localhost:"
                        + port
                        + "/api/v1/nordhausen/strategy-imports?dryRun=false"))
            .header("Authorization", "Bearer lgb_demo_koordination_nordhausen")
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(
                HttpRequest.BodyPublishers.fromPublisher(
                    HttpRequest.BodyPublishers.ofInputStream(() -> body(boundary)),
                    length(boundary)))
            .build();
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(response.body()).contains("zu groß").contains("höchstens 50 MB");
    assertThat(dsl.fetchCount(dsl.selectFrom("strategy"))).isEqualTo(before);
  }

  @Test
  void a500MegabyteStatisticsUploadGetsAClearMessage() throws Exception {
    int before = dsl.fetchCount(dsl.selectFrom("indicator_value"));
    String boundary = "lagebild-test-boundary";
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    "http://localhost:"
                        + port
                        + "/api/v1/nordhausen/indicator-imports?dryRun=false"))
            .header("Authorization", "Bearer lgb_demo_koordination_nordhausen")
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(
                HttpRequest.BodyPublishers.fromPublisher(
                    HttpRequest.BodyPublishers.ofInputStream(() -> body(boundary, ATLAS_SIZE)),
                    length(boundary, ATLAS_SIZE)))
            .build();
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("zu groß").contains("höchstens 50 MB");
    assertThat(dsl.fetchCount(dsl.selectFrom("indicator_value"))).isEqualTo(before);
  }
}
