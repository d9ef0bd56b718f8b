package com.clearskin.sessions;

import com.clearskin.clinics.Clinic;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.resources.ClinicResources;
import com.clearskin.resources.PractitionerDetails;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clinic's record settings kept by this module: its medical director, the physician practitioner
 * who co-signs the sessions that need medical oversight.
 */
@Service
public class SessionSettings {

    private final JdbcClient jdbc;
    private final ClinicResources resources;
    private final Clock clock;

    SessionSettings(JdbcClient jdbc, ClinicResources resources, Clock clock) {
        this.jdbc = jdbc;
        this.resources = resources;
        this.clock = clock;
    }

    /** The medical director's practitioner id, if the clinic named one. */
    public Optional<UUID> medicalDirector(Clinic clinic) {
        return jdbc.sql("select medical_director_id from session_settings where clinic_id = :clinic")
                .param("clinic", clinic.id()).query(UUID.class).optional();
    }

    /** Names the medical director (or none, with null): a physician practitioner of the clinic. */
    @Transactional
    public Optional<UUID> changeMedicalDirector(Clinic clinic, String practitionerId) {
        UUID id = null;
        if (practitionerId != null && !practitionerId.isBlank()) {
            PractitionerDetails p = resources.practitioners(clinic).stream()
                    .filter(x -> x.id().toString().equals(practitionerId.strip())).findFirst()
                    .orElseThrow(() -> new InvalidInputException("medicalDirectorId", "is not a practitioner of the clinic"));
            if (!"physician".equals(p.qualification())) {
                throw new InvalidInputException("medicalDirectorId", "must be a physician (this practitioner is "
                        + p.qualification() + ")");
            }
            id = p.id();
        }
        jdbc.sql("""
                insert into session_settings (clinic_id, medical_director_id, updated_at) values (:clinic, :id, :now)
                on conflict (clinic_id) do update set medical_director_id = excluded.medical_director_id,
                       updated_at = excluded.updated_at""")
                .param("clinic", clinic.id()).param("id", id).param("now", Timestamp.from(Instant.now(clock))).update();
        return Optional.ofNullable(id);
    }

    /** Whether the account is the clinic's medical director: linked to the named practitioner, a physician. */
    public boolean isMedicalDirector(Clinic clinic, UUID userId) {
        Optional<UUID> director = medicalDirector(clinic);
        return director.isPresent() && resources.practitionerOfUser(clinic, userId)
                .filter(p -> p.id().equals(director.get()) && "physician".equals(p.qualification())).isPresent();
    }
}
