package com.clearskin.booking.web;

import com.clearskin.accounts.Accounts;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.booking.Availability;
import com.clearskin.booking.Slot;
import com.clearskin.clinics.Clinic;
import com.clearskin.clinics.Clinics;
import com.clearskin.platform.Ids;
import com.clearskin.platform.InputRules;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.NotFoundException;
import com.clearskin.platform.RateLimiter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * A clinic's free times for a treatment. Readable without signing in, for the clinic's public
 * booking page; a caller who is not a member of the clinic is rate limited per address.
 */
@RestController
@Tag(name = "Availability", description = "Free start times of a treatment at a clinic")
class AvailabilityApi {

    record SlotView(String start, String end, UUID practitionerId, UUID roomId, List<UUID> deviceIds) {

        static SlotView of(Slot slot) {
            return new SlotView(slot.start().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                    slot.end().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), slot.practitionerId(), slot.roomId(),
                    slot.deviceIds());
        }
    }

    record AvailabilityView(String clinic, String timeZone, String treatment, String from, String to,
            List<SlotView> slots) {
    }

    record DayView(String date, boolean free, int starts) {
    }

    record DaysView(String clinic, String timeZone, String treatment, String from, String to, List<DayView> days) {
    }

    /** What both searches were asked, checked. */
    private record Question(Clinic clinic, String treatment, LocalDate first, LocalDate last, UUID practitioner) {
    }

    private final Clinics clinics;
    private final ClinicAccess access;
    private final Accounts accounts;
    private final Availability availability;
    private final RateLimiter limiter;
    private final Clock clock;
    private final JsonMapper json;

    AvailabilityApi(Clinics clinics, ClinicAccess access, Accounts accounts, Availability availability,
            AvailabilityLimitSettings limits, Clock clock, JsonMapper json) {
        this.json = json;
        this.clinics = clinics;
        this.access = access;
        this.accounts = accounts;
        this.availability = availability;
        this.limiter = new RateLimiter(new RateLimiter.Limits(limits.capacity(), limits.refillPerMinute(),
                limits.maxClients()));
        this.clock = clock;
    }

    @GetMapping("/api/v1/clinics/{slug}/availability")
    @Operation(summary = "Free start times of a treatment (public; rate limited for non-members)",
            description = "Every start on the clinic's slot grid, in its time zone, at which a qualified practitioner, "
                    + "a suitable room and the devices are free for the treatment with its buffers; not sooner than the "
                    + "clinic's least notice, not beyond its booking horizon. Times are ISO-8601 with the clinic's offset "
                    + "on that day. from and to are local dates (YYYY-MM-DD, inclusive, at most 92 days; from defaults "
                    + "to today, to to from + 6 days). A 400 names the wrong parameter.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = AvailabilityView.class)))
    ResponseEntity<byte[]> search(@PathVariable String slug,
            @Parameter(description = "Treatment code of the clinic's catalog") @RequestParam(required = false) String treatment,
            @Parameter(description = "First local date") @RequestParam(required = false) String from,
            @Parameter(description = "Last local date (inclusive)") @RequestParam(required = false) String to,
            @Parameter(description = "Only this practitioner's times") @RequestParam(required = false) String practitioner,
            HttpServletRequest request) {
        Question q = question(slug, treatment, from, to, practitioner, request);
        // the JSON is kept with the remembered answer: serialising 100 KB costs more than the search
        byte[] body = availability.search(q.clinic(), q.treatment(), q.first(), q.last(), q.practitioner(),
                List.of("json", q.last()), slots -> json.writeValueAsBytes(new AvailabilityView(q.clinic().slug(),
                        q.clinic().timeZone().getId(), q.treatment(), q.first().toString(), q.last().toString(),
                        slots.stream().map(SlotView::of).toList())));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @GetMapping("/api/v1/clinics/{slug}/availability/days")
    @Operation(summary = "Which days have a free start (the booking page's month view; public, rate limited)",
            description = "The same search as /availability, answered compactly: every local date from..to with "
                    + "free (true when at least one start is free) and starts (how many). Same parameters and "
                    + "limits; a 400 names the wrong parameter.")
    DaysView days(@PathVariable String slug,
            @Parameter(description = "Treatment code of the clinic's catalog") @RequestParam(required = false) String treatment,
            @Parameter(description = "First local date") @RequestParam(required = false) String from,
            @Parameter(description = "Last local date (inclusive)") @RequestParam(required = false) String to,
            @Parameter(description = "Only this practitioner's times") @RequestParam(required = false) String practitioner,
            HttpServletRequest request) {
        Question q = question(slug, treatment, from, to, practitioner, request);
        List<DayView> days = availability.days(q.clinic(), q.treatment(), q.first(), q.last(), q.practitioner()).stream()
                .map(d -> new DayView(d.date().toString(), d.free(), d.starts())).toList();
        return new DaysView(q.clinic().slug(), q.clinic().timeZone().getId(), q.treatment(), q.first().toString(),
                q.last().toString(), days);
    }

    private Question question(String slug, String treatment, String from, String to, String practitioner,
            HttpServletRequest request) {
        Clinic clinic = clinics.bySlug(slug).orElseThrow(() -> new NotFoundException("No clinic '" + slug + "'."));
        boolean member = access.currentUser().flatMap(u -> accounts.membership(u.id(), clinic)).isPresent();
        if (!member) {
            limiter.acquire(request.getRemoteAddr());
        }
        if (treatment == null || treatment.isBlank()) {
            throw new InvalidInputException("treatment", "is required");
        }
        LocalDate first = from == null || from.isBlank() ? LocalDate.now(clock.withZone(clinic.timeZone()))
                : date("from", from);
        LocalDate last = to == null || to.isBlank() ? first.plusDays(6) : date("to", to);
        UUID only = practitioner == null || practitioner.isBlank() ? null : id("practitioner", practitioner);
        return new Question(clinic, treatment.strip(), first, last, only);
    }

    static LocalDate date(String parameter, String text) {
        try {
            return InputRules.saneDate(parameter, LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(parameter, "'" + text + "' is not a date (YYYY-MM-DD)");
        }
    }

    static UUID id(String parameter, String text) {
        return Ids.parse(text).orElseThrow(() -> new InvalidInputException(parameter, "'" + text + "' is not a valid id"));
    }
}
