package de.lagebild.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

  private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

  private final Cache cache;
  private final Cache parts;
  private final ViewResolver views;

  private final java.time.Clock clock;

  RenderedPages(
      CacheManager caches,
      @Qualifier("thymeleafViewResolver") ViewResolver views,
      java.time.Clock clock) {
    this.clock = clock;
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

  /**
   * A page for visitors without login (no user on the request): kept under its address (path and
   * query), the {@code revision} of what it shows, the day and the tenant's name, else {@code fill}
   * puts the page's data into {@code model} and names the view, which is rendered and kept. A
   * logged-in user's page is rendered for them and never kept (it carries their name and CSRF
   * token). The revision is read before the data, so a page is never kept under a newer revision
   * than it shows.
   */
  public ResponseEntity<byte[]> forVisitors(
      java.util.function.LongSupplier revision,
      org.springframework.ui.Model model,
      HttpServletRequest request,
      HttpServletResponse response,
      java.util.function.Supplier<String> fill) {
    return forVisitorsIf(revision, model, request, response, () -> new Fill(fill.get(), true));
  }

  /** What a page's {@code fill} did: the view to render and whether the page may be kept. */
  public record Fill(String view, boolean keep) {}

  /**
   * {@link #forVisitors}, where {@code fill} may say that this page is not to be kept (e.g. it
   * shows an older state than its key says).
   */
  public ResponseEntity<byte[]> forVisitorsIf(
      java.util.function.LongSupplier revision,
      org.springframework.ui.Model model,
      HttpServletRequest request,
      HttpServletResponse response,
      java.util.function.Supplier<Fill> fill) {
    String full =
        request.getUserPrincipal() == null
            ? fullKey(
                String.join(
                    "|",
                    request.getRequestURI(),
                    String.valueOf(request.getQueryString()),
                    String.valueOf(revision.getAsLong()),
                    String.valueOf(LocalCalendar.today(clock)),
                    TenantContext.access().map(TenantAccess::name).orElse("")))
            : null;
    if (full != null) {
      CompressedAnswer kept = cache.get(full, CompressedAnswer.class);
      if (kept != null) {
        return answer(kept, request);
      }
    }
    Fill filled = fill.get();
    CompressedAnswer page =
        CompressedAnswer.of(renderBytes(filled.view(), model.asMap(), request, response));
    if (full != null && filled.keep()) {
      cache.put(full, page);
    }
    return answer(page, request);
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

  private static ResponseEntity<byte[]> answer(CompressedAnswer page, HttpServletRequest request) {
    return page.answer(request, HTML, "Content-Language", "de");
  }
}
