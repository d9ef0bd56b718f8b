package com.clearskin.calendar.web;

import com.clearskin.calendar.CalendarFeeds;
import com.clearskin.platform.NotFoundException;
import io.swagger.v3.oas.annotations.Hidden;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public address of a calendar feed, {@code /calendar/{token}.ics}, for calendar apps to
 * subscribe to. The token is the credential; an unknown or revoked one answers 404. Calendars poll:
 * the answer may be kept 15 minutes by the caller only (never by a shared cache), and a poll with
 * the last ETag gets 304 while nothing changed.
 */
@RestController
@Hidden
class CalendarFeedDownload {

    static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final CalendarFeeds feeds;

    CalendarFeedDownload(CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    @GetMapping("/calendar/{token}.ics")
    ResponseEntity<byte[]> feed(@PathVariable String token,
            @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch) {
        CalendarFeeds.Rendered rendered = feeds.render(token)
                .orElseThrow(() -> new NotFoundException("No calendar at this address: it may have been revoked."));
        byte[] body = rendered.text().getBytes(StandardCharsets.UTF_8);
        String etag = "\"" + sha256(body) + "\"";
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.OK)
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(15)).cachePrivate().mustRevalidate())
                .eTag(etag)
                .header("X-Robots-Tag", "noindex")
                .header("Referrer-Policy", "no-referrer");
        if (ifNoneMatch != null && ifNoneMatch.contains(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .cacheControl(CacheControl.maxAge(Duration.ofMinutes(15)).cachePrivate().mustRevalidate())
                    .eTag(etag).build();
        }
        if (rendered.lastModified() != null) {
            answer.lastModified(rendered.lastModified());
        }
        return answer.contentType(TEXT_CALENDAR)
                .header("Content-Disposition", "inline; filename=\"clearskin.ics\"")
                .body(body);
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
