package com.clearskin.resources.web;

import com.clearskin.accounts.Capability;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Membership;
import com.clearskin.platform.ConflictException;
import com.clearskin.platform.ForbiddenException;
import com.clearskin.platform.InvalidInputException.Violation;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.resources.BookingSettings;
import com.clearskin.resources.ClinicResources;
import com.clearskin.resources.ClinicSchedule;
import com.clearskin.resources.DeviceChange;
import com.clearskin.resources.DeviceDetails;
import com.clearskin.resources.NewClosure;
import com.clearskin.resources.NewTimeOff;
import com.clearskin.resources.PractitionerChange;
import com.clearskin.resources.PractitionerDetails;
import com.clearskin.resources.RequirementChange;
import com.clearskin.resources.ResourceRules;
import com.clearskin.resources.RoomChange;
import com.clearskin.resources.RoomDetails;
import com.clearskin.resources.ScheduleChange;
import com.clearskin.resources.TreatmentRequirement;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages where a clinic sets up what it books: settings and opening hours, closures,
 * practitioners with shifts, breaks and time off, rooms, devices, and what each treatment needs.
 * Every member of staff reads them; owners and admins change them; a practitioner records their
 * own time off. A form with a mistake comes back with each field's problem next to it.
 */
@Controller
@RequestMapping("/app/clinics/{slug}/schedule")
class ResourcesPages {

    private static final String VIEWS = "resources/";

    private final ClinicAccess access;
    private final ClinicResources resources;

    ResourcesPages(ClinicAccess access, ClinicResources resources) {
        this.access = access;
        this.resources = resources;
    }

    // ------------------------------------------------------------------ settings and opening hours

    @GetMapping
    String settings(@PathVariable String slug, Model model) {
        Membership m = access.require(slug, Capability.READ_SCHEDULE);
        ClinicSchedule s = resources.schedule(m.clinic());
        Map<String, String> values = new LinkedHashMap<>();
        values.put("timeZone", s.timeZone());
        values.put("slotMinutes", str(s.settings().slotMinutes()));
        values.put("minNoticeMinutes", str(s.settings().minNoticeMinutes()));
        values.put("horizonDays", str(s.settings().horizonDays()));
        values.put("clientCancelHours", str(s.settings().clientCancelHours()));
        values.put("waitlistOfferMinutes", str(s.settings().waitlistOfferMinutes()));
        values.putAll(WeekForm.format("openingHours", s.openingHours()));
        return settingsPage(model, m, s, values, Map.of());
    }

    @PostMapping
    String saveSettings(@PathVariable String slug, @RequestParam Map<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Membership m = access.require(slug, Capability.EDIT_RESOURCES);
        List<Violation> out = new ArrayList<>();
        WeekForm.Read hours = WeekForm.read("openingHours", form, out);
        BookingSettings settings = new BookingSettings(number(form, "slotMinutes", out),
                number(form, "minNoticeMinutes", out), number(form, "horizonDays", out),
                number(form, "clientCancelHours", out), number(form, "waitlistOfferMinutes", out));
        if (!out.isEmpty()) { // the change will not be tried: still say everything else that is wrong
            List<Violation> rules = new ArrayList<>(ResourceRules.timeZoneIsIana(form.get("timeZone")));
            rules.addAll(ResourceRules.settings(settings));
            rules.stream().filter(v -> out.stream().noneMatch(o -> o.field().equals(formField(v.field()))))
                    .forEach(out::add);
        }
        Map<String, String> errors = attempt(out, Map.of("openingHours", hours), () ->
                resources.changeSchedule(m.clinic(), new ScheduleChange(form.get("timeZone"), settings, hours.hours())));
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("saved", "Saved. Booking settings and opening hours are updated.");
            return "redirect:/app/clinics/" + slug + "/schedule";
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return settingsPage(model, m, resources.schedule(m.clinic()), form, errors);
    }

