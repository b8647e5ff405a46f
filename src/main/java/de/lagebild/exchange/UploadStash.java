package de.lagebild.exchange;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Uploads that wait between an import's preview and its commit. The file is kept in the database
 * (in pieces of 1 MiB, so that it is never whole in memory) under a random token bound to the
 * session and the tenant, so that the commit may reach another instance than the preview; each
 * instance keeps a copy in a private working directory to read it from. At most three wait per
 * session and kind – the oldest is dropped; uploads older than a day are removed when a new one
 * comes. Made by {@link UploadStashes}.
 */
public final class UploadStash {

  /** A waiting upload; {@code file} is a copy on this instance. */
  public record Pending(String tenant, Path file, String fileName, String format, long size) {}

  static final int PIECE = 1 << 20;
  private static final int KEPT_PER_SESSION = 3;
  private static final long DAY_MILLIS = 24L * 60 * 60 * 1000;

  private final String kind;
  private final Path dir;
  private final DSLContext dsl;
  private final TransactionTemplate tx;

  UploadStash(String kind, Path dir, DSLContext dsl, TransactionTemplate tx) {
    this.kind = kind;
    this.dir = dir;
    this.dsl = dsl;
    this.tx = tx;
  }

  public Path dir() {
    return dir;
  }

  /** Keeps the stream's bytes under a new token; returns the token. */
  public String put(
      HttpSession session, String tenant, InputStream content, String fileName, String format)
      throws IOException {
    String token = UUID.randomUUID().toString();
    Path file = local(token);
    Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
    long size = Files.size(file);
    long now = System.currentTimeMillis();
    try (InputStream in = Files.newInputStream(file)) {
      tx.executeWithoutResult(
          s -> {
            dsl.execute("delete from upload_stash where created_at < ?", now - DAY_MILLIS);
            dsl.execute(
                "insert into upload_stash (token, kind, owner, tenant, file_name, format, size,"
                    + " created_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                token,
                kind,
                session.getId(),
                tenant,
                fileName == null ? null : abbreviate(fileName, 300),
                format == null ? null : abbreviate(format, 20),
                size,
                now);
            try {
              int seq = 0;
              byte[] piece;
              while ((piece = in.readNBytes(PIECE)).length > 0) {
                dsl.execute(
                    "insert into upload_stash_piece (token, seq, data) values (?, ?, ?)",
                    token,
                    seq++,
                    piece);
              }
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
            // the oldest beyond three of this session and kind go
            var older =
                dsl.fetch(
                        "select token from upload_stash where owner = ? and kind = ? order by"
                            + " created_at desc, token",
                        session.getId(),
                        kind)
                    .getValues(0, String.class);
            for (String old :
                older.subList(Math.min(older.size(), KEPT_PER_SESSION), older.size())) {
              if (!old.equals(token)) {
                dsl.execute("delete from upload_stash where token = ?", old);
                deleteQuietly(local(old));
              }
            }
          });
    }
    return token;
  }

  /**
   * The upload of this token, if it is still there and belongs to this session and tenant; copied
   * to this instance first when it came through another.
   */
  public Optional<Pending> get(HttpSession session, String token, String tenant) {
    if (token == null || !token.matches("[0-9a-f-]{36}")) {
      return Optional.empty();
    }
    Record r =
        dsl.fetchOptional(
                "select tenant, file_name, format, size from upload_stash where token = ? and kind"
                    + " = ? and owner = ?",
                token,
                kind,
                session.getId())
            .orElse(null);
    if (r == null || !tenant.equals(r.get(0, String.class))) {
      return Optional.empty();
    }
    long size = r.get(3, Long.class);
    Path file = local(token);
    try {
      if (!Files.exists(file) || Files.size(file) != size) {
        copyHere(token, file);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return Optional.of(
        new Pending(tenant, file, r.get(1, String.class), r.get(2, String.class), size));
  }

  /** Forgets the token; this instance's copy is deleted unless {@code keepFile}. */
  public void remove(HttpSession session, String token, boolean keepFile) throws IOException {
    dsl.execute("delete from upload_stash where token = ? and owner = ?", token, session.getId());
    if (!keepFile) {
      Files.deleteIfExists(local(token));
    }
  }

  private void copyHere(String token, Path file) throws IOException {
    Path part = dir.resolve(kind + "-" + token + ".part");
    try (OutputStream out = Files.newOutputStream(part)) {
      for (int seq = 0; ; seq++) {
        byte[] piece =
            dsl.fetchOptionalValue(
                    "select data from upload_stash_piece where token = ? and seq = ?", token, seq)
                .map(v -> (byte[]) v)
                .orElse(null);
        if (piece == null) {
          break;
        }
        out.write(piece);
      }
    }
    Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private Path local(String token) {
    return dir.resolve(kind + "-" + token);
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // left for the removal of old copies
    }
  }

  private static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
