package com.clearskin.booking.web;

import com.clearskin.accounts.Capability;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Membership;
import com.clearskin.booking.Appointment;
import com.clearskin.booking.AppointmentStatus;
import com.clearskin.booking.Appointments;
import com.clearskin.booking.Availability;
import com.clearskin.booking.BookAppointment;
import com.clearskin.booking.Booker;
import com.clearskin.booking.BookingRules;
import com.clearskin.booking.ClientConfirmations;
import com.clearskin.booking.RuleFinding;
import com.clearskin.booking.Slot;
import com.clearskin.booking.web.CalendarNames.DayHours;
import com.clearskin.booking.web.CalendarNames.Named;
import com.clearskin.booking.web.ScheduleViews.Option;
import com.clearskin.booking.web.ScheduleViews.Refusal;
import com.clearskin.booking.web.ScheduleViews.TreatmentChoice;
import com.clearskin.catalog.ClinicCatalog;
import com.clearskin.clients.Clients;
import com.clearskin.clinics.Clinic;
import com.clearskin.platform.ConflictException;
import com.clearskin.platform.ForbiddenException;
import com.clearskin.platform.Ids;
import com.clearskin.platform.InvalidInputException.Violation;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.NotFoundException;
import com.clearskin.platform.RuleRefusedException;
import com.clearskin.resources.ClinicResources;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The staff calendar of a clinic: a day with a column per practitioner or per room and a row per
 * slot, a week by day; an appointment's page with its guarded transitions; and the form that books
 * an appointment for a client.
 */
@Controller
class CalendarPages {

    static final LocalTime DEFAULT_OPEN = LocalTime.of(8, 0);
    static final LocalTime DEFAULT_CLOSE = LocalTime.of(20, 0);
    static final Set<String> ACTIONS = Set.of("check-in", "complete", "no-show", "cancel", "reschedule");

    private final ClinicAccess access;
    private final ClinicCatalog catalog;
    private final Clients clients;
    private final Availability availability;
    private final Appointments appointments;
    private final BookingRules rules;
    private final ClinicResources resources;
    private final CalendarNames names;
    private final Clock clock;
    private final ObjectProvider<ClientConfirmations> confirmations;

    CalendarPages(ClinicAccess access, ClinicCatalog catalog, Clients clients, Availability availability,
            Appointments appointments, BookingRules rules, ClinicResources resources, CalendarNames names, Clock clock,
            ObjectProvider<ClientConfirmations> confirmations) {
        this.confirmations = confirmations;
        this.access = access;
        this.catalog = catalog;
        this.clients = clients;
        this.availability = availability;
        this.appointments = appointments;
        this.rules = rules;
        this.resources = resources;
        this.names = names;
        this.clock = clock;
    }

    /** An appointment as a block of the calendar. */
    public record Block(UUID id, String href, String time, String client, String treatment, String where,
            String status, String statusLabel, int row, int span) {
    }

    /** A column of the day view: a practitioner or a room and their appointments. */
    public record Column(String id, String name, List<Block> blocks) {
    }

    /** A row of the day grid; hour rows carry their label. */
    public record Row(int row, String label, boolean hour) {
    }

    /** A day of the week view. */
    public record WeekDay(LocalDate date, String weekday, String dateLabel, boolean today, String href,
            List<Block> blocks) {
    }

