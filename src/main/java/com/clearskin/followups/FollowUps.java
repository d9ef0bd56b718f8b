package com.clearskin.followups;

import com.clearskin.booking.Appointment;
import com.clearskin.booking.AppointmentBooked;
import com.clearskin.booking.AppointmentCompleted;
import com.clearskin.booking.AppointmentReleased;
import com.clearskin.booking.AppointmentStatus;
import com.clearskin.booking.Appointments;
import com.clearskin.assessment.Assessment;
import com.clearskin.catalog.ClinicCatalog;
import com.clearskin.catalog.SkinType;
import com.clearskin.catalog.Treatment;
import com.clearskin.clients.ClientAssessments;
import com.clearskin.clients.Clients;
import com.clearskin.clinics.Clinic;
import com.clearskin.clinics.Clinics;
import com.clearskin.recommendation.ClinicRuleSettings;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Creates the follow-ups of an appointment as booking publishes its events, inside booking's own
 * transaction (the listeners are synchronous): booked or moved → a confirmation and the reminders;
 * cancelled, moved away or a no-show → its pending messages before the visit are cancelled;
 * completed → aftercare and the check-ins. Each row is unique per (appointment, kind, due time).
 */
@Service
public class FollowUps {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Clinics clinics;
    private final ClinicCatalog catalog;
    private final ClinicMessageSettings settings;
    private final ClinicRuleSettings ruleSettings;
    private final Appointments appointments;
    private final Clients clients;
    private final ClientAssessments assessments;

    FollowUps(JdbcClient jdbc, Clock clock, Clinics clinics, ClinicCatalog catalog, ClinicMessageSettings settings,
            ClinicRuleSettings ruleSettings, Appointments appointments, Clients clients, ClientAssessments assessments) {
        this.clients = clients;
        this.assessments = assessments;
        this.settings = settings;
        this.ruleSettings = ruleSettings;
        this.appointments = appointments;
        this.jdbc = jdbc;
        this.clock = clock;
        this.clinics = clinics;
        this.catalog = catalog;
    }

    @EventListener
    void onBooked(AppointmentBooked event) {
        Appointment a = event.appointment();
        if (a.status() != AppointmentStatus.BOOKED) {
            return;
        }
        Clinic clinic = clinics.byId(a.clinicId()).orElseThrow();
        Instant now = Instant.now(clock);
        MessageSettings s = settings.current(clinic).settings();
        schedule(clinic, s, a, FollowUpKind.CONFIRMATION, now);
        for (Instant at : FollowUpTiming.reminderTimes(a.start(), s.reminderDaysBefore(), clinic.timeZone(), now)) {
            schedule(clinic, s, a, FollowUpKind.REMINDER, at);
        }
        boolean hasBeforeCare = catalog.find(clinic, a.treatment()).map(t -> !t.treatment().beforeCare().isEmpty())
                .orElse(false);
        int pause = ruleSettings.forClinic(clinic).retinoidPauseDays(a.treatment());
        if ((hasBeforeCare || pause > 0) && a.start().isAfter(now)) {
            schedule(clinic, s, a, FollowUpKind.BEFORE_CARE,
                    FollowUpTiming.beforeCareTime(a.start(), pause, clinic.timeZone(), now));
        }
    }

    @EventListener
    void onReleased(AppointmentReleased event) {
        jdbc.sql("""
                update follow_up set status = 'cancelled', cancelled_at = :now
                where clinic_id = :clinic and appointment_id = :appointment and status = 'scheduled'
                  and kind in ('confirmation', 'reminder', 'before-care')""")
                .param("now", Timestamp.from(Instant.now(clock))).param("clinic", event.clinicId())
                .param("appointment", event.appointmentId()).update();
        jdbc.sql("""
                update visit_link set expires_at = :now
                where clinic_id = :clinic and appointment_id = :appointment and used_at is null and expires_at > :now
                  and purpose in ('confirm', 'cancel', 'reschedule')""")
                .param("now", Timestamp.from(Instant.now(clock))).param("clinic", event.clinicId())
                .param("appointment", event.appointmentId()).update();
        jdbc.sql("delete from appointment_confirmation where clinic_id = :clinic and appointment_id = :appointment")
                .param("clinic", event.clinicId()).param("appointment", event.appointmentId()).update();
        // A cancellation (not a move, nor a no-show) is told to the client: a confirmation-kind message
        // that, composed for a cancelled visit, says so and carries the calendar's cancellation.
        Clinic clinic = clinics.byId(event.clinicId()).orElseThrow();
        appointments.find(clinic, event.appointmentId()).filter(a -> a.status() == AppointmentStatus.CANCELLED)
                .ifPresent(a -> schedule(clinic, settings.current(clinic).settings(), a, FollowUpKind.CONFIRMATION,
                        Instant.now(clock)));
    }

