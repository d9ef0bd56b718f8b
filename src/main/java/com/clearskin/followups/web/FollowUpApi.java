package com.clearskin.followups.web;

import com.clearskin.accounts.Capability;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Membership;
import com.clearskin.booking.Appointments;
import com.clearskin.followups.FollowUp;
import com.clearskin.followups.FollowUps;
import com.clearskin.platform.Ids;
import com.clearskin.platform.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The messages around one visit, for staff. */
@RestController
class FollowUpApi {

    record FollowUpView(UUID id, String kind, Instant dueAt, String status, String channel) {
        static FollowUpView of(FollowUp f) {
            return new FollowUpView(f.id(), f.kind().code(), f.dueAt(), f.status(), f.channel());
        }
    }

    record FollowUpList(List<FollowUpView> followUps) {
    }

    private final ClinicAccess access;
    private final Appointments appointments;
    private final FollowUps followUps;

    FollowUpApi(ClinicAccess access, Appointments appointments, FollowUps followUps) {
        this.access = access;
        this.appointments = appointments;
        this.followUps = followUps;
    }

    @GetMapping("/api/v1/clinics/{slug}/appointments/{id}/follow-ups")
    @Operation(summary = "The follow-up messages of an appointment (confirmation, reminders, aftercare, check-ins, ...)")
    FollowUpList list(@PathVariable String slug, @PathVariable String id) {
        Membership m = access.require(slug, Capability.READ_SCHEDULE);
        UUID appointment = Ids.parse(id).map(u -> appointments.require(m.clinic(), u).id())
                .orElseThrow(() -> new NotFoundException("No such appointment"));
        return new FollowUpList(followUps.forAppointment(m.clinic(), appointment).stream().map(FollowUpView::of).toList());
    }
}
