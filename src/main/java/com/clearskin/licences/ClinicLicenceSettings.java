package com.clearskin.licences;

import com.clearskin.clinics.Clinic;
import com.clearskin.platform.ClinicSettingsStore;
import com.clearskin.platform.SettingsKind;
import com.clearskin.platform.StoredSettings;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** The clinic's {@link LicenceSettings}, kept in the one store of clinic settings (kind {@code licence-rules}). */
@Service
public class ClinicLicenceSettings {

    static final String KIND = "licence-rules";

    private final ClinicSettingsStore store;
    private final SettingsKind<LicenceSettings> kind = new SettingsKind<>(KIND, LicenceSettings.class,
            new LicenceSettings(false), (before, after) -> after, "the licence settings");
    private final ApplicationEventPublisher events;

    ClinicLicenceSettings(ClinicSettingsStore store, ApplicationEventPublisher events) {
        this.store = store;
        this.events = events;
    }

    public StoredSettings<LicenceSettings> current(Clinic clinic) {
        return store.current(clinic.id(), kind);
    }

    /** Saves the setting; {@code expectedRevision}, when given, must be the one the editor started from (else 409). */
    public StoredSettings<LicenceSettings> update(Clinic clinic, LicenceSettings edited, Integer expectedRevision,
            UUID editor) {
        StoredSettings<LicenceSettings> saved = store.update(clinic.id(), kind, edited, List.of(), expectedRevision,
                editor);
        events.publishEvent(new LicencesChanged(clinic.id()));
        return saved;
    }
}
