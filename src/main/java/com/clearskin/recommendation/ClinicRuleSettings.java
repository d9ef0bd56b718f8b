package com.clearskin.recommendation;

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


/**
 * A clinic's own rule numbers, kept in the one store of clinic settings
 * ({@link ClinicSettingsStore}, kind {@code recommendation-rules}). Until it saves some, a clinic
 * uses the sourced defaults; a value it changes is attributed to the clinic, as in the catalog.
 */
@Service
public class ClinicRuleSettings {

    /** The key of this kind in the settings store. */
    public static final String KIND = "recommendation-rules";
    private static final List<String> CLINIC = List.of("clinic");

    private final ClinicSettingsStore store;
    private final SettingsKind<RuleSettings> kind;
    private final ClinicCatalog catalog;

    ClinicRuleSettings(ClinicSettingsStore store, DefaultRuleSettings defaults, ClinicCatalog catalog) {
        this.store = store;
        this.kind = new SettingsKind<>(KIND, RuleSettings.class, defaults.settings(),
                ClinicRuleSettings::attribute, "the rule settings");
        this.catalog = catalog;
    }

    public StoredSettings<RuleSettings> current(Clinic clinic) {
        return store.current(clinic.id(), kind);
    }

    public RuleSettings forClinic(Clinic clinic) {
        return current(clinic).settings();
    }

    /** Saves the clinic's numbers; {@code expectedRevision}, when given, must be the one the editor started from. */
    public StoredSettings<RuleSettings> update(Clinic clinic, RuleSettings edited, Integer expectedRevision,
            UUID editor) {
        Set<String> treatments = catalog.list(clinic).stream().map(ClinicTreatment::code).collect(Collectors.toSet());
        return store.update(clinic.id(), kind, edited, RuleSettingsValidation.check(edited, treatments),
                expectedRevision, editor);
    }

    /** Back to the sourced defaults. */
    public StoredSettings<RuleSettings> reset(Clinic clinic) {
        return store.reset(clinic.id(), kind);
    }

    /** A changed number is the clinic's; an unchanged one keeps its sources and note. */
    static RuleSettings attribute(RuleSettings before, RuleSettings after) {
        return new RuleSettings(perTreatment(before.isotretinoinWashoutMonths(), after.isotretinoinWashoutMonths()),
                perTreatment(before.topicalRetinoidPauseDays(), after.topicalRetinoidPauseDays()),
                perTreatment(before.minimumAge(), after.minimumAge()),
                one(before.fitzpatrickRiskFrom(), after.fitzpatrickRiskFrom()),
                cadence(before, after), one(before.recommendedScore(), after.recommendedScore()));
    }

    private static Map<String, RuleSettings.Setting> perTreatment(Map<String, RuleSettings.Setting> before,
            Map<String, RuleSettings.Setting> after) {
        Map<String, RuleSettings.Setting> out = new HashMap<>();
        after.forEach((code, s) -> out.put(code, one(before.get(code), s)));
        return out;
    }

    private static RuleSettings.Setting one(RuleSettings.Setting before, RuleSettings.Setting after) {
        if (before != null && before.value() == after.value()) {
            return before;
        }
        return new RuleSettings.Setting(after.value(), CLINIC, after.note());
    }

    private static Map<com.clearskin.catalog.SkinType, RuleSettings.Range> cadence(RuleSettings before,
            RuleSettings after) {
        Map<com.clearskin.catalog.SkinType, RuleSettings.Range> out = new HashMap<>();
        after.homeCleansingCadenceDays().forEach((type, r) -> {
            RuleSettings.Range old = before.homeCleansingCadenceDays().get(type);
            out.put(type, old != null && old.min() == r.min() && old.max() == r.max() ? old
                    : new RuleSettings.Range(r.min(), r.max(), CLINIC));
        });
        return out;
    }
}
