package com.clearskin.resources.web;

import com.clearskin.accounts.Capability;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Membership;
import com.clearskin.platform.ForbiddenException;
import com.clearskin.resources.ClinicResources;
import com.clearskin.resources.ClinicSchedule;
import com.clearskin.resources.Closure;
import com.clearskin.resources.DeviceChange;
import com.clearskin.resources.DeviceDetails;
import com.clearskin.resources.NewClosure;
import com.clearskin.resources.NewTimeOff;
import com.clearskin.resources.PractitionerChange;
import com.clearskin.resources.PractitionerDetails;
import com.clearskin.resources.RequirementChange;
import com.clearskin.resources.RoomChange;
import com.clearskin.resources.RoomDetails;
import com.clearskin.resources.ScheduleChange;
import com.clearskin.resources.Term;
import com.clearskin.resources.TimeOff;
import com.clearskin.resources.TreatmentRequirement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A clinic's bookable resources. Everyone who works at the clinic reads them; owners and admins
 * change them; a practitioner adds and removes their own time off. Clients get 403, another
 * clinic's people 404.
 */
@RestController
@RequestMapping("/api/v1/clinics/{slug}")
@Tag(name = "Clinic resources", description = "Time zone, booking settings, opening hours, closures, practitioners "
        + "with shifts, breaks and time off, rooms, devices, and what each treatment needs to be booked")
@SecurityRequirement(name = "bearer")
class ResourcesApi {

    record ClosureList(int count, List<Closure> closures) {
    }

    record PractitionerList(int count, List<PractitionerDetails> practitioners) {
    }

    record TimeOffList(int count, List<TimeOff> timeOff) {
    }

    record RoomList(int count, List<RoomDetails> rooms, List<Term> capabilities) {
    }

    record DeviceList(int count, List<DeviceDetails> devices, List<Term> types) {
    }

    record RequirementList(int count, List<TreatmentRequirement> requirements) {
    }

    private final ClinicAccess access;
    private final ClinicResources resources;

    ResourcesApi(ClinicAccess access, ClinicResources resources) {
        this.access = access;
        this.resources = resources;
    }

    // --- schedule ---

    @GetMapping("/schedule")
    @Operation(summary = "Time zone, booking settings and opening hours (staff)",
            description = "The ETag is the clinic's schedule revision, which grows with every change to any resource.")
    ResponseEntity<ClinicSchedule> schedule(@PathVariable String slug) {
        Membership m = access.require(slug, Capability.READ_SCHEDULE);
        ClinicSchedule schedule = resources.schedule(m.clinic());
        return ResponseEntity.ok().eTag(Integer.toString(schedule.revision())).body(schedule);
    }

    @PutMapping("/schedule")
    @Operation(summary = "Replace time zone, settings and opening hours (owners and admins)",
            description = "timeZone: IANA name; settings: slotMinutes (5-120, divides a day), minNoticeMinutes "
                    + "(0-20160), horizonDays (1-730), clientCancelHours (0-720), waitlistOfferMinutes (5-10080); "
                    + "openingHours: [{weekday: monday..sunday, start: HH:mm, end: HH:mm}], several per day, no "
                    + "overlaps. A 400 names every wrong field.")
    ResponseEntity<ClinicSchedule> changeSchedule(@PathVariable String slug, @RequestBody ScheduleChange body) {
        Membership m = access.require(slug, Capability.EDIT_RESOURCES);
        ClinicSchedule schedule = resources.changeSchedule(m.clinic(), body);
        return ResponseEntity.ok().eTag(Integer.toString(schedule.revision())).body(schedule);
    }

    // --- closures ---

    @GetMapping("/closures")
    @Operation(summary = "Days the clinic is closed (staff)")
    ClosureList closures(@PathVariable String slug) {
        Membership m = access.require(slug, Capability.READ_SCHEDULE);
        List<Closure> closures = resources.closures(m.clinic());
        return new ClosureList(closures.size(), closures);
    }

    @PostMapping("/closures")
    @Operation(summary = "Close the clinic on some days (owners and admins)",
            description = "{firstDay, lastDay (YYYY-MM-DD, inclusive, at most 366 days), reason (1-200 characters)}")
    ResponseEntity<Closure> addClosure(@PathVariable String slug, @RequestBody NewClosure body) {
        Membership m = access.require(slug, Capability.EDIT_RESOURCES);
        Closure closure = resources.addClosure(m.clinic(), body);
        return ResponseEntity.created(URI.create("/api/v1/clinics/" + slug + "/closures/" + closure.id())).body(closure);
    }

