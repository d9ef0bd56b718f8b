package com.clearskin.hygiene;

import com.clearskin.clinics.Clinic;
import com.clearskin.platform.ClinicSettingsStore;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.SettingsKind;
import com.clearskin.platform.StoredSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * A clinic's sterilization settings in the one store of clinic settings (kind {@code sterilization}):
 * the sourced defaults until the clinic saves its own; a changed document names the clinic as a source.
 */
@Service
public class ClinicSterilizationSettings {

    static final String KIND = "sterilization";
    static final String CHANGED_BY_CLINIC = "Changed by the clinic (the sterilizer maker's instructions may ask more)";

    private final ClinicSettingsStore store;
    private final SettingsKind<SterilizationSettings> kind = new SettingsKind<>(KIND, SterilizationSettings.class,
            SterilizationSettings.defaults(), ClinicSterilizationSettings::attribute, "the sterilization settings");

    ClinicSterilizationSettings(ClinicSettingsStore store) {
        this.store = store;
    }

    public StoredSettings<SterilizationSettings> current(Clinic clinic) {
        return store.current(clinic.id(), kind);
    }

    /** Saves the clinic's settings (400 naming each wrong field; 409 when {@code expectedRevision} is stale). */
    public StoredSettings<SterilizationSettings> update(Clinic clinic, SterilizationSettings edited, Integer expectedRevision,
            UUID editor) {
        if (edited == null) {
            throw new InvalidInputException("settings", "send the settings as GET returns them");
        }
        return store.update(clinic.id(), kind, edited, edited.violations(), expectedRevision, editor);
    }

    public StoredSettings<SterilizationSettings> reset(Clinic clinic) {
        return store.reset(clinic.id(), kind);
    }

    static SterilizationSettings attribute(SterilizationSettings before, SterilizationSettings after) {
        SterilizationSettings d = SterilizationSettings.defaults();
        boolean asShipped = d.minimums().equals(after.minimums()) && d.shelfLifeDays() == null && after.shelfLifeDays() == null
                && d.blockOnOverdueSporeTest() == after.blockOnOverdueSporeTest();
        List<String> sources = new ArrayList<>(SterilizationSettings.DEFAULT_SOURCES);
        if (!asShipped) {
            sources.add(CHANGED_BY_CLINIC);
        }
        return new SterilizationSettings(after.minimums(), after.shelfLifeDays(), after.blockOnOverdueSporeTest(), sources,
                after.showOnPublicProfile());
    }
}
