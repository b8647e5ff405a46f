package de.lagebild.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An answer kept gzip-compressed once (about a fifth of the bytes), with its ETag: a client that
 * accepts gzip gets the kept bytes as they are (with an ETag of its own), any other the unpacked
 * ones; a client that knows the ETag gets a 304. Used by the kept map data and the kept pages.
 */
public record CompressedAnswer(byte[] gzipped, String etag) implements CacheSpec.Weighed {

  /** Compresses {@code body} and gives it an ETag from its content. */
  public static CompressedAnswer of(byte[] body) {
    return new CompressedAnswer(
        gzip(body), "\"" + Integer.toHexString(Arrays.hashCode(body)) + "-" + body.length + "\"");
  }

  @Override
  public long bytes() {
    return 16L + gzipped.length + 40 + 2L * etag.length() + 32;
  }

  /** The answer to {@code request}, as {@code type}, with the given further headers. */
  public ResponseEntity<byte[]> answer(
      HttpServletRequest request, MediaType type, String... headers) {
    String accept = request.getHeader("Accept-Encoding");
    boolean gzip = accept != null && accept.toLowerCase(Locale.ROOT).contains("gzip");
    // one representation per encoding: the gzip one has its own ETag
    String tag = gzip ? etag.substring(0, etag.length() - 1) + "-gzip\"" : etag;
    String ifNoneMatch = request.getHeader("If-None-Match");
    if (tag.equals(ifNoneMatch) || ("W/" + tag).equals(ifNoneMatch)) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
          .eTag(tag)
          .header("Vary", "Accept-Encoding")
          .build();
    }
    var ok = ResponseEntity.ok().contentType(type).eTag(tag).header("Vary", "Accept-Encoding");
    for (int i = 0; i + 1 < headers.length; i += 2) {
      ok = ok.header(headers[i], headers[i + 1]);
    }
    return gzip ? ok.header("Content-Encoding", "gzip").body(gzipped) : ok.body(gunzip(gzipped));
  }

  static byte[] gzip(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] gunzip(byte[] gzipped) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
