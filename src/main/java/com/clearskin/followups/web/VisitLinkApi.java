package com.clearskin.followups.web;

import com.clearskin.booking.Slot;
import com.clearskin.followups.CheckIns;
import com.clearskin.followups.VisitLinkActions;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.JsonFields;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one-click links of the messages around a visit, without signing in: the token in the address
 * is the credential, for one purpose and one appointment, used once.
 */
@RestController
class VisitLinkApi {

    static final int REASON_MAX = 500;

    /** A link as its holder sees it. */
    record LinkView(String purpose, String state, String clinic, UUID appointmentId, String treatment,
            String treatmentName, OffsetDateTime start, String appointmentStatus, Instant expiresAt, boolean confirmed,
            int cancelHours) {
        static LinkView of(VisitLinkActions.View v) {
            return new LinkView(v.purpose(), v.state(), v.clinic().name(), v.appointmentId(), v.treatment(),
                    v.treatmentName(), v.start().atZone(v.clinic().timeZone()).toOffsetDateTime(), v.appointmentStatus(),
                    v.expiresAt(), v.confirmed(), v.cancelHours());
        }
    }

    record FreeTime(OffsetDateTime start, OffsetDateTime end) {
    }

    record FreeTimes(List<FreeTime> times) {
    }

    /** Why the client cancels, optionally. */
    record CancelBody(String reason) {
    }

    /** The free time to move to. */
    record RescheduleBody(String start) {
    }

    private final VisitLinkActions actions;
    private final JsonMapper json;

    VisitLinkApi(VisitLinkActions actions, JsonMapper json) {
        this.actions = actions;
        this.json = json;
    }

    @GetMapping("/api/v1/visit-links/{token}")
    @Operation(summary = "What an emailed one-click link is for (confirm, cancel, reschedule, check-in) and whether it still works")
    LinkView view(@PathVariable String token) {
        return LinkView.of(actions.view(token));
    }

    @PostMapping("/api/v1/visit-links/{token}/confirm")
    @Operation(summary = "The client will come (a confirm link): the staff calendar shows it; 409 link-used the second time")
    LinkView confirm(@PathVariable String token) {
        return LinkView.of(actions.confirm(token));
    }

    @PostMapping("/api/v1/visit-links/{token}/cancel")
    @Operation(summary = "Cancel the visit (a cancel link), within the clinic's cancellation notice (else 422 cancellation-notice)",
            description = "Body, optional: {\"reason\"}")
    LinkView cancel(@PathVariable String token, @RequestBody(required = false) String body) {
        String reason = body == null || body.isBlank() ? null : JsonFields.record(json, body, CancelBody.class).reason();
        if (reason != null && reason.length() > REASON_MAX) {
            throw new InvalidInputException("reason", "is text of at most " + REASON_MAX + " characters");
        }
        reason = reason == null ? null : reason.strip();
        return LinkView.of(actions.cancel(token, reason));
    }

    @GetMapping("/api/v1/visit-links/{token}/free-times")
    @Operation(summary = "The free times a reschedule link may move the visit to")
    FreeTimes freeTimes(@PathVariable String token) {
        return new FreeTimes(actions.freeTimes(token).stream().map(VisitLinkApi::time).toList());
    }

    @PostMapping("/api/v1/visit-links/{token}/reschedule")
    @Operation(summary = "Move the visit to one of the free times (a reschedule link)", description = "Body: {\"start\"}")
    LinkView reschedule(@PathVariable String token, @RequestBody(required = false) String body) {
        String start = JsonFields.record(json, body, RescheduleBody.class).start();
        if (start == null) {
            throw new InvalidInputException("start", "is required: a date and time with its offset, one of the free times");
        }
        return LinkView.of(actions.reschedule(token, instant(start)));
    }

    @PostMapping("/api/v1/check-ins/{token}")
    @Operation(summary = "A check-in from the emailed link, without signing in (same body as the portal's)",
            description = "Body: {\"redness\": 0-3, \"peeling\": bool, \"pain\": 0-10, \"swelling\": bool, \"warningSigns\": [...],"
                    + " \"note\"?}. 201 {\"id\",\"escalated\"}; 409 link-used the second time.")
    ResponseEntity<CheckIns.Recorded> checkIn(@PathVariable String token, @RequestBody(required = false) String body) {
        CheckIns.Answers answers = CheckInAnswers.read(json, body);
        return ResponseEntity.status(HttpStatus.CREATED).body(actions.checkIn(token, answers));
    }

    @PostMapping(value = "/api/v1/check-ins/{token}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "A check-in from the emailed link with a photo of the skin (multipart)",
            description = "Parts: answers (the JSON object of the plain body), photo (JPEG, PNG or WebP, optional), area "
                    + "(where the photo was taken: forehead, nose, left-cheek, ..., back; required with a photo).")
    ResponseEntity<CheckIns.Recorded> checkInWithPhoto(@PathVariable String token,
            @RequestParam(value = "answers", required = false) String answers,
            @RequestParam(value = "photo", required = false) MultipartFile photo,
            @RequestParam(value = "area", required = false) String area) {
        CheckIns.Answers read = CheckInAnswers.multipart(json, answers);
        return ResponseEntity.status(HttpStatus.CREATED).body(actions.checkIn(token, read, CheckInAnswers.photo(photo, area)));
    }

    static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("start", "is a date and time with its offset, like 2027-05-14T09:30:00+02:00");
        }
    }

    private static FreeTime time(Slot s) {
        return new FreeTime(s.start(), s.end());
    }
}
