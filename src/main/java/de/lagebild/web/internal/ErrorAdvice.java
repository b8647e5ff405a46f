package de.lagebild.web.internal;

import de.lagebild.platform.AccessDeniedInTenantException;
import de.lagebild.platform.ConcurrentEditException;
import de.lagebild.platform.DatabaseOutage;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.TransactionException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns domain exceptions, bad requests and database outages into a German error page, or into
 * German problem+json for the API. What escapes these handlers reaches {@link ErrorPageController},
 * which answers the same way and never shows a stack trace.
 */
@ControllerAdvice
class ErrorAdvice {

  private final ErrorResponses errors;
  private final DataSize maxUpload;

  ErrorAdvice(
      ErrorResponses errors,
      org.springframework.boot.servlet.autoconfigure.MultipartProperties multipart) {
    this.maxUpload = multipart.getMaxFileSize();
    this.errors = errors;
  }

  @ExceptionHandler(DomainException.class)
  Object domain(DomainException e, HttpServletRequest request, HttpServletResponse response) {
    return render(request, response, statusOf(e), errors.text(e.messageKey(), e.arguments()));
  }

  @ExceptionHandler({MaxUploadSizeExceededException.class})
  Object tooLarge(HttpServletRequest request, HttpServletResponse response) {
    return render(
        request,
        response,
        HttpStatus.CONTENT_TOO_LARGE,
        errors.text("error.uploadTooLarge", maxUpload.toMegabytes()));
  }

  @ExceptionHandler({MultipartException.class})
  Object badUpload(HttpServletRequest request, HttpServletResponse response) {
    return render(request, response, HttpStatus.BAD_REQUEST, errors.text("error.badUpload"));
  }

  @ExceptionHandler({MissingServletRequestPartException.class})
  Object missingPart(
      MissingServletRequestPartException e,
      HttpServletRequest request,
      HttpServletResponse response) {
    return render(
        request,
        response,
        HttpStatus.BAD_REQUEST,
        errors.text("error.missingPart", e.getRequestPartName()));
  }

  @ExceptionHandler({
    MissingServletRequestParameterException.class,
    MethodArgumentTypeMismatchException.class
  })
  Object badParameter(Exception e, HttpServletRequest request, HttpServletResponse response) {
    String name =
        e instanceof MissingServletRequestParameterException m
            ? m.getParameterName()
            : ((MethodArgumentTypeMismatchException) e).getName();
    return render(
        request, response, HttpStatus.BAD_REQUEST, errors.text("error.badParameter", name));
  }

  @ExceptionHandler(NoResourceFoundException.class)
  Object noResource(HttpServletRequest request, HttpServletResponse response) {
    return render(request, response, HttpStatus.NOT_FOUND, errors.text("error.notFound"));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  Object method(HttpServletRequest request, HttpServletResponse response) {
    return render(
        request, response, HttpStatus.METHOD_NOT_ALLOWED, errors.text("error.methodNotAllowed"));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  Object mediaType(HttpServletRequest request, HttpServletResponse response) {
    return render(
        request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, errors.text("error.mediaType"));
  }

  /**
   * The database cannot be reached: 503 with Retry-After; other database errors stay internal
   * errors.
   */
  @ExceptionHandler({
    DataAccessException.class,
    org.jooq.exception.DataAccessException.class,
    TransactionException.class
  })
  Object database(RuntimeException e, HttpServletRequest request, HttpServletResponse response) {
    if (!DatabaseOutage.causedBy(e)) {
      throw e;
    }
    return render(
        request, response, HttpStatus.SERVICE_UNAVAILABLE, errors.text("error.unavailable"));
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

  private Object render(
      HttpServletRequest request, HttpServletResponse response, HttpStatus status, String text) {
    return errors.render(request, response, request.getRequestURI(), status, text);
  }
}
