package com.clearskin.sessions;

import com.clearskin.catalog.ClinicCatalog;
import com.clearskin.clinics.Clinic;
import com.clearskin.platform.ConflictException;
import com.clearskin.booking.Appointment;
import com.clearskin.booking.CompletionCheck;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * An appointment whose treatment has a protocol is completed only once its session's record is
 * signed: otherwise 409 {@code session-not-signed}, and nothing changes.
 */
@Component
class SessionCompletionCheck implements CompletionCheck {

    private final Sessions sessions;
    private final ClinicCatalog catalog;

    SessionCompletionCheck(Sessions sessions, ClinicCatalog catalog) {
        this.sessions = sessions;
        this.catalog = catalog;
    }

    @Override
    public void beforeCompleting(Clinic clinic, Appointment appointment) {
        boolean hasProtocol = catalog.find(clinic, appointment.treatment())
                .map(t -> !t.treatment().protocol().isEmpty()).orElse(false);
        if (!hasProtocol) {
            return;
        }
        boolean signed = sessions.forAppointment(clinic, appointment.id()).map(TreatmentSession::signed).orElse(false);
        if (!signed) {
            throw new ConflictException("session-not-signed", "The appointment is completed once its session's record "
                    + "is signed: run the session, chart it and sign it first.", Map.of("appointmentId",
                    appointment.id().toString()));
        }
    }
}
