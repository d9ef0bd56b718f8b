package com.clearskin.platform.web;

import com.clearskin.platform.RequestIds;
import com.clearskin.platform.ConflictException;
import com.clearskin.platform.ContentTooLargeException;
import com.clearskin.platform.ForbiddenException;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.InvalidInputException.Violation;
import com.clearskin.platform.NotFoundException;
import com.clearskin.platform.RuleRefusedException;
import io.micrometer.core.instrument.MeterRegistry;
import com.clearskin.platform.TooManyRequestsException;
import com.clearskin.platform.UnauthenticatedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;

/**
 * Every error mapped once: API requests ({@code /api/...}) get an {@code application/problem+json}
 * body naming each offending field; pages get an error page that says what to do next.
 */
@ControllerAdvice
@Order(0)
class ErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);
    static final String PROBLEM_BASE = "https://clearskin.app/problems/";

    private final MeterRegistry metrics;

    ErrorHandling(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    @ExceptionHandler({NotFoundException.class, NoResourceFoundException.class, NoHandlerFoundException.class})
    Object notFound(Exception e, HttpServletRequest request) {
        String detail = e instanceof NotFoundException ? e.getMessage() : "Nothing is at " + request.getRequestURI() + ".";
        return respond(request, HttpStatus.NOT_FOUND, "not-found", "Not found", detail, List.of());
    }

    @ExceptionHandler(InvalidInputException.class)
    Object invalid(InvalidInputException e, HttpServletRequest request) {
        return badRequest(request, e.violations());
    }

    @ExceptionHandler(BindException.class)
    Object bind(BindException e, HttpServletRequest request) {
        List<Violation> violations = new ArrayList<>();
        e.getFieldErrors().forEach(f -> violations.add(new Violation(f.getField(), bindReason(f))));
        e.getGlobalErrors().forEach(g -> violations.add(new Violation(g.getObjectName(), g.getDefaultMessage())));
        return badRequest(request, violations);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    Object methodValidation(HandlerMethodValidationException e, HttpServletRequest request) {
        List<Violation> violations = new ArrayList<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err ->
                violations.add(new Violation(r.getMethodParameter().getParameterName(), err.getDefaultMessage()))));
        return badRequest(request, violations);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    Object constraint(ConstraintViolationException e, HttpServletRequest request) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Violation(lastNode(v.getPropertyPath().toString()), v.getMessage())).toList();
        return badRequest(request, violations);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    Object typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return badRequest(request, List.of(new Violation(e.getName(), "'" + e.getValue() + "' is not valid"
                + (e.getRequiredType() == null ? "" : "; it must be " + JsonProblems.describe(e.getRequiredType())))));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    Object missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return badRequest(request, List.of(new Violation(e.getParameterName(), "is required")));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    Object missingHeader(MissingRequestHeaderException e, HttpServletRequest request) {
        return badRequest(request, List.of(new Violation(e.getHeaderName(), "header is required")));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    Object unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return badRequest(request, JsonProblems.violations(e));
    }

    /**
     * A JSON body read by hand ({@code json.readTree(body)} or bound to a record) that a rule of
     * {@link InputJsonModule} refused, or with a number out of its field's range or too long to read.
     */
    @ExceptionHandler({DatabindException.class, StreamReadException.class, StreamConstraintsException.class})
    Object unreadableJson(JacksonException e, HttpServletRequest request) {
        return badRequest(request, JsonProblems.violations(e));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return respond(request, HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed",
                request.getMethod() + " is not supported here; use " + e.getSupportedHttpMethods() + ".", List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    Object mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return respond(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
                "Send " + e.getSupportedMediaTypes() + ".", List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    Object notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return respond(request, HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable",
                "This resource is available as application/json.", List.of());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return respond(request, HttpStatus.CONTENT_TOO_LARGE, "content-too-large", "Content too large",
                "The upload is larger than allowed.", List.of());
    }

    @ExceptionHandler(ContentTooLargeException.class)
    Object tooLarge(ContentTooLargeException e, HttpServletRequest request) {
        return respond(request, HttpStatus.CONTENT_TOO_LARGE, "content-too-large", "Content too large",
                e.field() + ": " + e.getMessage(), List.of(new Violation(e.field(), e.getMessage())));
    }

    @ExceptionHandler(ConflictException.class)
    Object conflict(ConflictException e, HttpServletRequest request) {
        if (isApi(request) && !e.properties().isEmpty()) {
            ProblemDetail problem = problem(request, HttpStatus.CONFLICT, e.type(), "Conflict", e.getMessage(), List.of());
            e.properties().forEach(problem::setProperty);
            return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        return respond(request, HttpStatus.CONFLICT, e.type(), "Conflict", e.getMessage(), List.of());
    }

    @ExceptionHandler(RuleRefusedException.class)
    Object ruleRefused(RuleRefusedException e, HttpServletRequest request) {
        metrics.counter("clearskin.refusals", "rule", e.rule() == null ? "none" : e.rule()).increment();
        if (!isApi(request)) {
            return respond(request, HttpStatus.UNPROCESSABLE_CONTENT, "rule-refused", "Not allowed by a treatment rule",
                    e.getMessage() + (e.allowedFrom() == null ? "" : " First allowed on " + e.allowedFrom() + "."),
                    List.of());
        }
        ProblemDetail problem = problem(request, HttpStatus.UNPROCESSABLE_CONTENT, "rule-refused",
                "Not allowed by a treatment rule", e.getMessage(), List.of());
        problem.setProperty("rule", e.rule());
        problem.setProperty("allowedFrom", e.allowedFrom() == null ? null : e.allowedFrom().toString());
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(TooManyRequestsException.class)
    Object tooMany(TooManyRequestsException e, HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
        return respond(request, HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests",
                e.detail() != null ? e.detail()
                        : "You have sent too many requests in a short time. Please try again in " + e.retryAfterSeconds()
                        + (e.retryAfterSeconds() == 1 ? " second." : " seconds."), List.of());
    }

    @ExceptionHandler(UnauthenticatedException.class)
    Object unauthenticated(UnauthenticatedException e, HttpServletRequest request) {
        return respond(request, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", e.getMessage(), List.of());
    }

    @ExceptionHandler(ForbiddenException.class)
    Object forbidden(ForbiddenException e, HttpServletRequest request) {
        return respond(request, HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage(), List.of());
    }

    @ExceptionHandler(Exception.class)
    Object unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof AccessDeniedException) {
            return respond(request, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "Your role does not allow this.", List.of());
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(request, HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Something went wrong",
                "The request could not be completed. Nothing was changed; please try again.", List.of());
    }

    private Object badRequest(HttpServletRequest request, List<Violation> violations) {
        String detail = violations.isEmpty() ? "The request is invalid."
                : violations.stream().map(v -> v.field() + ": " + v.reason()).reduce((a, b) -> a + "; " + b).orElseThrow();
        return respond(request, HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", detail, violations);
    }

    static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/");
    }

    Object respond(HttpServletRequest request, HttpStatus status, String type, String title, String detail,
            List<Violation> violations) {
        if (isApi(request)) {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem(request, status, type, title, detail, violations));
        }
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("title", title);
        page.addObject("detail", detail);
        page.addObject("violations", violations);
        page.addObject("requestId", RequestIds.of(request));
        return page;
    }

    static ProblemDetail problem(HttpServletRequest request, HttpStatus status, String type, String title,
            String detail, List<Violation> violations) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(PROBLEM_BASE + type));
        problem.setTitle(title);
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty(RequestIds.KEY, RequestIds.of(request));
        if (!violations.isEmpty()) {
            problem.setProperty("errors", violations.stream()
                    .map(v -> Map.of("field", v.field(), "reason", v.reason())).toList());
        }
        return problem;
    }

    private static String describe(String message, String code) {
        return message != null ? message : code;
    }

    /** A value that could not be converted says what was expected, never the converter's exception. */
    private static String bindReason(org.springframework.validation.FieldError f) {
        if (f.isBindingFailure()) {
            Class<?> type = f.contains(org.springframework.beans.TypeMismatchException.class)
                    ? f.unwrap(org.springframework.beans.TypeMismatchException.class).getRequiredType() : null;
            return "'" + f.getRejectedValue() + "' is not valid" + (type == null ? "" : "; it must be "
                    + JsonProblems.describe(type));
        }
        return describe(f.getDefaultMessage(), f.getCode());
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
