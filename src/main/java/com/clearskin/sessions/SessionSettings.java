package com.clearskin.sessions;

import com.clearskin.clinics.Clinic;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.resources.ClinicResources;
import com.clearskin.resources.PractitionerDetails;
import com.clearskin.platform.ClinicSettingsStore;
import com.clearskin.platform.SettingsKind;
import com.clearskin.platform.StoredSettings;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clinic's record settings kept by this module ({@link OversightSettings}, in the one store of clinic
 * settings, kind {@code session-rules}): its medical director, the physician practitioner who
 * co-signs the sessions that need medical oversight.
 */
@Service
public class SessionSettings {

    private static final SettingsKind<OversightSettings> KIND = new SettingsKind<>("session-rules", OversightSettings.class,
            new OversightSettings(null), (before, after) -> after, "the session settings");

    private final ClinicSettingsStore store;
    private final ClinicResources resources;

    SessionSettings(ClinicSettingsStore store, ClinicResources resources) {
        this.store = store;
        this.resources = resources;
    }

    /** The medical director's practitioner id, if the clinic named one. */
    public Optional<UUID> medicalDirector(Clinic clinic) {
        return Optional.ofNullable(current(clinic).settings().medicalDirectorId());
    }

    /** The settings with their revision (the API's ETag). */
    public StoredSettings<OversightSettings> current(Clinic clinic) {
        return store.current(clinic.id(), KIND);
    }

    /** Names the medical director (or none, with null): a physician practitioner of the clinic. */
    public Optional<UUID> changeMedicalDirector(Clinic clinic, String practitionerId) {
        return Optional.ofNullable(changeMedicalDirector(clinic, practitionerId, null, null).settings()
                .medicalDirectorId());
    }

    /**
     * Names the medical director (or none, with null); {@code expectedRevision}, when given, must be
     * the revision the editor read (else 409).
     */
    @Transactional
    public StoredSettings<OversightSettings> changeMedicalDirector(Clinic clinic, String practitionerId,
            Integer expectedRevision, UUID editor) {
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
        return store.update(clinic.id(), KIND, new OversightSettings(id), List.of(), expectedRevision, editor);
    }

    /** Whether the account is the clinic's medical director: linked to the named practitioner, a physician. */
    public boolean isMedicalDirector(Clinic clinic, UUID userId) {
        Optional<UUID> director = medicalDirector(clinic);
        return director.isPresent() && resources.practitionerOfUser(clinic, userId)
                .filter(p -> p.id().equals(director.get()) && "physician".equals(p.qualification())).isPresent();
    }
}
