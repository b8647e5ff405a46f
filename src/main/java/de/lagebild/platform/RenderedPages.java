package de.lagebild.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Rendered pages and parts of pages kept for the next request (issue 19: HTML pages cost 22–35× a
 * static file in server CPU). Whole pages for visitors without login – the public search, the
 * public strategy page –, rendered once per tenant, address and revision of what they show (and
 * day) and kept gzip-compressed: such a page holds nothing about the visitor (no session; the
 * layout writes a CSRF token for logged-in users only), and the writes raise the revision, so every
 * instance renders anew after a change. Parts of pages for logged-in users (the tree of a
 * strategy), which hold nothing about the user, as text to be put into their page. The callers
 * choose the keys: they must contain every input of the page or part except the tenant, which is
 * added here.
 */
@Component
public class RenderedPages {

  public static final String PAGES = "public-pages";
  public static final String PARTS = "page-parts";

  /**
   * 16 MB of gzipped pages (a search page is about 8 KB gzipped: some 2,000 pages) and 16 MB of
   * parts (the tree of a strategy of 40 measures is about 60 KB).
   */
  @Configuration(proxyBeanMethods = false)
  static class Caches {
    /**
     * At most ten minutes per page, used or not: the keys hold the revisions of what a page shows,
     * the age bounds what they do not hold (a change of the tenant's settings).
     */
    @Bean
    CacheSpec publicPagesCache() {
      return new CacheSpec(
          PAGES,
          16L * 1024 * 1024,
          java.time.Duration.ofMinutes(30),
          java.time.Duration.ofMinutes(10));
    }

    @Bean
    CacheSpec pagePartsCache() {
      return new CacheSpec(
          PARTS,
          16L * 1024 * 1024,
          java.time.Duration.ofMinutes(30),
          java.time.Duration.ofMinutes(10));
    }
  }

  /** A rendered part and what it was rendered from (the caller's data, e.g. the tree). */
  public record Part<T>(T data, String html) {}

  private record KeptPart(Object data, String html, long weight) implements CacheSpec.Weighed {
    @Override
    public long bytes() {
      return weight;
    }
  }

  private record Cached(byte[] gzipped, String etag) implements CacheSpec.Weighed {
    @Override
    public long bytes() {
      return 16L + gzipped.length + 40 + 2L * etag.length() + 32;
    }
  }

  private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

  private final Cache cache;
  private final Cache parts;
  private final ViewResolver views;

  RenderedPages(CacheManager caches, @Qualifier("thymeleafViewResolver") ViewResolver views) {
    this.cache = Objects.requireNonNull(caches.getCache(PAGES));
    this.parts = Objects.requireNonNull(caches.getCache(PARTS));
    this.views = views;
  }

  /**
   * A part of a page: kept for {@code key}, else {@code data} is computed and {@code view} (a
   * template holding only the part) rendered with {@code model} plus {@code data} under {@code
   * name}. {@code weight}: about how many bytes the data holds.
   */
  @SuppressWarnings("unchecked")
  public <T> Part<T> part(
      String key,
      java.util.function.Supplier<T> data,
      java.util.function.ToLongFunction<T> weight,
      String name,
      String view,
      Map<String, Object> model,
      HttpServletRequest request,
      HttpServletResponse response) {
    String full = fullKey(key);
    KeptPart kept = parts.get(full, KeptPart.class);
    if (kept != null) {
      return new Part<>((T) kept.data(), kept.html());
    }
    T d = data.get();
    Map<String, Object> withData = new java.util.HashMap<>(model);
    withData.put(name, d);
    String html =
        new String(renderBytes(view, withData, request, response), StandardCharsets.UTF_8);
    parts.put(full, new KeptPart(d, html, 64 + weight.applyAsLong(d) + 40 + 2L * html.length()));
    return new Part<>(d, html);
  }

  /** A page kept earlier for {@code key}, as the answer to this request (null: none kept). */
  public ResponseEntity<byte[]> kept(String key, HttpServletRequest request) {
    Cached c = cache.get(fullKey(key), Cached.class);
    return c == null ? null : answer(c, request);
  }

  /**
   * Renders {@code view} with {@code model} for this request; with a {@code key} the page is kept
   * for the next visitors asking the same.
   */
  public ResponseEntity<byte[]> render(
      String view,
      Map<String, Object> model,
      String key,
      HttpServletRequest request,
      HttpServletResponse response) {
    byte[] html = renderBytes(view, model, request, response);
    Cached c =
        new Cached(
            gzip(html),
            "\"" + Integer.toHexString(Arrays.hashCode(html)) + "-" + html.length + "\"");
    if (key != null) {
      cache.put(fullKey(key), c);
    }
    return answer(c, request);
  }

  /** The view rendered for this request into bytes (UTF-8), nothing written to the response. */
  private byte[] renderBytes(
      String view,
      Map<String, Object> model,
      HttpServletRequest request,
      HttpServletResponse response) {
    try {
      View v = views.resolveViewName(view, Locale.GERMAN);
      ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
      Objects.requireNonNull(v, view).render(model, request, capture);
      return capture.getContentAsByteArray();
    } catch (Exception e) {
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
  }

  private static String fullKey(String key) {
    return TenantContext.require().value() + "|" + key;
  }

  private static ResponseEntity<byte[]> answer(Cached c, HttpServletRequest request) {
    String accept = request.getHeader("Accept-Encoding");
    boolean gzip = accept != null && accept.toLowerCase(Locale.ROOT).contains("gzip");
    String etag = gzip ? c.etag().substring(0, c.etag().length() - 1) + "-gzip\"" : c.etag();
    String ifNoneMatch = request.getHeader("If-None-Match");
    if (etag.equals(ifNoneMatch) || ("W/" + etag).equals(ifNoneMatch)) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
          .eTag(etag)
          .header("Vary", "Accept-Encoding")
          .build();
    }
    var ok =
        ResponseEntity.ok()
            .contentType(HTML)
            .header("Content-Language", "de")
            .header("Vary", "Accept-Encoding")
            .eTag(etag);
    return gzip
        ? ok.header("Content-Encoding", "gzip").body(c.gzipped())
        : ok.body(gunzip(c.gzipped()));
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
    try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gzipped))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