    private String settingsPage(Model model, Membership m, ClinicSchedule s, Map<String, String> values,
            Map<String, String> errors) {
        common(model, m, "settings", values, errors);
        model.addAttribute("schedule", s);
        model.addAttribute("zones", new TreeSet<>(ZoneId.getAvailableZoneIds()).stream()
                .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/")).toList());
        model.addAttribute("defaults", resources.defaults().settings());
        return VIEWS + "settings";
    }

    // ------------------------------------------------------------------ closures

    @GetMapping("/closures")
    String closures(@PathVariable String slug, Model model) {
        Membership m = access.require(slug, Capability.READ_SCHEDULE);
        return closuresPage(model, m, Map.of(), Map.of());
    }

    @PostMapping("/closures")
    String addClosure(@PathVariable String slug, @RequestParam Map<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Membership m = access.require(slug, Capability.EDIT_RESOURCES);
        Map<String, String> errors = attempt(new ArrayList<>(), Map.of(), () -> resources.addClosure(m.clinic(),
                new NewClosure(form.get("firstDay"), form.get("lastDay"), form.get("reason"))));
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("saved", "The closure is added.");
            return "redirect:/app/clinics/" + slug + "/schedule/closures";
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return closuresPage(model, m, form, errors);
    }

    @PostMapping("/closures/{id}/delete")
    String removeClosure(@PathVariable String slug, @PathVariable String id, RedirectAttributes redirect) {
        Membership m = access.require(slug, Capability.EDIT_RESOURCES);
        resources.removeClosure(m.clinic(), id);
        redirect.addFlashAttribute("saved", "The closure is removed.");
        return "redirect:/app/clinics/" + slug + "/schedule/closures";
    }

    private String closuresPage(Model model, Membership m, Map<String, String> values, Map<String, String> errors) {
        common(model, m, "closures", values, errors);
        model.addAttribute("closures", resources.closures(m.clinic()));
        return VIEWS + "closures";
    }

    // ------------------------------------------------------------------ practitioners

    @GetMapping("/practitioners")
    String practitioners(@PathVariable String slug, Model model) {
        Membership m = access.require(slug, Capability.READ_SCHEDULE);
        return practitionersPage(model, m, Map.of("qualification", "esthetician"), Map.of());
    }

    @PostMapping("/practitioners")
    String addPractitioner(@PathVariable String slug, @RequestParam Map<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Membership m = access.require(slug, Capability.EDIT_RESOURCES);
        List<Violation> out = new ArrayList<>();
        WeekForm.Read shifts = WeekForm.read("shifts", form, out);
        WeekForm.Read breaks = WeekForm.read("breaks", form, out);
        PractitionerDetails[] added = new PractitionerDetails[1];
        Map<String, String> errors = attempt(out, Map.of("shifts", shifts, "breaks", breaks), () ->
                added[0] = resources.addPractitioner(m.clinic(), practitionerChange(form, shifts, breaks)));
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("saved", added[0].displayName() + " is added.");
            return "redirect:/app/clinics/" + slug + "/schedule/practitioners/" + added[0].id();
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return practitionersPage(model, m, form, errors);
    }

    private String practitionersPage(Model model, Membership m, Map<String, String> values,
            Map<String, String> errors) {
        common(model, m, "practitioners", values, errors);
        model.addAttribute("practitioners", resources.practitioners(m.clinic()));
        model.addAttribute("accounts", resources.linkableAccounts(m.clinic()));
        return VIEWS + "practitioners";
    }

    @GetMapping("/practitioners/{id}")
    String practitioner(@PathVariable String slug, @PathVariable String id, Model model) {
        Membership m = access.require(slug, Capability.READ_SCHEDULE);
        PractitionerDetails p = resources.practitioner(m.clinic(), id);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("displayName", p.displayName());
        values.put("qualification", p.qualification());
        values.put("userId", p.userId() == null ? "" : p.userId().toString());
        values.put("active", Boolean.toString(p.active()));
        values.putAll(WeekForm.format("shifts", p.shifts()));
        values.putAll(WeekForm.format("breaks", p.breaks()));
        return practitionerPage(model, m, p, values, Map.of(), Map.of(), Map.of());
    }

    @PostMapping("/practitioners/{id}")
    String savePractitioner(@PathVariable String slug, @PathVariable String id, @RequestParam Map<String, String> form,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Membership m = access.require(slug, Capability.EDIT_RESOURCES);
        PractitionerDetails current = resources.practitioner(m.clinic(), id);
        List<Violation> out = new ArrayList<>();
        WeekForm.Read shifts = WeekForm.read("shifts", form, out);
        WeekForm.Read breaks = WeekForm.read("breaks", form, out);
        Map<String, String> errors = attempt(out, Map.of("shifts", shifts, "breaks", breaks), () ->
                resources.changePractitioner(m.clinic(), id, practitionerChange(form, shifts, breaks)));
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("saved", "Saved.");
            return "redirect:/app/clinics/" + slug + "/schedule/practitioners/" + id;
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return practitionerPage(model, m, current, form, errors, Map.of(), Map.of());
    }

    @PostMapping("/practitioners/{id}/time-off")
    String addTimeOff(@PathVariable String slug, @PathVariable String id, @RequestParam Map<String, String> form,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Membership m = access.require(slug, Capability.MANAGE_TIME_OFF);
        PractitionerDetails p = mayManageTimeOff(m, id);
        Map<String, String> errors = attempt(new ArrayList<>(), Map.of(), () -> resources.addTimeOff(m.clinic(), id,
                new NewTimeOff(form.get("startsAt"), form.get("endsAt"), form.get("reason"))));
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("saved", "The time off is recorded.");
            return "redirect:/app/clinics/" + slug + "/schedule/practitioners/" + id;
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("displayName", p.displayName());
        values.put("qualification", p.qualification());
        values.put("userId", p.userId() == null ? "" : p.userId().toString());
        values.put("active", Boolean.toString(p.active()));
        values.putAll(WeekForm.format("shifts", p.shifts()));
        values.putAll(WeekForm.format("breaks", p.breaks()));
        return practitionerPage(model, m, p, values, Map.of(), form, errors);
    }

    @PostMapping("/practitioners/{id}/time-off/{timeOffId}/delete")
    String removeTimeOff(@PathVariable String slug, @PathVariable String id, @PathVariable String timeOffId,
            RedirectAttributes redirect) {
        Membership m = access.require(slug, Capability.MANAGE_TIME_OFF);
        mayManageTimeOff(m, id);
        resources.removeTimeOff(m.clinic(), id, timeOffId);
        redirect.addFlashAttribute("saved", "The time off is removed.");
        return "redirect:/app/clinics/" + slug + "/schedule/practitioners/" + id;
    }

    private PractitionerDetails mayManageTimeOff(Membership m, String id) {
        PractitionerDetails p = resources.practitioner(m.clinic(), id);
        if (!canManageTimeOff(m, p)) {
            throw new ForbiddenException("Only owners, admins and the practitioner themself change this time off.");
        }
        return p;
    }

    private boolean canManageTimeOff(Membership m, PractitionerDetails p) {
        return m.isAdmin() || p.userId() != null && p.userId().equals(access.currentUser().orElseThrow().id());
    }

    private String practitionerPage(Model model, Membership m, PractitionerDetails p, Map<String, String> values,
            Map<String, String> errors, Map<String, String> timeOffValues, Map<String, String> timeOffErrors) {
        common(model, m, "practitioners", values, errors);
        model.addAttribute("p", p);
        model.addAttribute("accounts", resources.linkableAccounts(m.clinic()));
        model.addAttribute("timeOff", resources.timeOff(m.clinic(), p.id().toString()));
        model.addAttribute("timeOffValues", timeOffValues);
        model.addAttribute("timeOffErrors", timeOffErrors);
        model.addAttribute("canManageTimeOff", canManageTimeOff(m, p));
        return VIEWS + "practitioner";
    }

    private static PractitionerChange practitionerChange(Map<String, String> form, WeekForm.Read shifts,
            WeekForm.Read breaks) {
        return new PractitionerChange(form.get("displayName"), form.get("qualification"), form.get("userId"),
                form.containsKey("active") ? Boolean.valueOf("true".equals(form.get("active"))) : Boolean.TRUE,
                shifts.hours(), breaks.hours());
    }

    // ------------------------------------------------------------------ rooms

    @GetMapping("/rooms")
    String rooms(@PathVariable String slug, Model model) {
        Membership m = access.require(slug, Capability.READ_SCHEDULE);
        return roomsPage(model, m, null, Map.of(), List.of(), Map.of());
    }

    @PostMapping("/rooms")
    String addRoom(@PathVariable String slug, @RequestParam MultiValueMap<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Membership m = access.require(slug, Capability.EDIT_RESOURCES);
        RoomChange change = roomChange(form);
        Map<String, String> errors = attempt(new ArrayList<>(), Map.of(), () -> resources.addRoom(m.clinic(), change));
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("saved", change.name().strip() + " is added.");
            return "redirect:/app/clinics/" + slug + "/schedule/rooms";
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return roomsPage(model, m, null, form.toSingleValueMap(), change.capabilities(), errors);
    }

    @GetMapping("/rooms/{id}")
    String room(@PathVariable String slug, @PathVariable String id, Model model) {
        Membership m = access.require(slug, Capability.READ_SCHEDULE);
        RoomDetails room = resources.room(m.clinic(), id);
        return roomsPage(model, m, room, Map.of("name", room.name(), "active", Boolean.toString(room.active())),
                room.capabilities(), Map.of());
    }

    @PostMapping("/rooms/{id}")
    String saveRoom(@PathVariable String slug, @PathVariable String id,
            @RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Membership m = access.require(slug, Capability.EDIT_RESOURCES);
        RoomDetails room = resources.room(m.clinic(), id);
        RoomChange change = roomChange(form);
        Map<String, String> errors = attempt(new ArrayList<>(), Map.of(), () ->
                resources.changeRoom(m.clinic(), id, change));
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("saved", "Saved.");
            return "redirect:/app/clinics/" + slug + "/schedule/rooms";
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return roomsPage(model, m, room, form.toSingleValueMap(), change.capabilities(), errors);
    }

    private String roomsPage(Model model, Membership m, RoomDetails editing, Map<String, String> values,
            List<String> checked, Map<String, String> errors) {
        common(model, m, "rooms", values, errors);
        model.addAttribute("rooms", resources.rooms(m.clinic()));
        model.addAttribute("capabilities", resources.roomCapabilities());
        model.addAttribute("checked", checked);
        model.addAttribute("editing", editing);
        return VIEWS + "rooms";
    }

    private static RoomChange roomChange(MultiValueMap<String, String> form) {
        List<String> caps = form.getOrDefault("capabilities", List.of());
        return new RoomChange(form.getFirst("name"), caps,
                form.containsKey("active") ? "true".equals(form.getFirst("active")) : Boolean.TRUE);
    }

    // ------------------------------------------------------------------ devices

    @GetMapping("/devices")
    String devices(@PathVariable String slug, Model model) {
        Membership m = access.require(slug, Capability.READ_SCHEDULE);
        return devicesPage(model, m, null, Map.of(), Map.of());
    }

    @PostMapping("/devices")
    String addDevice(@PathVariable String slug, @RequestParam Map<String, String> form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Membership m = access.require(slug, Capability.EDIT_RESOURCES);
        DeviceChange change = deviceChange(form);
        Map<String, String> errors = attempt(new ArrayList<>(), Map.of(), () -> resources.addDevice(m.clinic(), change));
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("saved", change.name().strip() + " is added.");
            return "redirect:/app/clinics/" + slug + "/schedule/devices";
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return devicesPage(model, m, null, form, errors);
    }

    @GetMapping("/devices/{id}")
    String device(@PathVariable String slug, @PathVariable String id, Model model) {
        Membership m = access.require(slug, Capability.READ_SCHEDULE);
        DeviceDetails d = resources.device(m.clinic(), id);
        return devicesPage(model, m, d, Map.of("name", d.name(), "type", d.type(), "active",
                Boolean.toString(d.active())), Map.of());
    }

    @PostMapping("/devices/{id}")
    String saveDevice(@PathVariable String slug, @PathVariable String id, @RequestParam Map<String, String> form,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Membership m = access.require(slug, Capability.EDIT_RESOURCES);
        DeviceDetails d = resources.device(m.clinic(), id);
        Map<String, String> errors = attempt(new ArrayList<>(), Map.of(), () ->
                resources.changeDevice(m.clinic(), id, deviceChange(form)));
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("saved", "Saved.");
            return "redirect:/app/clinics/" + slug + "/schedule/devices";
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return devicesPage(model, m, d, form, errors);
    }

    private String devicesPage(Model model, Membership m, DeviceDetails editing, Map<String, String> values,
            Map<String, String> errors) {
        common(model, m, "devices", values, errors);
        model.addAttribute("devices", resources.devices(m.clinic()));
        model.addAttribute("types", resources.deviceTypes());
        model.addAttribute("editing", editing);
        return VIEWS + "devices";
    }

    private static DeviceChange deviceChange(Map<String, String> form) {
        return new DeviceChange(form.get("name"), form.get("type"),
                form.containsKey("active") ? "true".equals(form.get("active")) : Boolean.TRUE);
    }

    // ------------------------------------------------------------------ treatment requirements

    @GetMapping("/treatments")
    String requirements(@PathVariable String slug, Model model) {
        Membership m = access.require(slug, Capability.READ_SCHEDULE);
        common(model, m, "treatments", Map.of(), Map.of());
        model.addAttribute("requirements", resources.requirements(m.clinic()));
        model.addAttribute("editing", null);
        model.addAttribute("capabilities", resources.roomCapabilities());
        model.addAttribute("types", resources.deviceTypes());
        return VIEWS + "treatments";
    }

    @GetMapping("/treatments/{code}")
    String requirement(@PathVariable String slug, @PathVariable String code, Model model) {
        Membership m = access.require(slug, Capability.READ_SCHEDULE);
        TreatmentRequirement r = resources.requirement(m.clinic(), code);
        Map<String, String> values = Map.of("bookable", Boolean.toString(r.bookable()),
                "bufferBeforeMinutes", str(r.bufferBeforeMinutes()), "bufferAfterMinutes", str(r.bufferAfterMinutes()));
        return requirementPage(model, m, r, values, r.roomCapabilities(), r.deviceTypes(), Map.of());
    }

    @PostMapping("/treatments/{code}")
    String saveRequirement(@PathVariable String slug, @PathVariable String code,
            @RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Membership m = access.require(slug, Capability.EDIT_RESOURCES);
        TreatmentRequirement current = resources.requirement(m.clinic(), code);
        Map<String, String> single = form.toSingleValueMap();
        List<Violation> out = new ArrayList<>();
        List<String> caps = form.getOrDefault("roomCapabilities", List.of());
        List<String> devices = form.getOrDefault("deviceTypes", List.of());
        RequirementChange change = new RequirementChange("true".equals(single.get("bookable")), caps, devices,
                number(single, "bufferBeforeMinutes", out), number(single, "bufferAfterMinutes", out));
        Map<String, String> errors = attempt(out, Map.of(), () -> resources.changeRequirement(m.clinic(), code, change));
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("saved", "Saved. " + current.name() + " is updated.");
            return "redirect:/app/clinics/" + slug + "/schedule/treatments";
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return requirementPage(model, m, current, single, caps, devices, errors);
    }

    private String requirementPage(Model model, Membership m, TreatmentRequirement r, Map<String, String> values,
            List<String> caps, List<String> devices, Map<String, String> errors) {
        common(model, m, "treatments", values, errors);
        model.addAttribute("editing", r);
        model.addAttribute("checkedCaps", caps);
        model.addAttribute("checkedDevices", devices);
        model.addAttribute("capabilities", resources.roomCapabilities());
        model.addAttribute("types", resources.deviceTypes());
        model.addAttribute("requirements", List.of());
        return VIEWS + "treatments";
    }

    // ------------------------------------------------------------------ shared

    private static void common(Model model, Membership m, String section, Map<String, String> values,
            Map<String, String> errors) {
        model.addAttribute("membership", m);
        model.addAttribute("clinic", m.clinic());
        model.addAttribute("section", section);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("weekdays", WeekForm.WEEKDAYS);
    }

    /**
     * Runs the change unless the form itself could not be read; returns the errors by form field
     * (empty when it was saved).
     */
    private static Map<String, String> attempt(List<Violation> formViolations, Map<String, WeekForm.Read> weeks,
            Runnable change) {
        List<Violation> violations = new ArrayList<>(formViolations);
        if (violations.isEmpty()) {
            try {
                change.run();
            } catch (InvalidInputException e) {
                violations.addAll(e.violations());
            } catch (ConflictException e) {
                violations.add(new Violation("form", e.getMessage()));
            }
        }
        Map<String, String> errors = new LinkedHashMap<>();
        violations.forEach(v -> errors.merge(formField(WeekForm.formField(v.field(), weeks)), v.reason(),
                (a, b) -> a + "; " + b));
        return errors;
    }

    /** Settings are named settings.x in the service and x on the form. */
    private static String formField(String field) {
        return field.startsWith("settings.") ? field.substring("settings.".length()) : field;
    }

    private static Integer number(Map<String, String> form, String field, List<Violation> out) {
        String value = form.get(field);
        if (value == null || value.isBlank()) {
            out.add(new Violation(field, "is required"));
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            out.add(new Violation(field, "'" + value + "' is not a whole number"));
            return null;
        }
    }

    private static String str(Integer value) {
        return value == null ? "" : value.toString();
    }
}