    @GetMapping("/app/clinics/{slug}/calendar")
    String calendar(@PathVariable String slug, @RequestParam(required = false) String view,
            @RequestParam(required = false) String date, @RequestParam(required = false) String by, Model model) {
        Membership m = access.require(slug, Capability.READ_SCHEDULE);
        Clinic clinic = m.clinic();
        ZoneId zone = clinic.timeZone();
        String v = view == null || view.isBlank() ? "day" : view.strip();
        String b = by == null || by.isBlank() ? "practitioner" : by.strip();
        if (!v.equals("day") && !v.equals("week")) {
            throw new InvalidInputException("view", "'" + view + "' is not one of [day, week]");
        }
        if (!b.equals("practitioner") && !b.equals("room")) {
            throw new InvalidInputException("by", "'" + by + "' is not one of [practitioner, room]");
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate day = ScheduleViews.date("date", date, today);
        LocalDate first = v.equals("day") ? day : day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate last = v.equals("day") ? day : first.plusDays(6);
        int step = v.equals("day") ? 1 : 7;

        List<Appointment> list = appointments.between(clinic, first, last).stream()
                .sorted(Comparator.comparing(Appointment::start)).toList();
        List<Named> practitioners = names.practitioners(clinic);
        List<Named> rooms = names.rooms(clinic);
        Map<UUID, String> practitionerNames = byId(practitioners);
        Map<UUID, String> roomNames = byId(rooms);
        Map<UUID, String> clientNames = names.clients(clinic, list.stream().map(Appointment::clientId).distinct().toList());
        Map<String, String> treatmentNames = treatmentNames(clinic);
        Function<Appointment, String> where = a -> b.equals("practitioner")
                ? roomNames.getOrDefault(a.roomId(), "Room")
                : practitionerNames.getOrDefault(a.practitionerId(), "Practitioner");
        Function<Appointment, String> whereBoth = a -> practitionerNames.getOrDefault(a.practitionerId(), "Practitioner")
                + " · " + roomNames.getOrDefault(a.roomId(), "Room");

        model.addAttribute("clinic", clinic);
        model.addAttribute("zoneName", ScheduleViews.zoneName(zone));
        model.addAttribute("view", v);
        model.addAttribute("by", b);
        model.addAttribute("date", day);
        model.addAttribute("title", v.equals("day") ? day.format(ScheduleViews.FULL_DATE) : ScheduleViews.range(first, last));
        model.addAttribute("prevHref", calendarHref(clinic, v, day.minusDays(step), b));
        model.addAttribute("nextHref", calendarHref(clinic, v, day.plusDays(step), b));
        model.addAttribute("todayHref", calendarHref(clinic, v, today, b));
        model.addAttribute("dayHref", calendarHref(clinic, "day", day, b));
        model.addAttribute("weekHref", calendarHref(clinic, "week", day, b));
        model.addAttribute("byPractitionerHref", calendarHref(clinic, v, day, "practitioner"));
        model.addAttribute("byRoomHref", calendarHref(clinic, v, day, "room"));
        model.addAttribute("newHref", UriComponentsBuilder.fromPath("/app/clinics/" + clinic.slug() + "/appointments/new")
                .queryParam("date", day.isBefore(today) ? today : day).build().encode().toUriString());

        if (v.equals("week")) {
            List<WeekDay> days = new ArrayList<>();
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                LocalDate current = d;
                List<Block> blocks = list.stream()
                        .filter(a -> LocalDate.ofInstant(a.start(), zone).equals(current))
                        .map(a -> block(clinic, a, clientNames, treatmentNames, whereBoth, 0, 0)).toList();
                days.add(new WeekDay(d, d.format(ScheduleViews.SHORT_WEEKDAY), d.format(ScheduleViews.DAY_MONTH),
                        d.equals(today), calendarHref(clinic, "day", d, b), blocks));
            }
            model.addAttribute("weekDays", days);
            return "booking/calendar/calendar";
        }

        // The day grid runs over real elapsed time, so a day when clocks change has 23 or 25 hours of rows.
        int slot = resources.schedule(clinic).settings().slotMinutes();
        DayHours hours = names.hours(clinic, day.getDayOfWeek());
        Instant gridStart = ZonedDateTime.of(day, hours == null ? DEFAULT_OPEN : hours.opens(), zone).toInstant();
        Instant gridEnd = ZonedDateTime.of(day, hours == null ? DEFAULT_CLOSE : hours.closes(), zone).toInstant();
        List<Appointment> active = list.stream().filter(a -> a.status().holdsResources()).toList();
        for (Appointment a : active) {
            gridStart = a.start().isBefore(gridStart) ? a.start().atZone(zone).truncatedTo(ChronoUnit.HOURS).toInstant() : gridStart;
            gridEnd = a.end().isAfter(gridEnd) ? a.end() : gridEnd;
        }
        int rowCount = (int) Math.max(1, (Duration.between(gridStart, gridEnd).toMinutes() + slot - 1) / slot);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < rowCount; i++) {
            ZonedDateTime at = gridStart.plus(Duration.ofMinutes((long) i * slot)).atZone(zone);
            rows.add(new Row(i + 2, at.format(ScheduleViews.TIME), at.getMinute() == 0 || i == 0));
        }
        List<Named> resources = b.equals("practitioner") ? practitioners : rooms;
        Function<Appointment, UUID> columnOf = b.equals("practitioner") ? Appointment::practitionerId : Appointment::roomId;
        Set<UUID> used = new HashSet<>();
        active.forEach(a -> used.add(columnOf.apply(a)));
        List<Column> columns = new ArrayList<>();
        Instant origin = gridStart;
        for (Named resource : resources) {
            if (!resource.active() && !used.contains(resource.id())) {
                continue;
            }
            List<Block> blocks = active.stream().filter(a -> columnOf.apply(a).equals(resource.id())).map(a -> {
                int row = 2 + (int) (Duration.between(origin, a.start()).toMinutes() / slot);
                int span = (int) Math.max(1, (Duration.between(a.start(), a.end()).toMinutes() + slot - 1) / slot);
                return block(clinic, a, clientNames, treatmentNames, where, row, span);
            }).toList();
            columns.add(new Column(resource.id().toString(), resource.name(), blocks));
        }
        model.addAttribute("columns", columns);
        model.addAttribute("rows", rows);
        model.addAttribute("inactive", list.stream().filter(a -> !a.status().holdsResources())
                .map(a -> block(clinic, a, clientNames, treatmentNames, whereBoth, 0, 0)).toList());
        return "booking/calendar/calendar";
    }

    @GetMapping("/app/clinics/{slug}/appointments/{id}")
    String appointment(@PathVariable String slug, @PathVariable String id, @RequestParam(required = false) String date,
            @RequestParam(required = false) String panel, Model model) {
        Membership m = access.require(slug, Capability.READ_SCHEDULE);
        Appointment a = appointments.require(m.clinic(), parseId(id));
        LocalDate from = date == null ? null : ScheduleViews.date("date", date, null);
        return appointmentPage(model, m, a, null, from, panel);
    }

    @PostMapping("/app/clinics/{slug}/appointments/{id}/{action}")
    String transition(@PathVariable String slug, @PathVariable String id, @PathVariable String action,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String start, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Membership m = access.require(slug, Capability.READ_SCHEDULE);
        Clinic clinic = m.clinic();
        if (!ACTIONS.contains(action)) {
            throw new NotFoundException("Nothing is at this address.");
        }
        Appointment a = appointments.require(clinic, parseId(id));
        Booker booker = new Booker(access.currentUser().orElseThrow().id(), m.role());
        try {
            String done = switch (action) {
                case "check-in" -> {
                    appointments.checkIn(clinic, a.id(), booker);
                    yield "Checked in.";
                }
                case "complete" -> {
                    appointments.complete(clinic, a.id(), booker);
                    yield "Completed.";
                }
                case "no-show" -> {
                    appointments.noShow(clinic, a.id(), booker);
                    yield "Marked as a no-show.";
                }
                case "cancel" -> {
                    appointments.cancel(clinic, a.id(), blankToNull(reason), booker);
                    yield "Cancelled.";
                }
                default -> {
                    Appointment moved = appointments.reschedule(clinic, a.id(),
                            ScheduleViews.instant("start", start), booker, null);
                    yield "Moved to " + moved.start().atZone(clinic.timeZone()).format(ScheduleViews.FULL_DATE) + " at "
                            + moved.start().atZone(clinic.timeZone()).format(ScheduleViews.TIME) + ".";
                }
            };
            redirect.addFlashAttribute("saved", done);
            return "redirect:/app/clinics/" + slug + "/appointments/" + a.id();
        } catch (ConflictException | RuleRefusedException | ForbiddenException | InvalidInputException e) {
            response.setStatus(statusOf(e));
            Appointment current = appointments.require(clinic, a.id());
            return appointmentPage(model, m, current, refusal(e, "This could not be done"),
                    action.equals("reschedule") ? LocalDate.ofInstant(a.start(), clinic.timeZone()) : null,
                    action.equals("reschedule") || action.equals("cancel") ? action : null);
        }
    }

    /** The staff form's fields, as typed. */
    public record NewForm(String client, String treatment, String date, String practitioner, String start,
            String overrideReason) {
    }

    @GetMapping("/app/clinics/{slug}/appointments/new")
    String newAppointment(@PathVariable String slug, @RequestParam(required = false) String client,
            @RequestParam(required = false) String treatment, @RequestParam(required = false) String date,
            @RequestParam(required = false) String practitioner, Model model, HttpServletResponse response) {
        Membership m = access.require(slug, Capability.READ_SCHEDULE);
        NewForm form = new NewForm(client, treatment, date, practitioner, null, null);
        Map<String, String> errors = new LinkedHashMap<>();
        return newPage(model, m, form, errors, null, false, response);
    }

    @PostMapping("/app/clinics/{slug}/appointments")
    String create(@PathVariable String slug, @RequestParam(required = false) String client,
            @RequestParam(required = false) String treatment, @RequestParam(required = false) String date,
            @RequestParam(required = false) String practitioner, @RequestParam(required = false) String start,
            @RequestParam(required = false) String overrideReason, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Membership m = access.require(slug, Capability.READ_SCHEDULE);
        Clinic clinic = m.clinic();
        NewForm form = new NewForm(client, treatment, date, practitioner, start, overrideReason);
        Map<String, String> errors = new LinkedHashMap<>();
        UUID clientId = null;
        UUID practitionerId = null;
        Instant at = null;
        try {
            clientId = ScheduleViews.id("client", client);
            if (clientId == null || clients.find(clinic, clientId).isEmpty()) {
                errors.put("client", "choose a client of " + clinic.name());
            }
        } catch (InvalidInputException e) {
            errors.put("client", e.violations().get(0).reason());
        }
        if (treatment == null || treatment.isBlank()) {
            errors.put("treatment", "choose a treatment");
        }
        try {
            practitionerId = ScheduleViews.id("practitioner", practitioner);
        } catch (InvalidInputException e) {
            errors.put("practitioner", e.violations().get(0).reason());
        }
        try {
            at = ScheduleViews.instant("start", start);
        } catch (InvalidInputException e) {
            errors.put("start", e.violations().get(0).reason());
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return newPage(model, m, form, errors, null, hasText(overrideReason), response);
        }
        try {
            Appointment booked = appointments.book(clinic, new BookAppointment(clientId, treatment.strip(), at,
                    practitionerId, blankToNull(overrideReason), null),
                    new Booker(access.currentUser().orElseThrow().id(), m.role()));
            redirect.addFlashAttribute("saved", "Booked.");
            return "redirect:/app/clinics/" + slug + "/appointments/" + booked.id();
        } catch (RuleRefusedException e) {
            response.setStatus(422);
            List<RuleFinding> findings = rules.check(clinic, clientId, treatment.strip(), at, null);
            boolean cautionOnly = !findings.isEmpty() && findings.stream().noneMatch(RuleFinding::excluded);
            return newPage(model, m, form, errors, refusal(e, "The treatment rules refuse this booking"), cautionOnly,
                    response);
        } catch (ConflictException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            errors.put("start", "that time was just taken: choose another");
            return newPage(model, m, new NewForm(client, treatment, date, practitioner, null, overrideReason), errors,
                    null, hasText(overrideReason), response);
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            for (Violation v : e.violations()) {
                errors.merge(formField(v.field()), v.reason(), (x, y) -> x + "; " + y);
            }
            return newPage(model, m, form, errors, null, hasText(overrideReason), response);
        }
    }

    private String newPage(Model model, Membership m, NewForm form, Map<String, String> errors, Refusal refusal,
            boolean showOverride, HttpServletResponse response) {
        Clinic clinic = m.clinic();
        ZoneId zone = clinic.timeZone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<TreatmentChoice> treatments = ScheduleViews.bookable(catalog, resources, clinic);
        model.addAttribute("clinic", clinic);
        model.addAttribute("zoneName", ScheduleViews.zoneName(zone));
        model.addAttribute("today", today);
        model.addAttribute("calendarHref", calendarHref(clinic, "day", today, "practitioner"));
        model.addAttribute("newHref", "/app/clinics/" + clinic.slug() + "/appointments/new");
        model.addAttribute("clients", clients.list(clinic, null).stream()
                .map(c -> new Option(c.id().toString(), c.lastName() + ", " + c.firstName())).toList());
        model.addAttribute("treatments", treatments);
        model.addAttribute("practitioners", names.practitioners(clinic).stream().filter(Named::active)
                .map(p -> new Option(p.id().toString(), p.name())).toList());
        model.addAttribute("refusal", refusal);
        model.addAttribute("showOverride", showOverride);
        model.addAttribute("days", null);
        LocalDate from = today;
        try {
            from = ScheduleViews.date("date", form.date(), today);
        } catch (InvalidInputException e) {
            errors.put("date", e.violations().get(0).reason());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        from = from.isBefore(today) ? today : from;
        model.addAttribute("form", new NewForm(form.client(), form.treatment(), from.toString(), form.practitioner(),
                form.start(), form.overrideReason()));
        model.addAttribute("fromLabel", from.format(ScheduleViews.DAY_MONTH));
        String code = form.treatment() == null ? "" : form.treatment().strip();
        if (!code.isEmpty() && treatments.stream().anyMatch(t -> t.code().equals(code))) {
            try {
                UUID practitionerId = ScheduleViews.id("practitioner", form.practitioner());
                List<Slot> slots = availability.search(clinic, code, from, from.plusDays(6), practitionerId);
                model.addAttribute("days", ScheduleViews.byDay(slots, zone, s -> null));
            } catch (InvalidInputException e) {
                e.violations().forEach(v -> errors.merge(formField(v.field()), v.reason(), (x, y) -> x + "; " + y));
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            }
        } else if (!code.isEmpty()) {
            errors.put("treatment", "'" + code + "' is not a treatment " + clinic.name() + " books");
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        model.addAttribute("errors", errors);
        return "booking/calendar/new";
    }

    /** An appointment as its page shows it. */
    public record Detail(UUID id, String client, String clientHref, String treatment, String date, String time,
            String blocked, String practitioner, String room, String devices, String status, String statusLabel,
            String overrideReason, String createdAt) {
    }

    /** One line of the appointment's history. */
    public record HistoryLine(String what, String when, String note) {
    }

    private String appointmentPage(Model model, Membership m, Appointment a, Refusal refusal, LocalDate rescheduleFrom,
            String panel) {
        Clinic clinic = m.clinic();
        ZoneId zone = clinic.timeZone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Map<UUID, String> practitionerNames = byId(names.practitioners(clinic));
        Map<UUID, String> roomNames = byId(names.rooms(clinic));
        Map<UUID, String> deviceNames = names.devices(clinic);
        String clientName = names.clients(clinic, List.of(a.clientId())).getOrDefault(a.clientId(), "Client");
        String treatmentName = catalog.find(clinic, a.treatment()).map(t -> t.treatment().name()).orElse(a.treatment());
        boolean buffered = !a.blockedFrom().equals(a.start()) || !a.blockedUntil().equals(a.end());
        Detail detail = new Detail(a.id(), clientName, "/app/clinics/" + clinic.slug() + "/clients/" + a.clientId(),
                treatmentName, a.start().atZone(zone).format(ScheduleViews.FULL_DATE),
                ScheduleViews.span(a.start(), a.end(), zone),
                buffered ? ScheduleViews.span(a.blockedFrom(), a.blockedUntil(), zone) : null,
                practitionerNames.getOrDefault(a.practitionerId(), "—"), roomNames.getOrDefault(a.roomId(), "—"),
                String.join(", ", a.deviceIds().stream().map(d -> deviceNames.getOrDefault(d, "Device")).toList()),
                a.status().code(), statusLabel(clinic, a), a.overrideReason(),
                a.createdAt().atZone(zone).format(ScheduleViews.DATE_TIME));
        String base = "/app/clinics/" + clinic.slug() + "/appointments/" + a.id();
        model.addAttribute("clinic", clinic);
        model.addAttribute("zoneName", ScheduleViews.zoneName(zone));
        model.addAttribute("a", detail);
        model.addAttribute("today", today);
        model.addAttribute("refusal", refusal);
        model.addAttribute("actionBase", base);
        model.addAttribute("detailHref", base);
        model.addAttribute("calendarHref", calendarHref(clinic, "day", LocalDate.ofInstant(a.start(), zone), "practitioner"));
        AppointmentStatus s = a.status();
        model.addAttribute("canCheckIn", s.canMoveTo(AppointmentStatus.CHECKED_IN));
        model.addAttribute("canComplete", s.canMoveTo(AppointmentStatus.COMPLETED));
        model.addAttribute("canNoShow", s.canMoveTo(AppointmentStatus.NO_SHOW) && !Instant.now(clock).isBefore(a.start()));
        model.addAttribute("canCancel", s.canMoveTo(AppointmentStatus.CANCELLED));
        model.addAttribute("canReschedule", s.canReschedule());
        model.addAttribute("openPanel", panel == null ? "" : panel);
        model.addAttribute("cancelReason", "");
        LocalDate from = rescheduleFrom == null ? null : (rescheduleFrom.isBefore(today) ? today : rescheduleFrom);
        model.addAttribute("rescheduleDate", from == null ? max(today, LocalDate.ofInstant(a.start(), zone)) : from);
        model.addAttribute("rescheduleDays", null);
        if (from != null && s.canReschedule()) {
            try {
                List<Slot> slots = availability.search(clinic, a.treatment(), from, from.plusDays(6), a.practitionerId());
                model.addAttribute("rescheduleDays", ScheduleViews.byDay(slots, zone, x -> null));
            } catch (InvalidInputException e) {
                model.addAttribute("refusal", Refusal.of("No free times to show", BookingPages.describe(e)));
            }
        }
        model.addAttribute("history", names.history(clinic, a.id()).stream().map(e -> new HistoryLine(
                e.fromStatus() == null ? "Booked" : (e.fromStatus().equals(e.toStatus()) ? "Moved to "
                        + e.startsAt().atZone(zone).format(ScheduleViews.DATE_TIME) : label(e.toStatus())),
                e.at().atZone(zone).format(ScheduleViews.DATE_TIME) + (e.byName() == null ? "" : " · " + e.byName()),
                e.note())).toList());
        return "booking/calendar/appointment";
    }

    private Block block(Clinic clinic, Appointment a, Map<UUID, String> clientNames, Map<String, String> treatmentNames,
            Function<Appointment, String> where, int row, int span) {
        return new Block(a.id(), "/app/clinics/" + clinic.slug() + "/appointments/" + a.id(),
                ScheduleViews.span(a.start(), a.end(), clinic.timeZone()), clientNames.getOrDefault(a.clientId(), "Client"),
                treatmentNames.getOrDefault(a.treatment(), a.treatment()), where.apply(a), a.status().code(),
                statusLabel(clinic, a), row, span);
    }

    /** The status as the calendar says it: a booked appointment the client confirmed says so. */
    private String statusLabel(Clinic clinic, Appointment a) {
        boolean confirmed = a.status() == AppointmentStatus.BOOKED
                && confirmations.orderedStream().anyMatch(c -> c.confirmed(clinic, a.id()));
        return confirmed ? a.status().label() + " · confirmed by the client" : a.status().label();
    }

    static String calendarHref(Clinic clinic, String view, LocalDate date, String by) {
        return UriComponentsBuilder.fromPath("/app/clinics/" + clinic.slug() + "/calendar").queryParam("view", view)
                .queryParam("date", date).queryParam("by", by).build().encode().toUriString();
    }

    private Map<String, String> treatmentNames(Clinic clinic) {
        Map<String, String> result = new HashMap<>();
        catalog.list(clinic).forEach(t -> result.put(t.code(), t.treatment().name()));
        return result;
    }

    private static Map<UUID, String> byId(List<Named> named) {
        Map<UUID, String> result = new HashMap<>();
        named.forEach(n -> result.put(n.id(), n.name()));
        return result;
    }

    private static String label(String status) {
        return AppointmentStatus.fromCode(status).map(AppointmentStatus::label).orElse(status);
    }

    private static String formField(String field) {
        return switch (field) {
            case "clientId" -> "client";
            case "practitionerId" -> "practitioner";
            default -> field;
        };
    }

    static Refusal refusal(RuntimeException e, String title) {
        if (e instanceof RuleRefusedException r) {
            return new Refusal(title, r.getMessage(), r.rule(),
                    r.allowedFrom() == null ? null : r.allowedFrom().format(ScheduleViews.FULL_DATE), null, null);
        }
        if (e instanceof InvalidInputException i) {
            return Refusal.of(title, BookingPages.describe(i));
        }
        return Refusal.of(title, e.getMessage());
    }

    static int statusOf(RuntimeException e) {
        if (e instanceof ConflictException) {
            return 409;
        }
        if (e instanceof RuleRefusedException) {
            return 422;
        }
        if (e instanceof ForbiddenException) {
            return 403;
        }
        return 400;
    }

    private static UUID parseId(String id) {
        return Ids.orNotFound(id, "No appointment '" + id + "'.");
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
