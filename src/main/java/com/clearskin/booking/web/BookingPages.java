package com.clearskin.booking.web;

import com.clearskin.accounts.Accounts;
import com.clearskin.accounts.Capability;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Membership;
import com.clearskin.accounts.Role;
import com.clearskin.accounts.SignedInUser;
import com.clearskin.booking.Appointment;
import com.clearskin.booking.AppointmentStatus;
import com.clearskin.booking.Appointments;
import com.clearskin.booking.Availability;
import com.clearskin.booking.BookAppointment;
import com.clearskin.booking.Booker;
import com.clearskin.booking.Slot;
import com.clearskin.booking.web.ScheduleViews.DayTimes;
import com.clearskin.booking.web.ScheduleViews.Option;
import com.clearskin.booking.web.ScheduleViews.Refusal;
import com.clearskin.booking.web.ScheduleViews.TreatmentChoice;
import com.clearskin.catalog.ClinicCatalog;
import com.clearskin.clients.ClientAccounts;
import com.clearskin.clinics.Clinic;
import com.clearskin.clinics.Clinics;
import com.clearskin.platform.ConflictException;
import com.clearskin.platform.ForbiddenException;
import com.clearskin.platform.Ids;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.NotFoundException;
import com.clearskin.platform.RuleRefusedException;
import com.clearskin.resources.ClinicResources;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The public booking page of a clinic (choose a treatment, see its free times by day, no sign-in
 * needed), the confirmation a signed-in client books from, and the client's own appointment list.
 */
@Controller
class BookingPages {

    static final int WEEK = 7;

    private final Clinics clinics;
    private final ClinicCatalog catalog;
    private final ClinicAccess access;
    private final Accounts accounts;
    private final Availability availability;
    private final Appointments appointments;
    private final ClientAccounts clientAccounts;
    private final ClinicResources resources;
    private final CalendarNames names;
    private final Clock clock;

    BookingPages(Clinics clinics, ClinicCatalog catalog, ClinicAccess access, Accounts accounts,
            Availability availability, Appointments appointments, ClientAccounts clientAccounts,
            ClinicResources resources, CalendarNames names, Clock clock) {
        this.clinics = clinics;
        this.catalog = catalog;
        this.access = access;
        this.accounts = accounts;
        this.availability = availability;
        this.appointments = appointments;
        this.clientAccounts = clientAccounts;
        this.resources = resources;
        this.names = names;
        this.clock = clock;
    }

    @GetMapping("/clinics/{slug}/book")
    String book(@PathVariable String slug, @RequestParam(required = false) String treatment,
            @RequestParam(required = false) String from, @RequestParam(required = false) String practitioner,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
            HttpServletResponse response) {
        Clinic clinic = clinics.bySlug(slug).orElseThrow(() -> new NotFoundException("No clinic '" + slug + "'."));
        ZoneId zone = clinic.timeZone();
        LocalDate today = today(zone);
        List<TreatmentChoice> treatments = bookable(clinic);
        List<Option> practitioners = names.practitioners(clinic).stream().filter(CalendarNames.Named::active)
                .map(p -> new Option(p.id().toString(), p.name())).toList();
        model.addAttribute("clinic", clinic);
        model.addAttribute("zoneName", ScheduleViews.zoneName(zone));
        model.addAttribute("treatments", treatments);
        model.addAttribute("practitioners", practitioners);
        model.addAttribute("today", today);
        model.addAttribute("lastDay", today.plusDays(Availability.MAX_DAYS));
        model.addAttribute("practitioner", practitioner == null ? "" : practitioner.strip());
        model.addAttribute("selected", null);
        model.addAttribute("problem", null);
        model.addAttribute("from", today);
        String view = htmx != null ? "booking/booking/book :: times" : "booking/booking/book";
        try {
            LocalDate first = ScheduleViews.date("from", from, today);
            first = first.isBefore(today) ? today : first;
            model.addAttribute("from", first);
            UUID practitionerId = ScheduleViews.id("practitioner", practitioner);
            if (treatment == null || treatment.isBlank()) {
                return view;
            }
            TreatmentChoice selected = treatments.stream().filter(t -> t.code().equals(treatment.strip())).findFirst()
                    .orElseThrow(() -> new InvalidInputException("treatment",
                            "'" + treatment + "' is not a treatment " + clinic.name() + " books online"));
            LocalDate last = first.plusDays(WEEK - 1);
            List<Slot> slots = availability.search(clinic, selected.code(), first, last, practitionerId);
            List<DayTimes> days = ScheduleViews.byDay(slots, zone,
                    s -> confirmHref(clinic, selected.code(), s.start().toInstant(), practitionerId));
            model.addAttribute("selected", selected);
            model.addAttribute("days", days);
            model.addAttribute("totalTimes", slots.size());
            model.addAttribute("rangeLabel", ScheduleViews.range(first, last));
            model.addAttribute("prevFrom", first.isAfter(today) ? max(today, first.minusDays(WEEK)) : null);
            LocalDate next = first.plusDays(WEEK);
            model.addAttribute("nextFrom", next.isAfter(today.plusDays(Availability.MAX_DAYS)) ? null : next);
            model.addAttribute("monthDays", monthDays(clinic, selected.code(), first, practitionerId));
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("selected", null);
            model.addAttribute("problem", describe(e));
        }
        return view;
    }

