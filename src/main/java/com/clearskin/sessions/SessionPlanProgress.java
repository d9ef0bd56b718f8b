package com.clearskin.sessions;

import com.clearskin.clinics.Clinic;
import com.clearskin.recommendation.PlanProgress;
import com.clearskin.recommendation.TreatmentPlan;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A plan's progress from the clinical record: the signed sessions of the first step's treatment
 * for the client (a started but unsigned session is not done). The measured change waits for the
 * photos module; until then it is unknown, so a finished course asks to re-measure.
 */
@Component
class SessionPlanProgress implements PlanProgress {

    private final JdbcClient jdbc;

    SessionPlanProgress(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public TreatmentPlan.Progress of(Clinic clinic, UUID clientId, String treatment) {
        int signed = jdbc.sql("""
                select count(*) from treatment_session
                where clinic_id = :clinic and client_id = :client and treatment = :treatment and signed_at is not null""")
                .param("clinic", clinic.id()).param("client", clientId).param("treatment", treatment)
                .query(Integer.class).single();
        return new TreatmentPlan.Progress(signed, null);
    }
}
