package com.clearskin.booking;

import com.clearskin.accounts.Role;
import com.clearskin.clients.ClientErased;
import com.clearskin.clinics.Clinics;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** When a client's data is erased, their upcoming appointments are cancelled in the same transaction. */
@Component
class ErasedClientAppointments {

    private final Appointments appointments;
    private final Clinics clinics;
    private final Clock clock;

    ErasedClientAppointments(Appointments appointments, Clinics clinics, Clock clock) {
        this.appointments = appointments;
        this.clinics = clinics;
        this.clock = clock;
    }

    @EventListener
    void onClientErased(ClientErased event) {
        clinics.byId(event.clinicId()).ifPresent(clinic -> {
            Instant now = Instant.now(clock);
            Booker clinicItself = new Booker(null, Role.ADMIN);
            appointments.forClient(clinic, event.clientId()).stream()
                    .filter(a -> a.status() == AppointmentStatus.BOOKED && a.start().isAfter(now))
                    .forEach(a -> appointments.cancel(clinic, a.id(), "The client's data was erased.", clinicItself));
        });
    }
}
