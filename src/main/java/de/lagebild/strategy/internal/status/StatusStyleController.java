package de.lagebild.strategy.internal.status;

import de.lagebild.platform.AllowPublic;
import de.lagebild.strategy.internal.store.Rows.StatusOptionRow;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The colours of the tenant's status catalogue as a stylesheet, so that pages need no inline styles
 * (CSP). Colour is an addition: every status also shows its symbol and label.
 */
@Controller
class StatusStyleController {

  private final StatusCatalogue statuses;

  StatusStyleController(StatusCatalogue statuses) {
    this.statuses = statuses;
  }

  @GetMapping("/{tenant}/status.css")
  @AllowPublic
  ResponseEntity<String> css(@PathVariable("tenant") String tenant) {
    StringBuilder css = new StringBuilder();
    for (StatusOptionRow s : statuses.all()) {
      if (!s.colour().matches("#[0-9a-fA-F]{6}") || !s.code().matches("[A-Z_]+")) {
        continue;
      }
      css.append(".badge.status-")
          .append(s.code())
          .append(" { border-color: ")
          .append(s.colour())
          .append("; color: ")
          .append(s.colour())
          .append("; }\n");
      css.append(".chart-bar .seg.status-")
          .append(s.code())
          .append(" { background: ")
          .append(s.colour())
          .append("; }\n");
    }
    return ResponseEntity.ok()
        .contentType(MediaType.valueOf("text/css;charset=UTF-8"))
        .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)))
        .body(css.toString());
  }
}
