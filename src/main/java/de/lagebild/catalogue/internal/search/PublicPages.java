package de.lagebild.catalogue.internal.search;

import de.lagebild.platform.CacheSpec;
import de.lagebild.platform.TenantContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * The public search pages as visitors without login see them, rendered once per tenant, address and
 * catalogue revision (and day) and kept gzip-compressed: a citizen's repeated or common search
 * costs a cache look-up and the bytes, not a search and a page rendering (issue 19: the page cost
 * 22–35× a static file in server CPU). Such a page holds nothing about the visitor – no session, no
 * CSRF token (the layout writes one for logged-in users only) – and a write to the catalogue raises
 * the revision, so every instance renders anew after it. Logged-in users get the page rendered for
 * them, never from or into the cache.
 */
@Component
class PublicPages {

  static final String CACHE = "public-pages";

  /** 16 MB of gzipped pages (a search page is about 8 KB gzipped: some 2,000 pages). */
  @Configuration(proxyBeanMethods = false)
  static class Caches {
    @Bean
    CacheSpec publicPagesCache() {
      return new CacheSpec(CACHE, 16L * 1024 * 1024, java.time.Duration.ofMinutes(30));
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
  private final ThymeleafViewResolver views;

  PublicPages(CacheManager caches, ThymeleafViewResolver views) {
    this.cache = Objects.requireNonNull(caches.getCache(CACHE));
    this.views = views;
  }

  /** A page kept earlier for {@code key}, as the answer to this request (null: none kept). */
  ResponseEntity<byte[]> kept(String key, HttpServletRequest request) {
    Cached c = cache.get(fullKey(key), Cached.class);
    return c == null ? null : answer(c, request);
  }

  /**
   * Renders {@code view} with {@code model} for this request; with a {@code key} the page is kept
   * for the next visitors asking the same.
   */
  ResponseEntity<byte[]> render(
      String view,
      Map<String, Object> model,
      String key,
      HttpServletRequest request,
      HttpServletResponse response) {
    byte[] html;
    try {
      View v = views.resolveViewName(view, Locale.GERMAN);
      ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
      Objects.requireNonNull(v, view).render(model, request, capture);
      html = capture.getContentAsByteArray();
    } catch (Exception e) {
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
    Cached c =
        new Cached(
            gzip(html),
            "\"" + Integer.toHexString(Arrays.hashCode(html)) + "-" + html.length + "\"");
    if (key != null) {
      cache.put(fullKey(key), c);
    }
    return answer(c, request);
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
