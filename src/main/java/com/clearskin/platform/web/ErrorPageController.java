package com.clearskin.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors that happen outside a controller (a filter, the container) land here and are answered in
 * the same shapes as {@link ErrorHandling}: a problem body for the API, a page for people.
 */
@Controller
class ErrorPageController implements ErrorController {

    private final ErrorHandling errors;

    ErrorPageController(ErrorHandling errors) {
        this.errors = errors;
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // Asked for directly (no error was forwarded here), /error is an address like any other that has nothing.
        HttpStatus status = HttpStatus.resolve(code instanceof Integer i ? i : 404);
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        HttpServletRequest original = uri instanceof String path ? new OriginalPath(request, path) : request;
        Object explained = request.getAttribute("clearskin.error.detail");
        String detail = explained instanceof String text ? text : switch (status) {
            case NOT_FOUND -> "Nothing is at " + original.getRequestURI() + ".";
            case CONTENT_TOO_LARGE -> "The request body is too large.";
            case BAD_REQUEST -> "The request could not be understood.";
            default -> status.is5xxServerError()
                    ? "The request could not be completed. Nothing was changed; please try again."
                    : status.getReasonPhrase() + ".";
        };
        return errors.respond(original, status, slug(status), status.getReasonPhrase(), detail, List.of());
    }

    private static String slug(HttpStatus status) {
        return status.getReasonPhrase().toLowerCase().replace(' ', '-');
    }

    private static final class OriginalPath extends jakarta.servlet.http.HttpServletRequestWrapper {
        private final String path;

        OriginalPath(HttpServletRequest request, String path) {
            super(request);
            this.path = path;
        }

        @Override
        public String getRequestURI() {
            return path;
        }
    }
}
