package com.clearskin.booking.web;

import com.clearskin.accounts.Capability;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Membership;
import com.clearskin.booking.Booker;
import com.clearskin.booking.CourseBookings;
import com.clearskin.booking.RuleFinding;
import com.clearskin.clients.ClientAccounts;
import com.clearskin.clinics.Clinic;
import com.clearskin.platform.ForbiddenException;
import com.clearskin.platform.IdempotentRequests;
import com.clearskin.platform.InputRules;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.JsonFields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** Courses: propose the dates of a whole course, and book all of its sessions in one go or none. */
@RestController
@RequestMapping("/api/v1/clinics/{slug}/courses")
@Tag(name = "Courses", description = "A whole course of a treatment, proposed and booked all or none")
@SecurityRequirement(name = "bearer")
class CourseApi {

    record FindingView(String rule, String level, String message, LocalDate allowedFrom) {
        static FindingView of(RuleFinding f) {
            return new FindingView(f.rule(), f.level().name().toLowerCase(java.util.Locale.ROOT), f.message(),
                    f.allowedFrom());
        }
    }

    record SessionView(int session, AvailabilityApi.SlotView slot, List<FindingView> cautions) {
    }

    record ProposalView(String clientId, String treatment, int sessions, int intervalDaysMin, int intervalDaysMax,
            String spacing, List<String> starts, List<SessionView> proposed) {
    }

    record CourseView(UUID id, UUID clientId, String treatment, List<AppointmentApi.AppointmentView> appointments) {
    }

    /** The body of a proposal: the client, the treatment, how many sessions from which date, optionally with whom. */
    record ProposeBody(String clientId, String treatment, Integer sessions, String firstDate, String practitionerId) {
        CourseBookings.ProposeCourse command() {
            return new CourseBookings.ProposeCourse(id("clientId", clientId), treatment, sessions,
                    date("firstDate", firstDate), id("practitionerId", practitionerId));
        }
    }

    /** The body of a course booking: the client, the treatment, every session's start, optionally with whom. */
    record BookBody(String clientId, String treatment, List<String> starts, String practitionerId,
            String overrideReason) {
        CourseBookings.BookCourse command() {
            return new CourseBookings.BookCourse(id("clientId", clientId), treatment, instants(starts),
                    id("practitionerId", practitionerId), overrideReason);
        }
    }

    private final ClinicAccess access;
    private final CourseBookings courses;
    private final ClientAccounts clientAccounts;
    private final JsonMapper json;
    private final IdempotentRequests idempotent;

    CourseApi(ClinicAccess access, CourseBookings courses, ClientAccounts clientAccounts, JsonMapper json,
            IdempotentRequests idempotent) {
        this.idempotent = idempotent;
        this.access = access;
        this.courses = courses;
        this.clientAccounts = clientAccounts;
        this.json = json;
    }

    @PostMapping("/proposal")
    @Operation(summary = "Propose the dates of a course", description = "Body: {\"clientId\", \"treatment\", "
            + "\"sessions\" (1-12), \"firstDate\" (YYYY-MM-DD), \"practitionerId\"?}. Each proposed session is a free "
            + "time spaced by the course interval (widened to the professional cadence for the client's skin type) "
            + "that no treatment rule excludes; cautions a staff member must override are listed with it. Nothing is "
            + "written. 409 when no free time fits a session.")
    ProposalView propose(@PathVariable String slug, @RequestBody(required = false) String body) {
        Membership m = access.require(slug, Capability.BOOK_APPOINTMENTS);
        CourseBookings.ProposeCourse command = JsonFields.record(json, body, ProposeBody.class).command();
        UUID client = command.clientId();
        requireOwn(m, client);
        CourseBookings.Proposal p = courses.propose(m.clinic(), command,
                new Booker(access.currentUser().orElseThrow().id(), m.role()));
        List<SessionView> sessions = p.proposed().stream().map(s -> new SessionView(s.session(),
                AvailabilityApi.SlotView.of(s.slot()), s.cautions().stream().map(FindingView::of).toList())).toList();
        return new ProposalView(client == null ? null : client.toString(), p.treatment(), p.sessions(),
                p.intervalDaysMin(), p.intervalDaysMax(), p.spacing(),
                sessions.stream().map(s -> s.slot().start()).toList(), sessions);
    }

    @PostMapping
    @Operation(summary = "Book every session of a course, or none", description = "Body: {\"clientId\", "
            + "\"treatment\", \"starts\": [ISO-8601 with offset, ...], \"practitionerId\"?, \"overrideReason\"? "
            + "(staff, for cautions)}. 201 with the course and its appointments. The first session refused refuses "
            + "them all and nothing is written: 409 (time taken) or 422 (a treatment rule, with rule and allowedFrom), "
            + "the message naming the session. With an Idempotency-Key a retry answers the first response again.")
    ResponseEntity<String> book(@PathVariable String slug, @RequestBody(required = false) String body,
            @Parameter(description = "Makes a retry safe") @RequestHeader(name = AppointmentApi.IDEMPOTENCY_KEY,
                    required = false) String key, HttpServletRequest request) {
        Membership m = access.require(slug, Capability.BOOK_APPOINTMENTS);
        Clinic clinic = m.clinic();
        UUID user = access.currentUser().orElseThrow().id();
        return idempotent.respond(clinic.id(), user, key, request, body, () -> {
            CourseBookings.BookedCourse c = courses.book(clinic, JsonFields.record(json, body, BookBody.class).command(),
                    new Booker(user, m.role()));
            CourseView view = new CourseView(c.id(), c.clientId(), c.treatment(), c.appointments().stream()
                    .map(a -> AppointmentApi.AppointmentView.of(a, clinic.timeZone())).toList());
            return IdempotentRequests.Response.created(json.writeValueAsString(view),
                    "/api/v1/clinics/" + slug + "/courses/" + c.id());
        });
    }

    /** A client proposes only for their own client record: a proposal shows what the rules found. */
    private void requireOwn(Membership m, UUID client) {
        if (m.isStaff() || client == null) {
            return;
        }
        UUID own = clientAccounts.clientOf(m.clinic(), access.currentUser().orElseThrow().id()).orElse(null);
        if (!client.equals(own)) {
            throw new ForbiddenException("A client may plan only their own course.");
        }
    }

    private static UUID id(String field, String text) {
        return text == null || text.isBlank() ? null : AvailabilityApi.id(field, text);
    }

    private static LocalDate date(String field, String text) {
        return text == null || text.isBlank() ? null : AvailabilityApi.date(field, text);
    }

    private static List<Instant> instants(List<String> starts) {
        if (starts == null) {
            return null;
        }
        List<Instant> instants = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            String s = starts.get(i);
            String field = "starts[" + i + "]";
            if (s == null) {
                throw new InvalidInputException(field, "must be an ISO-8601 date-time with an offset");
            }
            try {
                instants.add(InputRules.saneInstant(field, OffsetDateTime.parse(s.strip()).toInstant()));
            } catch (DateTimeParseException e) {
                throw new InvalidInputException(field, "'" + s + "' is not an ISO-8601 date-time with an "
                        + "offset (e.g. 2026-12-01T09:00:00-05:00)");
            }
        }
        return instants;
    }
}
