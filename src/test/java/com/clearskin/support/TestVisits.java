package com.clearskin.support;

import com.clearskin.clinics.Clinic;
import com.clearskin.consent.ConsentForms;
import com.clearskin.consent.Consents;
import com.clearskin.consent.SignatureRequest;
import com.clearskin.booking.Appointment;
import com.clearskin.booking.Appointments;
import com.clearskin.sessions.Sessions;
import com.clearskin.sessions.TreatmentSession;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A checked-in appointment's visit done through the modules' own code, for tests about what comes
 * after it (completing the appointment): consent signed, session started, every step done, charted
 * and signed by the clinic's owner.
 */
@Component
public class TestVisits {

    private final ConsentForms forms;
    private final Consents consents;
    private final Sessions sessions;
    private final Appointments appointments;
    private final JdbcClient jdbc;
    private final TestInstruments instruments;
    private final JsonMapper json = JsonMapper.builder().build();

    TestVisits(ConsentForms forms, Consents consents, Sessions sessions, Appointments appointments, JdbcClient jdbc,
            TestInstruments instruments) {
        this.forms = forms;
        this.consents = consents;
        this.sessions = sessions;
        this.appointments = appointments;
        this.jdbc = jdbc;
        this.instruments = instruments;
    }

    /** Signs the session of the (checked-in) appointment, so that it may be completed. */
    public TreatmentSession signedSession(Clinic clinic, String appointmentId) {
        TreatmentSession s = readyToSign(clinic, appointmentId);
        UUID owner = owner(clinic);
        instruments.recordFor(clinic, s.id(), owner);
        return sessions.sign(clinic, s.id(), owner);
    }

    private UUID owner(Clinic clinic) {
        return jdbc.sql("""
                select user_id from clinic_member where clinic_id = :clinic and role = 'owner'
                order by created_at limit 1""").param("clinic", clinic.id()).query(UUID.class).single();
    }

    /** The session of the (checked-in) appointment started, every step done and charted, not signed. */
    public TreatmentSession readyToSign(Clinic clinic, String appointmentId) {
        Appointment a = appointments.require(clinic, UUID.fromString(appointmentId));
        UUID owner = jdbc.sql("""
                select user_id from clinic_member where clinic_id = :clinic and role = 'owner'
                order by created_at limit 1""").param("clinic", clinic.id()).query(UUID.class).single();
        if (consents.holding(clinic, a.clientId(), a.treatment()).isEmpty()) {
            String form = forms.list(clinic, a.treatment()).get(0).id().toString();
            consents.sign(clinic, a, new SignatureRequest(form, "Test Client", "Test Client", null, true), owner, true,
                    new Consents.Evidence("127.0.0.1", "test"));
        }
        TreatmentSession s = sessions.start(clinic, a, json.readTree("""
                {"todayCheck": {"sunburnOrRecentTan": false, "activeInfectionInArea": false, "openWoundsInArea": false,
                 "pregnantOrBreastfeeding": false, "newMedicationSinceAssessment": false},
                 "acknowledgedCautions": [{"rule": "no-assessment", "reason": "test visit"}]}"""), owner);
        for (TreatmentSession.Step step : s.steps()) {
            sessions.completeStep(clinic, s.id(), step.order(), null, owner);
        }
        sessions.saveChart(clinic, s.id(), json.readTree("{\"skinResponse\": {\"erythema\": 0, \"edema\": 0}}"), owner);
        return sessions.require(clinic, s.id());
    }
}
