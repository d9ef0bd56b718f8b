package com.clearskin.webhooks;

import com.clearskin.booking.Appointment;
import com.clearskin.booking.AppointmentBooked;
import com.clearskin.booking.AppointmentReleased;
import com.clearskin.booking.AppointmentStatus;
import com.clearskin.booking.Appointments;
import com.clearskin.clinics.Clinics;
import com.clearskin.followups.CheckInEscalated;
import com.clearskin.jobs.RecurringJob;
import com.clearskin.sessions.SessionSigned;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The events a webhook may carry, turned into deliveries in the event's own transaction:
 * {@code appointment.booked}, {@code appointment.cancelled}, {@code checkin.escalated},
 * {@code session.signed}. The data names ids and times, never health answers.
 */
@Component
class WebhookEvents {

    private final Webhooks webhooks;
    private final Appointments appointments;
    private final Clinics clinics;

    WebhookEvents(Webhooks webhooks, Appointments appointments, Clinics clinics) {
        this.webhooks = webhooks;
        this.appointments = appointments;
        this.clinics = clinics;
    }

    @EventListener
    void onBooked(AppointmentBooked event) {
        Appointment a = event.appointment();
        if (a.status() != AppointmentStatus.BOOKED) {
            return;
        }
        webhooks.enqueue(a.clinicId(), "appointment.booked", appointment(a));
    }

    @EventListener
    void onReleased(AppointmentReleased event) {
        clinics.byId(event.clinicId()).flatMap(c -> appointments.find(c, event.appointmentId()))
                .filter(a -> a.status() == AppointmentStatus.CANCELLED)
                .ifPresent(a -> webhooks.enqueue(a.clinicId(), "appointment.cancelled", appointment(a)));
    }

    @EventListener
    void onEscalated(CheckInEscalated event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("escalationId", event.escalationId());
        data.put("appointmentId", event.appointmentId());
        webhooks.enqueue(event.clinicId(), "checkin.escalated", data);
    }

    @EventListener
    void onSigned(SessionSigned event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("sessionId", event.sessionId());
        data.put("appointmentId", event.appointmentId());
        data.put("treatment", event.treatment());
        data.put("signedAt", event.signedAt().toString());
        webhooks.enqueue(event.clinicId(), "session.signed", data);
    }

    private static Map<String, Object> appointment(Appointment a) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("appointmentId", a.id());
        data.put("clientId", a.clientId());
        data.put("practitionerId", a.practitionerId());
        data.put("treatment", a.treatment());
        data.put("start", a.start().toString());
        data.put("end", a.end().toString());
        return data;
    }

    @Configuration
    static class Scheduling {

        @Bean
        RecurringJob webhookDeliveryJob(Webhooks webhooks,
                @Value("${clearskin.webhooks.delivery-interval:PT5S}") Duration interval) {
            return RecurringJob.every(interval, "webhooks-delivery", webhooks::deliverDue);
        }
    }
}