    @DeleteMapping("/closures/{id}")
    @Operation(summary = "Reopen: remove a closure (owners and admins)")
    ResponseEntity<Void> removeClosure(@PathVariable String slug, @PathVariable String id) {
        Membership m = access.require(slug, Capability.EDIT_RESOURCES);
        resources.removeClosure(m.clinic(), id);
        return ResponseEntity.noContent().build();
    }

    // --- practitioners ---

    @GetMapping("/practitioners")
    @Operation(summary = "The clinic's practitioners, active first (staff)")
    PractitionerList practitioners(@PathVariable String slug) {
        Membership m = access.require(slug, Capability.READ_SCHEDULE);
        List<PractitionerDetails> all = resources.practitioners(m.clinic());
        return new PractitionerList(all.size(), all);
    }

    @PostMapping("/practitioners")
    @Operation(summary = "Add a practitioner (owners and admins)",
            description = "{displayName, qualification: esthetician|nurse|physician, userId (optional: a staff "
                    + "account of this clinic), active (default true), shifts and breaks: [{weekday, start, end}]}; "
                    + "breaks lie inside shifts; no overlaps.")
    ResponseEntity<PractitionerDetails> addPractitioner(@PathVariable String slug,
            @RequestBody PractitionerChange body) {
        Membership m = access.require(slug, Capability.EDIT_RESOURCES);
        PractitionerDetails p = resources.addPractitioner(m.clinic(), body);
        return ResponseEntity.created(URI.create("/api/v1/clinics/" + slug + "/practitioners/" + p.id())).body(p);
    }

    @GetMapping("/practitioners/{id}")
    @Operation(summary = "One practitioner with shifts and breaks (staff)")
    PractitionerDetails practitioner(@PathVariable String slug, @PathVariable String id) {
        Membership m = access.require(slug, Capability.READ_SCHEDULE);
        return resources.practitioner(m.clinic(), id);
    }

    @PutMapping("/practitioners/{id}")
    @Operation(summary = "Replace a practitioner, shifts and breaks included (owners and admins)",
            description = "active: false takes them off new bookings; practitioners are never deleted because "
                    + "appointments refer to them.")
    PractitionerDetails changePractitioner(@PathVariable String slug, @PathVariable String id,
            @RequestBody PractitionerChange body) {
        Membership m = access.require(slug, Capability.EDIT_RESOURCES);
        return resources.changePractitioner(m.clinic(), id, body);
    }

    @GetMapping("/practitioners/{id}/time-off")
    @Operation(summary = "A practitioner's time off (staff)")
    TimeOffList timeOff(@PathVariable String slug, @PathVariable String id) {
        Membership m = access.require(slug, Capability.READ_SCHEDULE);
        List<TimeOff> all = resources.timeOff(m.clinic(), id);
        return new TimeOffList(all.size(), all);
    }

    @PostMapping("/practitioners/{id}/time-off")
    @Operation(summary = "Record time off (owners, admins, and the practitioner themself)",
            description = "{startsAt, endsAt: local date-times in the clinic's zone such as 2026-12-24T13:00 (or "
                    + "with an offset), reason (optional, at most 200 characters)}. A local time the clocks skip is "
                    + "refused.")
    ResponseEntity<TimeOff> addTimeOff(@PathVariable String slug, @PathVariable String id,
            @RequestBody NewTimeOff body) {
        Membership m = mayManageTimeOff(slug, id);
        TimeOff t = resources.addTimeOff(m.clinic(), id, body);
        return ResponseEntity.created(URI.create("/api/v1/clinics/" + slug + "/practitioners/" + id + "/time-off/"
                + t.id())).body(t);
    }

    @DeleteMapping("/practitioners/{id}/time-off/{timeOffId}")
    @Operation(summary = "Remove time off (owners, admins, and the practitioner themself)")
    ResponseEntity<Void> removeTimeOff(@PathVariable String slug, @PathVariable String id,
            @PathVariable String timeOffId) {
        Membership m = mayManageTimeOff(slug, id);
        resources.removeTimeOff(m.clinic(), id, timeOffId);
        return ResponseEntity.noContent().build();
    }

    /** Owners and admins manage anyone's time off; other staff only their own (the practitioner linked to them). */
    private Membership mayManageTimeOff(String slug, String practitionerId) {
        Membership m = access.require(slug, Capability.MANAGE_TIME_OFF);
        if (m.isAdmin()) {
            return m;
        }
        PractitionerDetails p = resources.practitioner(m.clinic(), practitionerId);
        if (p.userId() == null || !p.userId().equals(access.currentUser().orElseThrow().id())) {
            throw new ForbiddenException("Only owners, admins and the practitioner themself change this time off.");
        }
        return m;
    }

    // --- rooms ---

