package de.lagebild.identity.internal.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * German problem+json from the security filters, which answer before any controller advice (an
 * unknown API token, a missing login on the API): texts from the message bundle, written by
 * Jackson.
 */
@Component
class ProblemResponses {

  private final MessageSource messages;
  private final JsonMapper json;

  ProblemResponses(MessageSource messages, JsonMapper json) {
    this.messages = messages;
    this.json = json;
  }

  void write(HttpServletResponse response, HttpStatus status, String detailKey, Object... args)
      throws IOException {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            status, messages.getMessage(detailKey, args, detailKey, Locale.GERMAN));
    problem.setTitle(
        messages.getMessage("error.title." + status.value(), null, status.name(), Locale.GERMAN));
    response.setStatus(status.value());
    response.setContentType("application/problem+json;charset=UTF-8");
    response.getWriter().write(json.writeValueAsString(problem));
  }
}