    @GetMapping("/clinics/{slug}/book/confirm")
    String confirm(@PathVariable String slug, @RequestParam(required = false) String treatment,
            @RequestParam(required = false) String start, @RequestParam(required = false) String practitioner,
            Model model) {
        Booking booking = booking(slug, treatment, start, practitioner);
        return confirmPage(model, booking, null);
    }

    @PostMapping("/clinics/{slug}/book/confirm")
    String confirmed(@PathVariable String slug, @RequestParam(required = false) String treatment,
            @RequestParam(required = false) String start, @RequestParam(required = false) String practitioner,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Booking booking = booking(slug, treatment, start, practitioner);
        if (booking.clientId() == null) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return confirmPage(model, booking, null);
        }
        Clinic clinic = booking.clinic();
        try {
            Appointment booked = appointments.book(clinic,
                    new BookAppointment(booking.clientId(), booking.treatment().code(), booking.start(),
                            booking.practitionerId(), null, null),
                    new Booker(booking.userId(), Role.CLIENT));
            redirect.addFlashAttribute("saved", "Booked: " + booking.treatment().name() + " on "
                    + booked.start().atZone(clinic.timeZone()).format(ScheduleViews.FULL_DATE) + " at "
                    + booked.start().atZone(clinic.timeZone()).format(ScheduleViews.TIME) + " ("
                    + ScheduleViews.zoneName(clinic.timeZone()) + ").");
            return "redirect:/app/clinics/" + clinic.slug() + "/my-appointments";
        } catch (ConflictException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return confirmPage(model, booking, new Refusal("That time was just taken",
                    "Someone booked it a moment ago. Please choose another time.", null, null, null,
                    bookHref(clinic, booking.treatment().code(), booking.localDate(), booking.practitionerId())));
        } catch (RuleRefusedException e) {
            response.setStatus(422);
            LocalDate allowed = e.allowedFrom();
            return confirmPage(model, booking, new Refusal("This treatment cannot be booked for you at that time",
                    e.getMessage(), e.rule(), allowed == null ? null : allowed.format(ScheduleViews.FULL_DATE),
                    allowed == null ? null : bookHref(clinic, booking.treatment().code(), allowed, booking.practitionerId()),
                    null));
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return confirmPage(model, booking, new Refusal("This time cannot be booked", describe(e), null, null, null,
                    bookHref(clinic, booking.treatment().code(), booking.localDate(), booking.practitionerId())));
        }
    }

    @GetMapping("/app/clinics/{slug}/my-appointments")
    String mine(@PathVariable String slug, Model model) {
        Membership m = access.require(slug, Capability.USE_PORTAL);
        return minePage(model, m, null);
    }

    @PostMapping("/app/clinics/{slug}/my-appointments/{id}/cancel")
    String cancelMine(@PathVariable String slug, @PathVariable String id,
            @RequestParam(required = false) String reason, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Membership m = access.require(slug, Capability.USE_PORTAL);
        Clinic clinic = m.clinic();
        UUID userId = access.currentUser().orElseThrow().id();
        UUID clientId = clientAccounts.clientOf(clinic, userId)
                .orElseThrow(() -> new NotFoundException("No appointment '" + id + "'."));
        Appointment appointment = appointments.require(clinic, parseId(id));
        if (!appointment.clientId().equals(clientId)) {
            throw new NotFoundException("No appointment '" + id + "'.");
        }
        try {
            appointments.cancel(clinic, appointment.id(), blankToNull(reason), new Booker(userId, Role.CLIENT));
            redirect.addFlashAttribute("saved", "Cancelled: " + treatmentName(clinic, appointment.treatment()) + " on "
                    + appointment.start().atZone(clinic.timeZone()).format(ScheduleViews.FULL_DATE) + ".");
            return "redirect:/app/clinics/" + slug + "/my-appointments";
        } catch (ConflictException | RuleRefusedException | ForbiddenException | InvalidInputException e) {
            response.setStatus(e instanceof ConflictException ? 409 : e instanceof ForbiddenException ? 403
                    : e instanceof RuleRefusedException ? 422 : 400);
            return minePage(model, m, Refusal.of("The appointment was not cancelled", e.getMessage()));
        }
    }

    /** One appointment of the client's list. */
    public record Mine(UUID id, String day, String month, String date, String time, String treatment,
            String practitioner, String status, String statusLabel, boolean canCancel, String cancelNote) {
    }

    private String minePage(Model model, Membership m, Refusal refusal) {
        Clinic clinic = m.clinic();
        ZoneId zone = clinic.timeZone();
        UUID userId = access.currentUser().orElseThrow().id();
        Optional<UUID> clientId = clientAccounts.clientOf(clinic, userId);
        model.addAttribute("clinic", clinic);
        model.addAttribute("zoneName", ScheduleViews.zoneName(zone));
        model.addAttribute("bookHref", "/clinics/" + clinic.slug() + "/book");
        model.addAttribute("cancelBase", "/app/clinics/" + clinic.slug() + "/my-appointments/");
        model.addAttribute("refusal", refusal);
        model.addAttribute("noRecord", clientId.isEmpty());
        model.addAttribute("upcoming", List.of());
        model.addAttribute("past", List.of());
        if (clientId.isEmpty()) {
            return "booking/booking/mine";
        }
        Instant now = Instant.now(clock);
        int cancelHours = resources.schedule(clinic).settings().clientCancelHours();
        Map<String, String> treatmentNames = treatmentNames(clinic);
        Map<UUID, String> practitionerNames = new java.util.HashMap<>();
        names.practitioners(clinic).forEach(p -> practitionerNames.put(p.id(), p.name()));
        List<Appointment> all = appointments.forClient(clinic, clientId.get());
        List<Mine> upcoming = all.stream()
                .filter(a -> a.end().isAfter(now) && (a.status() == AppointmentStatus.BOOKED
                        || a.status() == AppointmentStatus.CHECKED_IN))
                .sorted(Comparator.comparing(Appointment::start))
                .map(a -> mine(a, zone, now, cancelHours, treatmentNames, practitionerNames)).toList();
        List<Mine> past = all.stream()
                .filter(a -> !(a.end().isAfter(now) && (a.status() == AppointmentStatus.BOOKED
                        || a.status() == AppointmentStatus.CHECKED_IN)))
                .sorted(Comparator.comparing(Appointment::start).reversed())
                .map(a -> mine(a, zone, now, cancelHours, treatmentNames, practitionerNames)).toList();
        model.addAttribute("upcoming", upcoming);
        model.addAttribute("past", past);
        return "booking/booking/mine";
    }

    private static Mine mine(Appointment a, ZoneId zone, Instant now, int cancelHours, Map<String, String> treatments,
            Map<UUID, String> practitioners) {
        var local = a.start().atZone(zone);
        boolean inTime = a.start().minus(Duration.ofHours(cancelHours)).isAfter(now);
        boolean cancellable = a.status() == AppointmentStatus.BOOKED && inTime;
        String note = a.status() == AppointmentStatus.BOOKED && !inTime
                ? "Less than " + cancelHours + " hours to go: please call the clinic to cancel." : null;
        return new Mine(a.id(), String.valueOf(local.getDayOfMonth()), local.format(java.time.format.DateTimeFormatter
                .ofPattern("MMM", java.util.Locale.US)), local.format(ScheduleViews.FULL_DATE),
                ScheduleViews.span(a.start(), a.end(), zone), treatments.getOrDefault(a.treatment(), a.treatment()),
                practitioners.get(a.practitionerId()), a.status().code(), a.status().label(), cancellable, note);
    }

    /** The date and time of a booking, as the confirmation shows them. */
    public record When(String date, String time) {
    }

    /** What the confirmation is about, and who would book it. */
    private record Booking(Clinic clinic, TreatmentChoice treatment, Instant start, UUID practitionerId,
            UUID userId, Membership membership, UUID clientId) {

        LocalDate localDate() {
            return LocalDate.ofInstant(start, clinic.timeZone());
        }
    }

    private Booking booking(String slug, String treatment, String start, String practitioner) {
        Clinic clinic = clinics.bySlug(slug).orElseThrow(() -> new NotFoundException("No clinic '" + slug + "'."));
        SignedInUser user = access.currentUser().orElseThrow(() -> new NotFoundException("No clinic '" + slug + "'."));
        String code = treatment == null ? "" : treatment.strip();
        TreatmentChoice chosen = bookable(clinic).stream().filter(t -> t.code().equals(code)).findFirst()
                .orElseThrow(() -> new InvalidInputException("treatment",
                        "'" + code + "' is not a treatment " + clinic.name() + " books online"));
        Instant at = ScheduleViews.instant("start", start);
        UUID practitionerId = ScheduleViews.id("practitioner", practitioner);
        Membership membership = accounts.membership(user.id(), clinic).orElse(null);
        UUID clientId = membership != null && membership.role() == Role.CLIENT
                ? clientAccounts.clientOf(clinic, user.id()).orElse(null) : null;
        return new Booking(clinic, chosen, at, practitionerId, user.id(), membership, clientId);
    }

    private String confirmPage(Model model, Booking booking, Refusal refusal) {
        Clinic clinic = booking.clinic();
        ZoneId zone = clinic.timeZone();
        Instant end = booking.start().plus(Duration.ofMinutes(booking.treatment().minutes()));
        model.addAttribute("clinic", clinic);
        model.addAttribute("zoneName", ScheduleViews.zoneName(zone));
        model.addAttribute("treatment", booking.treatment());
        model.addAttribute("when", new When(booking.start().atZone(zone).format(ScheduleViews.FULL_DATE),
                ScheduleViews.span(booking.start(), end, zone)));
        model.addAttribute("start", booking.start().toString());
        model.addAttribute("practitioner", booking.practitionerId() == null ? "" : booking.practitionerId().toString());
        model.addAttribute("practitionerName", booking.practitionerId() == null ? "Any available practitioner"
                : names.practitioners(clinic).stream().filter(p -> p.id().equals(booking.practitionerId()))
                        .map(CalendarNames.Named::name).findFirst().orElse("The practitioner you chose"));
        model.addAttribute("backHref", bookHref(clinic, booking.treatment().code(), booking.localDate(),
                booking.practitionerId()));
        model.addAttribute("refusal", refusal);
        model.addAttribute("cancelHours", resources.schedule(clinic).settings().clientCancelHours());
        boolean mayBook = booking.clientId() != null;
        model.addAttribute("mayBook", mayBook);
        model.addAttribute("clientName", mayBook ? access.currentUser().orElseThrow().displayName() : null);
        model.addAttribute("staffHref", null);
        model.addAttribute("cannotBook", null);
        if (!mayBook) {
            Membership m = booking.membership();
            if (m != null && m.isStaff()) {
                model.addAttribute("cannotBook", "You are signed in as staff of " + clinic.name()
                        + ". Staff book for a client from the calendar.");
                model.addAttribute("staffHref", UriComponentsBuilder.fromPath("/app/clinics/" + clinic.slug() + "/appointments/new")
                        .queryParam("treatment", booking.treatment().code())
                        .queryParam("date", booking.localDate())
                        .build().encode().toUriString());
            } else if (m != null) {
                model.addAttribute("cannotBook", clinic.name() + " has not linked a client record to your account yet."
                        + " Please call the clinic to book, or ask them to link your record.");
            } else {
                model.addAttribute("cannotBook", "You are signed in, but not as a client of " + clinic.name()
                        + ". Please call the clinic to become a client.");
            }
        }
        return "booking/booking/confirm";
    }

    private List<TreatmentChoice> bookable(Clinic clinic) {
        return ScheduleViews.bookable(catalog, resources, clinic);
    }

    private Map<String, String> treatmentNames(Clinic clinic) {
        Map<String, String> result = new java.util.HashMap<>();
        catalog.list(clinic).forEach(t -> result.put(t.code(), t.treatment().name()));
        return result;
    }

    private String treatmentName(Clinic clinic, String code) {
        return catalog.find(clinic, code).map(t -> t.treatment().name()).orElse(code);
    }

    /** A day of the month view: which of the next four weeks' days have a free time, each a link to its week. */
    public record MonthDay(String date, String weekday, String label, boolean free, String href) {
    }

    /** The four weeks from {@code first}: the compact days answer (one search, no times serialised). */
    private List<MonthDay> monthDays(Clinic clinic, String treatment, LocalDate first, UUID practitioner) {
        return availability.days(clinic, treatment, first, first.plusDays(4 * WEEK - 1), practitioner).stream()
                .map(d -> new MonthDay(d.date().toString(), d.date().format(ScheduleViews.SHORT_WEEKDAY),
                        d.date().format(ScheduleViews.DAY_MONTH), d.free(),
                        bookHref(clinic, treatment, d.date(), practitioner)))
                .toList();
    }

    static String bookHref(Clinic clinic, String treatment, LocalDate from, UUID practitioner) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/clinics/" + clinic.slug() + "/book")
                .queryParam("treatment", treatment).queryParam("from", from);
        if (practitioner != null) {
            b.queryParam("practitioner", practitioner);
        }
        return b.build().encode().toUriString();
    }

    static String confirmHref(Clinic clinic, String treatment, Instant start, UUID practitioner) {
        // the public booking's details page (new clients); a signed-in client goes on to the confirmation
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/clinics/" + clinic.slug() + "/book/details")
                .queryParam("treatment", treatment).queryParam("start", start);
        if (practitioner != null) {
            b.queryParam("practitioner", practitioner);
        }
        return b.build().encode().toUriString();
    }

    /** The refusal in sentences a client reads ("The time you chose is in the past."), never "start: is required". */
    static String describe(InvalidInputException e) {
        return String.join(" ", e.violations().stream().map(v -> sentence(v.field(), v.reason())).toList());
    }

    static String sentence(String field, String reason) {
        if (reason == null || reason.isBlank()) {
            return "Please check your choice.";
        }
        if (Character.isUpperCase(reason.charAt(0))) {
            return reason.endsWith(".") ? reason : reason + ".";
        }
        if (field.equals("treatment")) {
            return "Please choose a treatment this clinic offers online.";
        }
        if (field.equals("from")) {
            return "Please give the week as a date, such as 2027-05-14.";
        }
        if (reason.equals("is required")) {
            return switch (field) {
                case "start" -> "Please choose a time.";
                case "treatment" -> "Please choose a treatment.";
                default -> "Please fill in " + field + ".";
            };
        }
        String subject = switch (field) {
            case "start" -> "The time you chose";
            case "treatment" -> "The treatment you chose";
            case "practitioner", "practitionerId" -> "The practitioner you chose";
            case "from" -> "The week you chose";
            default -> "This choice";
        };
        return subject + " " + reason.replace("the clinic's least notice", "the notice the clinic needs")
                .replaceAll("^'[^']*' ", "") + ".";
    }

    private static UUID parseId(String id) {
        return Ids.orNotFound(id, "No appointment '" + id + "'.");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private LocalDate today(ZoneId zone) {
        return LocalDate.now(clock.withZone(zone));
    }
}
