package de.lagebild.web.internal;

import de.lagebild.identity.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * One way to answer an error: German problem+json for the API (and for clients that ask only for
 * JSON), the German error page otherwise. Rendering touches no database, so it works during an
 * outage.
 */
@Component
class ErrorResponses {

  /** Seconds a client should wait before trying again after a 503. */
  static final String RETRY_AFTER_SECONDS = "30";

  private final MessageSource messages;

  ErrorResponses(MessageSource messages) {
    this.messages = messages;
  }

  String text(String key, Object... args) {
    return messages.getMessage(key, args, key, Locale.GERMAN);
  }

  /** The default German text for a status without a more specific message. */
  String defaultText(int status) {
    return switch (status) {
      case 404 -> text("error.notFound");
      case 403 -> text("error.forbidden");
      case 401 -> text("error.unauthorized");
      case 405 -> text("error.methodNotAllowed");
      case 400 -> text("error.badRequest");
      case 503 -> text("error.unavailable");
      default -> text("error.generic");
    };
  }

  /** {@code path} is the path the client asked for (for an error dispatch, not "/error"). */
  Object render(
      HttpServletRequest request,
      HttpServletResponse response,
      String path,
      HttpStatus status,
      String text) {
    if (status == HttpStatus.SERVICE_UNAVAILABLE) {
      response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }
    if (wantsProblem(request, path)) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, text);
      try {
        problem.setInstance(path == null ? null : URI.create(path));
      } catch (IllegalArgumentException e) {
        problem.setInstance(null); // a path that is no valid URI is not repeated
      }
      problem.setTitle(
          messages.getMessage(
              "error.title." + status.value(), null, text("error.title"), Locale.GERMAN));
      return ResponseEntity.status(status)
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem);
    }
    ModelAndView mav = new ModelAndView("error");
    mav.setStatus(status);
    mav.addObject("status", status.value());
    mav.addObject("message", text);
    mav.addObject("currentUser", CurrentUser.get().orElse(null));
    return mav;
  }

  /** API paths, and clients that accept JSON but not HTML. */
  static boolean wantsProblem(HttpServletRequest request, String path) {
    String context = request.getContextPath();
    if (path != null && path.startsWith(context + "/api/")) {
      return true;
    }
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    return accept != null && accept.contains("json") && !accept.contains("html");
  }
}
