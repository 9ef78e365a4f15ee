package app.roster.api;

import app.roster.security.SecurityEvents;
import app.roster.shared.InvalidEmailAddressException;
import app.roster.shared.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every exception of a request under {@code /api}, answered as a problem document before any page advice sees
 * it: a rule's {@link Refusal} by its kind (404, 403, 409, and 422 with the field), bean validation 400 with
 * the fields, an unknown or mistyped JSON property 400, malformed JSON 400, a too-large body 413, 405, 406, 415,
 * an unknown route 404, and anything else 500, logged here with its stack trace and never shown.
 */
final class ApiExceptionResolver implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionResolver.class);

    private final ApiProblems problems;
    private final SecurityEvents securityEvents;

    ApiExceptionResolver(ApiProblems problems, SecurityEvents securityEvents) {
        this.problems = problems;
        this.securityEvents = securityEvents;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception exception) {
        if (!ApiPaths.isApi(request)) {
            return null;
        }
        try {
            problems.write(response, problem(request, response, exception));
        } catch (IOException gone) {
            log.debug("Could not write the problem of {}: {}", request.getRequestURI(), gone.toString());
        }
        return new ModelAndView();
    }

    private ApiProblem problem(HttpServletRequest request, HttpServletResponse response, Exception exception) {
        Locale locale = problems.locale(request);
        return switch (exception) {
            case Refusal refusal -> refusal(request, refusal, locale);
            // An address a use case was handed unchecked: the rule it breaks, on the email field.
            case InvalidEmailAddressException invalid -> refusal(request,
                    new Refusal(Refusal.Kind.INVALID, invalid.messageKey(), "email"), locale);
            case MissingScope missing -> problems.of(request, HttpStatus.FORBIDDEN, "missing-scope",
                    missing.required().stream().map(Scope::key).collect(Collectors.joining(", ")));
            case BindException invalid -> problems.of(request, HttpStatus.BAD_REQUEST, "validation", "validation",
                    problems.message("api.problem.validation.detail", null, locale),
                    invalid.getFieldErrors().stream().map(error -> fieldProblem(error, locale)).toList());
            case HandlerMethodValidationException invalid -> problems.of(request, HttpStatus.BAD_REQUEST, "validation",
                    "validation", problems.message("api.problem.validation.detail", null, locale),
                    invalid.getParameterValidationResults().stream().flatMap(result -> result.getResolvableErrors()
                            .stream().map(error -> new ApiProblem.FieldProblem(result.getMethodParameter()
                                    .getParameterName(), message(error, locale)))).toList());
            case HttpMessageNotReadableException unreadable -> unreadable(request, unreadable, locale);
            case HttpRequestMethodNotSupportedException method -> {
                Set<HttpMethod> allowed = method.getSupportedHttpMethods();
                if (allowed != null) {
                    response.setHeader(HttpHeaders.ALLOW,
                            allowed.stream().map(HttpMethod::name).collect(Collectors.joining(", ")));
                }
                yield problems.of(request, HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", method.getMethod());
            }
            case HttpMediaTypeNotAcceptableException notAcceptable ->
                    problems.of(request, HttpStatus.NOT_ACCEPTABLE, "not-acceptable");
            case HttpMediaTypeNotSupportedException unsupported -> {
                response.setHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE);
                yield problems.of(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type");
            }
            case NoResourceFoundException noRoute -> problems.of(request, HttpStatus.NOT_FOUND, "no-route");
            case NoHandlerFoundException noRoute -> problems.of(request, HttpStatus.NOT_FOUND, "no-route");
            // An id in the path that cannot be one answers like an id that does not exist.
            case MethodArgumentTypeMismatchException mismatch when mismatch.getParameter()
                    .hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class) ->
                    problems.of(request, HttpStatus.NOT_FOUND, "not-found");
            case TypeMismatchException mismatch -> problems.of(request, HttpStatus.BAD_REQUEST, "invalid-request",
                    "invalid-request", problems.message("api.problem.invalid-request.detail", null, locale),
                    List.of(new ApiProblem.FieldProblem(mismatch.getPropertyName(),
                            problems.message("api.problem.field.type", null, locale))));
            case ServletRequestBindingException binding -> problems.of(request, HttpStatus.BAD_REQUEST,
                    "invalid-request");
            case AccessDeniedException denied -> problems.of(request, HttpStatus.FORBIDDEN, "forbidden");
            case ErrorResponse error -> byStatus(request, HttpStatus.valueOf(error.getStatusCode().value()));
            default -> {
                log.error("Unexpected failure of {} {}", request.getMethod(), request.getRequestURI(), exception);
                yield problems.of(request, HttpStatus.INTERNAL_SERVER_ERROR, "server-error");
            }
        };
    }

    /** A rule said no: its message in the client's language, its key as the code, its field as the error. */
    private ApiProblem refusal(HttpServletRequest request, Refusal refusal, Locale locale) {
        String detail = problems.message(refusal.messageKey(), refusal.arguments(), locale);
        return switch (refusal.kind()) {
            case NOT_FOUND -> {
                securityEvents.notFound();
                yield problems.of(request, HttpStatus.NOT_FOUND, "not-found");
            }
            case FORBIDDEN -> problems.of(request, HttpStatus.FORBIDDEN, "forbidden", refusal.messageKey(), detail,
                    null);
            case CONFLICT -> problems.of(request, HttpStatus.CONFLICT, "conflict", refusal.messageKey(), detail, null);
            case INVALID -> problems.of(request, HttpStatus.UNPROCESSABLE_CONTENT, "rule-refused",
                    refusal.messageKey(), detail, refusal.field() == null ? null
                            : List.of(new ApiProblem.FieldProblem(refusal.field(), detail)));
        };
    }

    private ApiProblem unreadable(HttpServletRequest request, HttpMessageNotReadableException unreadable,
            Locale locale) {
        for (Throwable cause = unreadable; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimit.BodyTooLarge) {
                return problems.of(request, HttpStatus.CONTENT_TOO_LARGE, "too-large",
                        request.getAttribute(RequestBodyLimit.class.getName()));
            }
        }
        for (Throwable cause = unreadable; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnrecognizedPropertyException unknown) {
                return problems.of(request, HttpStatus.BAD_REQUEST, "unknown-field", "unknown-field",
                        problems.message("api.problem.unknown-field.detail", null, locale),
                        List.of(new ApiProblem.FieldProblem(path(unknown),
                                problems.message("api.problem.field.unknown", null, locale))));
            }
            if (cause instanceof DatabindException mistyped && !mistyped.getPath().isEmpty()) {
                return problems.of(request, HttpStatus.BAD_REQUEST, "invalid-request", "invalid-request",
                        problems.message("api.problem.invalid-request.detail", null, locale),
                        List.of(new ApiProblem.FieldProblem(path(mistyped),
                                problems.message("api.problem.field.type", null, locale))));
            }
        }
        return problems.of(request, HttpStatus.BAD_REQUEST, "malformed");
    }

    /** {@code checks[2].permission}, as the client wrote it. */
    private static String path(DatabindException exception) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : exception.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private ApiProblem byStatus(HttpServletRequest request, HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> problems.of(request, status, "no-route");
            case CONFLICT -> problems.of(request, status, "conflict");
            case PRECONDITION_FAILED -> problems.of(request, status, "precondition-failed");
            case PRECONDITION_REQUIRED -> problems.of(request, status, "precondition-required");
            case CONTENT_TOO_LARGE -> problems.of(request, status, "too-large",
                    request.getAttribute(RequestBodyLimit.class.getName()));
            default -> status.is5xxServerError() ? problems.of(request, HttpStatus.INTERNAL_SERVER_ERROR, "server-error")
                    : problems.of(request, status, "invalid-request");
        };
    }

    private ApiProblem.FieldProblem fieldProblem(FieldError error, Locale locale) {
        return new ApiProblem.FieldProblem(error.getField(), message(error, locale));
    }

    private String message(MessageSourceResolvable error, Locale locale) {
        String[] codes = error.getCodes();
        String key = codes == null || codes.length == 0 ? "" : codes[codes.length - 1];
        String fallback = error.getDefaultMessage() == null ? key : error.getDefaultMessage();
        for (String code : codes == null ? new String[0] : codes) {
            String found = problems.message(code, error.getArguments(), locale);
            if (!found.equals(code)) {
                return found;
            }
        }
        return fallback;
    }
}
