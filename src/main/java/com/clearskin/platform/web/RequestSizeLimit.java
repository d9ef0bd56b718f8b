package com.clearskin.platform.web;

import com.clearskin.platform.RequestIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses an API request body larger than {@code clearskin.api.max-body-bytes} with 413 and a problem
 * body, and a form (any other request but an upload) larger than {@code clearskin.web.max-form-bytes}
 * with 413 and the error page, before anything reads it (so before the CSRF check and the sign-in):
 * by its Content-Length when it sends one, otherwise (chunked) by
 * counting the bytes as they arrive, keeping at most the limit in memory.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeLimit extends OncePerRequestFilter {

    /**
     * A consent signature may carry a drawn signature (a PNG of up to 200 KB, a third larger in
     * base64), so its address takes up to 1 MB: an image over 200 KB is then a 400 naming
     * {@code signatureImage}, not a 413.
     */
    static final java.util.regex.Pattern SIGNING = java.util.regex.Pattern.compile(
            "^/api/v1/clinics/[^/]+/appointments/[^/]+/consents$");
    static final long SIGNING_MAX_BYTES = 1024 * 1024;

    /**
     * A client's photo (issue 16) is up to 25 MB, uploaded to the API or from the photos page: those
     * two addresses take up to 26 MB (spring.servlet.multipart.max-file-size / max-request-size are
     * 25 MB / 26 MB for them); every other upload (multipart) keeps the 12 MB it had before.
     */
    static final java.util.regex.Pattern PHOTO_UPLOAD = java.util.regex.Pattern.compile(
            "^/(api/v1|app)/clinics/[^/]+/clients/[^/]+/photos$");
    static final long PHOTO_MAX_BYTES = 26L * 1024 * 1024;
    static final long OTHER_UPLOAD_MAX_BYTES = 12L * 1024 * 1024;

    private final long maxBytes;
    private final long maxFormBytes;
    private final JsonMapper json;

    RequestSizeLimit(ApiSettings settings, WebSettings web, JsonMapper json) {
        this.maxBytes = settings.maxBodyBytes();
        this.maxFormBytes = web.maxFormBytes();
        this.json = json;
    }

    private static boolean multipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().startsWith("multipart/");
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean photo = PHOTO_UPLOAD.matcher(path(request)).matches() && multipart(request);
        if (!ErrorHandling.isApi(request) && multipart(request)) {
            if (request.getContentLengthLong() > (photo ? PHOTO_MAX_BYTES : OTHER_UPLOAD_MAX_BYTES)) {
                response.setHeader("Connection", "close");
                response.sendError(413);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        if (!ErrorHandling.isApi(request)) {
            limitForm(request, response, chain);
            return;
        }
        long declared = request.getContentLengthLong();
        long limit = SIGNING.matcher(path(request)).matches() ? Math.max(maxBytes, SIGNING_MAX_BYTES)
                : photo ? Math.max(maxBytes, PHOTO_MAX_BYTES) : maxBytes;
        if (declared > limit) {
            refuse(request, response);
            return;
        }
        if (declared < 0 && request.getHeader("Transfer-Encoding") != null) {
            byte[] body = readAtMost(request.getInputStream(), limit);
            if (body == null) {
                refuse(request, response);
                return;
            }
            chain.doFilter(new BufferedBody(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private void limitForm(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        // Browsers always declare a form's length. A chunked form is left to the container, which parses
        // at most server.tomcat.max-http-form-post-size of it: buffering it here would hide it from the
        // container's own parameter parsing.
        if (declared > maxFormBytes) {
            response.setHeader("Connection", "close");
            response.sendError(413);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The whole body, or null when it is longer than {@code limit}. */
    static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n; (n = in.read(buffer)) != -1; ) {
            total += n;
            if (total > limit) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ErrorHandling.PROBLEM_BASE + "content-too-large");
        problem.put("title", "Content too large");
        problem.put("status", 413);
        problem.put("detail", "The request body is larger than " + maxBytes + " bytes.");
        problem.put("instance", request.getRequestURI());
        problem.put(RequestIds.KEY, RequestIds.of(request));
        response.setStatus(413);
        response.setHeader("Connection", "close");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.writeValueAsString(problem));
    }

    /** A request whose body has already been read into memory. */
    private static final class BufferedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    // The whole body is already here: it is available at once, and then all read.
                    try {
                        listener.onDataAvailable();
                        listener.onAllDataRead();
                    } catch (java.io.IOException e) {
                        listener.onError(e);
                    }
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = StandardCharsets.UTF_8;
            try {
                charset = encoding == null ? charset : Charset.forName(encoding);
            } catch (IllegalArgumentException e) {
                // an unknown charset reads as UTF-8, as JSON is
            }
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}
