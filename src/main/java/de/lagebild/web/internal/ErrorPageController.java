package de.lagebild.web.internal;

import de.lagebild.platform.AllowPublic;
import de.lagebild.platform.DatabaseOutage;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The container's error dispatch ({@code /error}): whatever went wrong outside a handler – a
 * filter, the firewall, an unknown path, an exception no advice took – is answered in German, as
 * the error page or as problem+json for the API, never with the framework's English default body.
 * Replaces Spring Boot's {@code BasicErrorController}.
 */
@Controller
class ErrorPageController implements ErrorController {

  private final ErrorResponses errors;

  ErrorPageController(ErrorResponses errors) {
    this.errors = errors;
  }

  @RequestMapping("/error")
  @AllowPublic
  Object error(HttpServletRequest request, HttpServletResponse response) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    Throwable exception = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    HttpStatus status = HttpStatus.resolve(code instanceof Integer i ? i : 500);
    if (status == null || status.value() < 400) {
      status = HttpStatus.INTERNAL_SERVER_ERROR;
    }
    if (DatabaseOutage.causedBy(exception)) {
      status = HttpStatus.SERVICE_UNAVAILABLE;
    }
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uri instanceof String s ? s : request.getRequestURI();
    return errors.render(request, response, path, status, errors.defaultText(status.value()));
  }
}
