package de.lagebild.exchange;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Uploads that wait between an import's preview and its commit: the file in a private working
 * directory under a random token, the token in the user's session together with the tenant. At most
 * three wait per session and kind; the oldest is dropped with its file; files older than a day are
 * removed when a stash is created.
 */
public final class UploadStash {

  /** A waiting upload. */
  public record Pending(String tenant, Path file, String fileName, String format, long size) {}

  private final String kind;
  private final Path dir;

  public UploadStash(String kind) throws IOException {
    this.kind = kind;
    this.dir =
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "lagebild-imports"));
    removeAbandoned();
  }

  public Path dir() {
    return dir;
  }

  /** Keeps the stream's bytes under a new token; returns the token. */
  public String put(
      HttpSession session, String tenant, InputStream content, String fileName, String format)
      throws IOException {
    String token = UUID.randomUUID().toString();
    Path file = dir.resolve(kind + "-" + token);
    Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
    pending(session).put(token, new Pending(tenant, file, fileName, format, Files.size(file)));
    return token;
  }

  /** The upload of this token, if it is still there and belongs to this tenant. */
  public Optional<Pending> get(HttpSession session, String token, String tenant) {
    Pending p = pending(session).get(token);
    return p == null || !p.tenant().equals(tenant) || !Files.exists(p.file())
        ? Optional.empty()
        : Optional.of(p);
  }

  /** Forgets the token; the file is deleted unless {@code keepFile}. */
  public void remove(HttpSession session, String token, boolean keepFile) throws IOException {
    Pending p = pending(session).remove(token);
    if (p != null && !keepFile) {
      Files.deleteIfExists(p.file());
    }
  }

  private void removeAbandoned() throws IOException {
    Instant limit = Instant.now().minus(Duration.ofDays(1));
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        if (f.getFileName().toString().startsWith(kind + "-")
            && Files.getLastModifiedTime(f).toInstant().isBefore(limit)) {
          Files.deleteIfExists(f);
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Pending> pending(HttpSession session) {
    String key = UploadStash.class.getName() + "." + kind;
    Map<String, Pending> map = (Map<String, Pending>) session.getAttribute(key);
    if (map == null) {
      map =
          new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Pending> eldest) {
              if (size() > 3) {
                try {
                  Files.deleteIfExists(eldest.getValue().file());
                } catch (IOException e) {
                  // left for the operating system's temp cleaning
                }
                return true;
              }
              return false;
            }
          };
      session.setAttribute(key, map);
    }
    return map;
  }
}