    @EventListener
    void onCompleted(AppointmentCompleted event) {
        Appointment a = event.appointment();
        Clinic clinic = clinics.byId(a.clinicId()).orElseThrow();
        Instant now = Instant.now(clock);
        MessageSettings s = settings.current(clinic).settings();
        schedule(clinic, s, a, FollowUpKind.AFTERCARE, now);
        int downtime = catalog.find(clinic, a.treatment()).map(t -> t.treatment().downtime())
                .map(Treatment.Downtime::maxDays).orElse(0);
        for (int day : s.checkInDaysFor(a.treatment(), downtime)) {
            schedule(clinic, s, a, FollowUpKind.CHECK_IN, FollowUpTiming.checkInTime(now, day, clinic.timeZone()));
        }
        Optional<Treatment> treatment = catalog.find(clinic, a.treatment()).map(t -> t.treatment());
        SkinType skin = clients.find(clinic, a.clientId()).flatMap(c -> assessments.effective(clinic, c))
                .map(Assessment::skinType).orElse(null);
        treatment.ifPresent(t -> FollowUpTiming.rebookIntervalDays(a.courseId() != null, t.course(), t.cadence(), skin)
                .ifPresent(days -> schedule(clinic, s, a, FollowUpKind.REBOOK,
                        FollowUpTiming.rebookTime(now, days, clinic.timeZone()))));
    }

    /**
     * Schedules one message (unless the clinic does not send this kind); a row for the same (appointment, kind, due time) is kept as it is, or
     * scheduled again if it had been cancelled (an appointment moved away and back).
     */
    void schedule(Clinic clinic, MessageSettings s, Appointment a, FollowUpKind kind, Instant due) {
        if (!s.sends(kind)) {
            return;
        }
        Instant sendAt = FollowUpTiming.sendAt(due, kind.urgent(), clinic.timeZone(), s.quietFrom(), s.quietUntil());
        jdbc.sql("""
                insert into follow_up (clinic_id, id, appointment_id, client_id, kind, due_at, send_at, status, created_at)
                values (:clinic, :id, :appointment, :client, :kind, :due, :sendAt, 'scheduled', :now)
                on conflict (clinic_id, appointment_id, kind, due_at) do update
                    set status = 'scheduled', cancelled_at = null, send_at = excluded.send_at
                    where follow_up.status = 'cancelled'""")
                .param("clinic", clinic.id()).param("id", UUID.randomUUID()).param("appointment", a.id())
                .param("client", a.clientId()).param("kind", kind.code()).param("due", Timestamp.from(due))
                .param("sendAt", Timestamp.from(sendAt)).param("now", Timestamp.from(Instant.now(clock))).update();
    }

    /** The follow-ups of one appointment, by due time. */
    public List<FollowUp> forAppointment(Clinic clinic, UUID appointmentId) {
        return jdbc.sql("select * from follow_up where clinic_id = :clinic and appointment_id = :a order by due_at, kind")
                .param("clinic", clinic.id()).param("a", appointmentId).query((rs, n) -> map(rs)).list();
    }

    static FollowUp map(ResultSet rs) throws SQLException {
        Timestamp sent = rs.getTimestamp("sent_at");
        return new FollowUp(rs.getObject("id", UUID.class), rs.getObject("clinic_id", UUID.class),
                rs.getObject("appointment_id", UUID.class), rs.getObject("client_id", UUID.class),
                FollowUpKind.fromCode(rs.getString("kind")).orElseThrow(), rs.getTimestamp("due_at").toInstant(),
                rs.getTimestamp("send_at").toInstant(), rs.getString("status"), rs.getString("channel"),
                sent == null ? null : sent.toInstant());
    }
}
