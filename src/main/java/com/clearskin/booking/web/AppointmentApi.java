package com.clearskin.booking.web;

import com.clearskin.accounts.Capability;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Membership;
import com.clearskin.booking.Appointment;
import com.clearskin.booking.Appointments;
import com.clearskin.booking.BookAppointment;
import com.clearskin.booking.Booker;
import com.clearskin.clients.ClientAccounts;
import com.clearskin.clinics.Clinic;
import com.clearskin.platform.IdempotentRequests;
import com.clearskin.platform.Ids;
import com.clearskin.platform.InputRules;
import com.clearskin.platform.JsonFields;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * A clinic's appointments: book, list, read, reschedule, cancel, check in, complete, no-show.
 * Staff act for any client; a client only for their own client record. Every POST takes an
 * optional {@code Idempotency-Key}: a retry with the same key and body gets the first answer again.
 */
@RestController
@RequestMapping("/api/v1/clinics/{slug}/appointments")
@Tag(name = "Appointments", description = "Booking that never double-books, with treatment rules and guarded "
        + "status changes")
@SecurityRequirement(name = "bearer")
class AppointmentApi {

    static final String IDEMPOTENCY_KEY = IdempotentRequests.HEADER;

    record AppointmentView(UUID id, UUID clientId, String treatment, String start, String end,
            UUID practitionerId, UUID roomId, List<UUID> deviceIds, String status, String blockedStart,
            String blockedEnd, UUID courseId, String overrideReason, int revision, Instant createdAt) {

        static AppointmentView of(Appointment a, ZoneId zone) {
            return new AppointmentView(a.id(), a.clientId(), a.treatment(), local(a.start(), zone),
                    local(a.end(), zone), a.practitionerId(), a.roomId(), a.deviceIds(), a.status().code(),
                    local(a.blockedFrom(), zone), local(a.blockedUntil(), zone), a.courseId(), a.overrideReason(),
                    a.revision(), a.createdAt());
        }

        static String local(Instant instant, ZoneId zone) {
            return instant.atZone(zone).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
    }

    record AppointmentList(String clinic, String timeZone, String from, String to, int count,
            List<AppointmentView> appointments) {
    }

    /** The body of a booking: the client, the treatment, the start, and optionally a practitioner and an override. */
    record BookBody(String clientId, String treatment, String start, String practitionerId, String overrideReason) {
        BookAppointment command() {
            return new BookAppointment(requiredId("clientId", clientId), treatment, AppointmentApi.start(start),
                    optionalId("practitionerId", practitionerId), overrideReason, null);
        }
    }

    /** The body of a move: the new start, and optionally an override. */
    record MoveBody(String start, String overrideReason) {
    }

    /** The body of a cancellation (optional): why. */
    record CancelBody(String reason) {
    }

    private final ClinicAccess access;
    private final Appointments appointments;
    private final ClientAccounts clientAccounts;
    private final IdempotentRequests idempotent;
    private final JsonMapper json;
    private final Clock clock;

    AppointmentApi(ClinicAccess access, Appointments appointments, ClientAccounts clientAccounts,
            IdempotentRequests idempotent, JsonMapper json, Clock clock) {
        this.access = access;
        this.appointments = appointments;
        this.clientAccounts = clientAccounts;
        this.idempotent = idempotent;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Appointments starting on local dates from..to (staff: all; a client: their own)",
            description = "from defaults to today in the clinic's time zone, to to from + 6 days; at most 92 days.")
    AppointmentList list(@PathVariable String slug, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        Membership m = access.require(slug, Capability.BOOK_APPOINTMENTS);
        Clinic clinic = m.clinic();
        LocalDate first = from == null || from.isBlank() ? LocalDate.now(clock.withZone(clinic.timeZone()))
                : AvailabilityApi.date("from", from);
        LocalDate last = to == null || to.isBlank() ? first.plusDays(6) : AvailabilityApi.date("to", to);
        List<Appointment> found = appointments.between(clinic, first, last);
        if (!m.isStaff()) {
            UUID own = ownClient(clinic);
            found = found.stream().filter(a -> a.clientId().equals(own)).toList();
        }
        List<AppointmentView> views = found.stream().map(a -> AppointmentView.of(a, clinic.timeZone())).toList();
        return new AppointmentList(clinic.slug(), clinic.timeZone().getId(), first.toString(), last.toString(),
                views.size(), views);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One appointment (staff; a client only their own)")
    AppointmentView one(@PathVariable String slug, @PathVariable String id) {
        Membership m = access.require(slug, Capability.BOOK_APPOINTMENTS);
        Appointment a = visible(m, id);
        return AppointmentView.of(a, m.clinic().timeZone());
    }

    @PostMapping
    @Operation(summary = "Book an appointment",
            description = "Body: {\"clientId\", \"treatment\", \"start\" (ISO-8601 with offset, on the slot grid), "
                    + "\"practitionerId\"?, \"overrideReason\"? (staff, to go ahead despite a caution)}. 201 with the "
                    + "appointment; 400 names a wrong field; 409 when the time is not free; 422 when a treatment rule "
                    + "refuses it (rule, allowedFrom).")
    ResponseEntity<String> book(@PathVariable String slug, @RequestBody(required = false) String body,
            @Parameter(description = "Makes a retry safe") @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
            String key, HttpServletRequest request) {
        Membership m = access.require(slug, Capability.BOOK_APPOINTMENTS);
        Clinic clinic = m.clinic();
        return once(m, key, request, body, () -> {
            BookAppointment command = JsonFields.record(json, body, BookBody.class).command();
            Appointment booked = appointments.book(clinic, command, booker(m));
            return IdempotentRequests.Response.created(write(AppointmentView.of(booked, clinic.timeZone())),
                    request.getRequestURI() + "/" + booked.id());
        });
    }

    @PostMapping("/{id}/reschedule")
    @Operation(summary = "Move a booked appointment to another start",
            description = "Body: {\"start\", \"overrideReason\"?}. The same checks as booking; the appointment does not "
                    + "count against itself. A client only their own, until the clinic's cancellation notice.")
    ResponseEntity<String> reschedule(@PathVariable String slug, @PathVariable String id,
            @RequestBody(required = false) String body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key, HttpServletRequest request) {
        Membership m = access.require(slug, Capability.BOOK_APPOINTMENTS);
        return once(m, key, request, body, () -> {
            Appointment current = visible(m, id);
            MoveBody move = JsonFields.record(json, body, MoveBody.class);
            Appointment moved = appointments.reschedule(m.clinic(), current.id(), start(move.start()), booker(m),
                    move.overrideReason());
            return ok(moved, m);
        });
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel a booked appointment", description = "Body (optional): {\"reason\"}. A client only "
            + "their own, and only until the clinic's cancellation notice (422 rule cancellation-notice).")
    ResponseEntity<String> cancel(@PathVariable String slug, @PathVariable String id,
            @RequestBody(required = false) String body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key, HttpServletRequest request) {
        Membership m = access.require(slug, Capability.BOOK_APPOINTMENTS);
        return once(m, key, request, body, () -> {
            Appointment current = visible(m, id);
            String reason = body == null || body.isBlank() ? null : JsonFields.record(json, body, CancelBody.class).reason();
            return ok(appointments.cancel(m.clinic(), current.id(), reason, booker(m)), m);
        });
    }

    @PostMapping("/{id}/check-in")
    @Operation(summary = "The client has arrived (staff)")
    ResponseEntity<String> checkIn(@PathVariable String slug, @PathVariable String id,
            @RequestBody(required = false) String body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key, HttpServletRequest request) {
        return transition(slug, id, body, key, request, (c) -> appointments.checkIn(c.clinic, c.id, c.booker));
    }

    @PostMapping("/{id}/complete")
    @Operation(summary = "The treatment is done (staff)")
    ResponseEntity<String> complete(@PathVariable String slug, @PathVariable String id,
            @RequestBody(required = false) String body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key, HttpServletRequest request) {
        return transition(slug, id, body, key, request, (c) -> appointments.complete(c.clinic, c.id, c.booker));
    }

    @PostMapping("/{id}/no-show")
    @Operation(summary = "The client did not come (staff; once the start has passed)")
    ResponseEntity<String> noShow(@PathVariable String slug, @PathVariable String id,
            @RequestBody(required = false) String body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key, HttpServletRequest request) {
        return transition(slug, id, body, key, request, (c) -> appointments.noShow(c.clinic, c.id, c.booker));
    }

    private record Target(Clinic clinic, UUID id, Booker booker) {
    }

    private ResponseEntity<String> transition(String slug, String id, String body, String key,
            HttpServletRequest request, Function<Target, Appointment> move) {
        Membership m = access.require(slug, Capability.BOOK_APPOINTMENTS);
        return once(m, key, request, body, () -> {
            Appointment current = visible(m, id);
            return ok(move.apply(new Target(m.clinic(), current.id(), booker(m))), m);
        });
    }

    // ---------------------------------------------------------------- helpers

    private ResponseEntity<String> once(Membership m, String key, HttpServletRequest request, String body,
            java.util.function.Supplier<IdempotentRequests.Response> work) {
        return idempotent.respond(m.clinic().id(), access.currentUser().orElseThrow().id(), key, request, body, work);
    }

    private IdempotentRequests.Response ok(Appointment a, Membership m) {
        return new IdempotentRequests.Response(200, write(AppointmentView.of(a, m.clinic().timeZone())));
    }

    private String write(Object view) {
        return json.writeValueAsString(view);
    }

    private Booker booker(Membership m) {
        return new Booker(access.currentUser().orElseThrow().id(), m.role());
    }

    private UUID ownClient(Clinic clinic) {
        return clientAccounts.clientOf(clinic, access.currentUser().orElseThrow().id()).orElse(null);
    }

    /** The appointment, if the caller may see it: staff any of the clinic's; a client only their own (else 404). */
    private Appointment visible(Membership m, String id) {
        UUID uuid = Ids.parse(id).orElse(null);
        Appointment a = uuid == null ? null : appointments.find(m.clinic(), uuid).orElse(null);
        if (a == null || (!m.isStaff() && !a.clientId().equals(ownClient(m.clinic())))) {
            throw new NotFoundException("No appointment '" + id + "' at " + m.clinic().name() + ".");
        }
        return a;
    }

    private static UUID requiredId(String field, String text) {
        UUID id = optionalId(field, text);
        if (id == null) {
            throw new InvalidInputException(field, "is required");
        }
        return id;
    }

    private static UUID optionalId(String field, String text) {
        return text == null || text.isBlank() ? null : AvailabilityApi.id(field, text);
    }

    private static Instant start(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("start", "is required");
        }
        try {
            return InputRules.saneInstant("start", OffsetDateTime.parse(text.strip()).toInstant());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("start", "'" + text + "' is not an ISO-8601 date-time with an offset "
                    + "(e.g. 2026-12-01T09:00:00-05:00)");
        }
    }
}
