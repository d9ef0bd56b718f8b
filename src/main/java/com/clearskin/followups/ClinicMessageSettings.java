package com.clearskin.followups;

import com.clearskin.catalog.ClinicCatalog;
import com.clearskin.catalog.ClinicTreatment;
import com.clearskin.clinics.Clinic;
import com.clearskin.platform.ClinicSettingsStore;
import com.clearskin.platform.SettingsKind;
import com.clearskin.platform.StoredSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * A clinic's message settings, kept in the one store of clinic settings (kind {@code message-settings}):
 * the shipped defaults until the clinic saves its own.
 */
@Service
public class ClinicMessageSettings {

    static final String KIND = "message-settings";

    private final ClinicSettingsStore store;
    private final ClinicCatalog catalog;
    private final SettingsKind<MessageSettings> kind = new SettingsKind<>(KIND, MessageSettings.class,
            MessageSettings.DEFAULTS, (before, after) -> after, "the message settings");

    ClinicMessageSettings(ClinicSettingsStore store, ClinicCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    /** The settings in force, as stored (check-in days only where the clinic chose its own). */
    public StoredSettings<MessageSettings> current(Clinic clinic) {
        return store.current(clinic.id(), kind);
    }

    /** The settings in force with every treatment's check-in days spelled out (the clinic's or from its downtime). */
    public StoredSettings<MessageSettings> effective(Clinic clinic) {
        StoredSettings<MessageSettings> c = current(clinic);
        MessageSettings s = c.settings();
        Map<String, List<Integer>> days = new LinkedHashMap<>();
        for (ClinicTreatment t : catalog.list(clinic)) {
            days.put(t.code(), s.checkInDaysFor(t.code(), t.treatment().downtime() == null ? 0 : t.treatment().downtime().maxDays()));
        }
        return new StoredSettings<>(new MessageSettings(s.reminderDaysBefore(), s.quietHours(), days, s.kinds()),
                c.customized(), c.revision(), c.updatedAt());
    }

    /**
     * Saves the clinic's settings (400 naming the field; 409 when {@code expectedRevision} is stale).
     * A treatment's check-in days equal to its default are not kept, so that they follow the catalog.
     */
    public StoredSettings<MessageSettings> update(Clinic clinic, MessageSettings edited, Integer expectedRevision, UUID editor) {
        List<ClinicTreatment> treatments = catalog.list(clinic);
        Set<String> codes = treatments.stream().map(ClinicTreatment::code).collect(Collectors.toSet());
        var violations = MessageSettingsValidation.check(edited, codes);
        Map<String, List<Integer>> own = new LinkedHashMap<>();
        if (violations.isEmpty()) {
            for (ClinicTreatment t : treatments) {
                List<Integer> days = edited.checkInDays().get(t.code());
                int downtime = t.treatment().downtime() == null ? 0 : t.treatment().downtime().maxDays();
                if (days != null && !days.equals(FollowUpTiming.checkInDays(downtime))) {
                    own.put(t.code(), days.stream().sorted().toList());
                }
            }
        }
        MessageSettings kept = new MessageSettings(edited.reminderDaysBefore(), edited.quietHours(), own, edited.kinds());
        store.update(clinic.id(), kind, kept, violations, expectedRevision, editor);
        return effective(clinic);
    }

    /** Back to the defaults. */
    public StoredSettings<MessageSettings> reset(Clinic clinic) {
        store.reset(clinic.id(), kind);
        return effective(clinic);
    }
}
