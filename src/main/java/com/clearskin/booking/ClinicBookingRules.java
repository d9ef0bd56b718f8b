package com.clearskin.booking;

import com.clearskin.catalog.ClinicCatalog;
import com.clearskin.catalog.ClinicTreatment;
import com.clearskin.clinics.Clinic;
import com.clearskin.platform.ClinicSettingsStore;
import com.clearskin.platform.SettingsKind;
import com.clearskin.platform.StoredSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;


/**
 * A clinic's booking-rule data (the resurfacing group, recovery days), kept in the one store of
 * clinic settings ({@link ClinicSettingsStore}, kind {@code booking-rules}). Until it saves its own,
 * a clinic uses the sourced defaults; a value it changes is attributed to the clinic.
 */
@Service
public class ClinicBookingRules {

    /** The key of this kind in the settings store. */
    static final String KIND = "booking-rules";
    private static final List<String> CLINIC = List.of("clinic");

    private final ClinicSettingsStore store;
    private final JsonMapper json;
    private final SettingsKind<BookingRuleSettings> kind;
    private final ClinicCatalog catalog;

    ClinicBookingRules(ClinicSettingsStore store, JsonMapper json, ClinicCatalog catalog) {
        this.store = store;
        this.json = json;
        this.kind = new SettingsKind<>(KIND, BookingRuleSettings.class, BookingRuleSettings.fromClasspath(json),
                ClinicBookingRules::attribute, "the booking rules");
        this.catalog = catalog;
    }

    public BookingRuleSettings defaults() {
        return kind.defaults();
    }

    public StoredSettings<BookingRuleSettings> current(Clinic clinic) {
        return store.current(clinic.id(), kind);
    }

    BookingRuleSettings parse(String stored) {
        return json.readValue(stored, BookingRuleSettings.class);
    }

    /** Saves the clinic's data; {@code expectedRevision}, when given, must be the one the editor started from. */
    public StoredSettings<BookingRuleSettings> update(Clinic clinic, BookingRuleSettings edited,
            Integer expectedRevision, UUID editor) {
        Set<String> treatments = catalog.list(clinic).stream().map(ClinicTreatment::code).collect(Collectors.toSet());
        return store.update(clinic.id(), kind, edited, BookingRuleSettingsValidation.check(edited, treatments),
                expectedRevision, editor);
    }

    /** Back to the sourced defaults. */
    public StoredSettings<BookingRuleSettings> reset(Clinic clinic) {
        return store.reset(clinic.id(), kind);
    }

    /** A changed group or number is the clinic's; an unchanged one keeps its sources and note. */
    static BookingRuleSettings attribute(BookingRuleSettings before, BookingRuleSettings after) {
        BookingRuleSettings.Group group = Set.copyOf(before.recoveryGroup().treatments())
                .equals(Set.copyOf(after.recoveryGroup().treatments())) ? before.recoveryGroup()
                : new BookingRuleSettings.Group(after.recoveryGroup().treatments(), CLINIC,
                        after.recoveryGroup().note());
        Map<String, BookingRuleSettings.Days> days = new HashMap<>();
        after.recoveryDays().forEach((code, d) -> {
            BookingRuleSettings.Days old = before.recoveryDays().get(code);
            days.put(code, old != null && old.value() == d.value() ? old
                    : new BookingRuleSettings.Days(d.value(), CLINIC, d.note()));
        });
        return new BookingRuleSettings(group, days);
    }
}
