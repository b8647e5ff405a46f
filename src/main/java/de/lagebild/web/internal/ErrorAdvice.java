package de.lagebild.web.internal;

import de.lagebild.platform.AccessDeniedInTenantException;
import de.lagebild.platform.ConcurrentEditException;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns domain exceptions and bad requests into a German error page, or into problem+json for the API. Unexpected
 * exceptions are left to the error page of the container (templates/error.html), which shows no stack trace.
 */
@ControllerAdvice
class ErrorAdvice {

  private final MessageSource messages;
  private final org.springframework.util.unit.DataSize maxUpload;

  ErrorAdvice(MessageSource messages,
      @org.springframework.beans.factory.annotation.Value("${spring.servlet.multipart.max-file-size:50MB}")
      org.springframework.util.unit.DataSize maxUpload) {
    this.maxUpload = maxUpload;
    this.messages = messages;
  }

  @ExceptionHandler(DomainException.class)
  Object domain(DomainException e, HttpServletRequest request, HttpServletResponse response) {
    HttpStatus status = statusOf(e);
    String text = messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), Locale.GERMAN);
    return render(request, status, text);
  }

  @ExceptionHandler({MaxUploadSizeExceededException.class})
  Object tooLarge(HttpServletRequest request) {
    return render(request, HttpStatus.CONTENT_TOO_LARGE,
        messages.getMessage("error.uploadTooLarge", new Object[] {maxUpload.toMegabytes()}, Locale.GERMAN));
  }

  @ExceptionHandler({MultipartException.class})
  Object badUpload(HttpServletRequest request) {
    return render(request, HttpStatus.BAD_REQUEST, messages.getMessage("error.badUpload", null, Locale.GERMAN));
  }

  @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
  Object badParameter(Exception e, HttpServletRequest request) {
    String name = e instanceof MissingServletRequestParameterException m ? m.getParameterName()
        : ((MethodArgumentTypeMismatchException) e).getName();
    return render(request, HttpStatus.BAD_REQUEST,
        messages.getMessage("error.badParameter", new Object[] {name}, Locale.GERMAN));
  }

  static HttpStatus statusOf(DomainException e) {
    if (e instanceof NotFoundException) {
      return HttpStatus.NOT_FOUND;
    }
    if (e instanceof AccessDeniedInTenantException) {
      return HttpStatus.FORBIDDEN;
    }
    if (e instanceof ConcurrentEditException) {
      return HttpStatus.CONFLICT;
    }
    return HttpStatus.UNPROCESSABLE_CONTENT;
  }

  private Object render(HttpServletRequest request, HttpStatus status, String text) {
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, text);
      problem.setTitle(messages.getMessage("error.title." + status.value(), null, status.getReasonPhrase(),
          Locale.GERMAN));
      return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
    ModelAndView mav = new ModelAndView("error");
    mav.setStatus(status);
    mav.addObject("status", status.value());
    mav.addObject("message", text);
    mav.addObject("currentUser", de.lagebild.identity.CurrentUser.get().orElse(null));
    return mav;
  }
}