    @GetMapping("/rooms")
    @Operation(summary = "The clinic's rooms and the capabilities a room may offer (staff)")
    RoomList rooms(@PathVariable String slug) {
        Membership m = access.require(slug, Capability.READ_SCHEDULE);
        List<RoomDetails> all = resources.rooms(m.clinic());
        return new RoomList(all.size(), all, resources.roomCapabilities());
    }

    @PostMapping("/rooms")
    @Operation(summary = "Add a room (owners and admins)",
            description = "{name (1-100 characters), capabilities: [facial-bed, body-treatment-bed, laser-safe], "
                    + "active (default true)}")
    ResponseEntity<RoomDetails> addRoom(@PathVariable String slug, @RequestBody RoomChange body) {
        Membership m = access.require(slug, Capability.EDIT_RESOURCES);
        RoomDetails room = resources.addRoom(m.clinic(), body);
        return ResponseEntity.created(URI.create("/api/v1/clinics/" + slug + "/rooms/" + room.id())).body(room);
    }

    @GetMapping("/rooms/{id}")
    @Operation(summary = "One room (staff)")
    RoomDetails room(@PathVariable String slug, @PathVariable String id) {
        Membership m = access.require(slug, Capability.READ_SCHEDULE);
        return resources.room(m.clinic(), id);
    }

    @PutMapping("/rooms/{id}")
    @Operation(summary = "Replace a room (owners and admins); active: false retires it")
    RoomDetails changeRoom(@PathVariable String slug, @PathVariable String id, @RequestBody RoomChange body) {
        Membership m = access.require(slug, Capability.EDIT_RESOURCES);
        return resources.changeRoom(m.clinic(), id, body);
    }

    // --- devices ---

    @GetMapping("/devices")
    @Operation(summary = "The clinic's device units and the known device types (staff)")
    DeviceList devices(@PathVariable String slug) {
        Membership m = access.require(slug, Capability.READ_SCHEDULE);
        List<DeviceDetails> all = resources.devices(m.clinic());
        return new DeviceList(all.size(), all, resources.deviceTypes());
    }

    @PostMapping("/devices")
    @Operation(summary = "Add a device unit (owners and admins)",
            description = "{name (1-100 characters), type (one of the device types), active (default true)}. Each "
                    + "unit is booked by one appointment at a time.")
    ResponseEntity<DeviceDetails> addDevice(@PathVariable String slug, @RequestBody DeviceChange body) {
        Membership m = access.require(slug, Capability.EDIT_RESOURCES);
        DeviceDetails device = resources.addDevice(m.clinic(), body);
        return ResponseEntity.created(URI.create("/api/v1/clinics/" + slug + "/devices/" + device.id())).body(device);
    }

    @GetMapping("/devices/{id}")
    @Operation(summary = "One device unit (staff)")
    DeviceDetails device(@PathVariable String slug, @PathVariable String id) {
        Membership m = access.require(slug, Capability.READ_SCHEDULE);
        return resources.device(m.clinic(), id);
    }

    @PutMapping("/devices/{id}")
    @Operation(summary = "Replace a device unit (owners and admins); active: false retires it")
    DeviceDetails changeDevice(@PathVariable String slug, @PathVariable String id, @RequestBody DeviceChange body) {
        Membership m = access.require(slug, Capability.EDIT_RESOURCES);
        return resources.changeDevice(m.clinic(), id, body);
    }

    // --- treatment requirements ---

    @GetMapping("/treatment-requirements")
    @Operation(summary = "What each treatment of the clinic's catalog needs to be booked (staff)")
    RequirementList requirements(@PathVariable String slug) {
        Membership m = access.require(slug, Capability.READ_SCHEDULE);
        List<TreatmentRequirement> all = resources.requirements(m.clinic());
        return new RequirementList(all.size(), all);
    }

    @GetMapping("/treatment-requirements/{code}")
    @Operation(summary = "What one treatment needs to be booked (staff)")
    TreatmentRequirement requirement(@PathVariable String slug, @PathVariable String code) {
        Membership m = access.require(slug, Capability.READ_SCHEDULE);
        return resources.requirement(m.clinic(), code);
    }

    @PutMapping("/treatment-requirements/{code}")
    @Operation(summary = "Replace what a treatment needs (owners and admins)",
            description = "{bookable, roomCapabilities, deviceTypes, bufferBeforeMinutes, bufferAfterMinutes (0-240)}. "
                    + "Buffers hold the practitioner, the room and the devices. Changed values are attributed to the "
                    + "clinic.")
    TreatmentRequirement changeRequirement(@PathVariable String slug, @PathVariable String code,
            @RequestBody RequirementChange body) {
        Membership m = access.require(slug, Capability.EDIT_RESOURCES);
        return resources.changeRequirement(m.clinic(), code, body);
    }
}
