package com.clearskin.recommendation;

import com.clearskin.catalog.ClinicCatalog;
import com.clearskin.catalog.ClinicTreatment;
import com.clearskin.clinics.Clinic;
import com.clearskin.platform.ConflictException;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.InvalidInputException.Violation;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * A clinic's own rule numbers. Until it saves some, a clinic uses the sourced defaults; a value it
 * changes is attributed to the clinic, as in the catalog.
 */
@Service
public class ClinicRuleSettings {

    /** The settings in force for a clinic, whether they are its own, and their revision (0: the defaults). */
    public record Current(RuleSettings settings, boolean customized, int revision, Instant updatedAt) {
    }

    private static final List<String> CLINIC = List.of("clinic");

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final RuleSettings defaults;
    private final ClinicCatalog catalog;
    private final Clock clock;

    ClinicRuleSettings(JdbcClient jdbc, JsonMapper json, DefaultRuleSettings defaults, ClinicCatalog catalog,
            Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.defaults = defaults.settings();
        this.catalog = catalog;
        this.clock = clock;
    }

    public Current current(Clinic clinic) {
        return jdbc.sql("select settings, revision, updated_at from clinic_rule_settings where clinic_id = :clinic")
                .param("clinic", clinic.id())
                .query((rs, n) -> new Current(json.readValue(rs.getString("settings"), RuleSettings.class)
                        .withDefaultsFrom(defaults), true,
                        rs.getInt("revision"), rs.getTimestamp("updated_at").toInstant()))
                .optional()
                .orElse(new Current(defaults, false, 0, null));
    }

    public RuleSettings forClinic(Clinic clinic) {
        return current(clinic).settings();
    }

    /** Saves the clinic's numbers; {@code expectedRevision}, when given, must be the one the editor started from. */
    @Transactional
    public Current update(Clinic clinic, RuleSettings edited, Integer expectedRevision, UUID editor) {
        Set<String> treatments = catalog.list(clinic).stream().map(ClinicTreatment::code).collect(Collectors.toSet());
        List<Violation> violations = RuleSettingsValidation.check(edited, treatments);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Current current = current(clinic);
        int expected = expectedRevision == null ? current.revision() : expectedRevision;
        if (expected != current.revision()) {
            throw new ConflictException("The rule settings were changed by someone else since revision " + expected
                    + ". Reload them and apply your change again.");
        }
        RuleSettings attributed = attribute(current.settings(), edited);
        Timestamp now = Timestamp.from(Instant.now(clock));
        int updated = current.customized()
                ? jdbc.sql("""
                        update clinic_rule_settings set settings = cast(:settings as jsonb), revision = revision + 1,
                               updated_at = :now, updated_by = :editor
                        where clinic_id = :clinic and revision = :expected""")
                .param("settings", json.writeValueAsString(attributed)).param("now", now).param("editor", editor)
                .param("clinic", clinic.id()).param("expected", expected).update()
                : jdbc.sql("""
                        insert into clinic_rule_settings (clinic_id, settings, revision, updated_at, updated_by)
                        values (:clinic, cast(:settings as jsonb), 1, :now, :editor) on conflict do nothing""")
                .param("settings", json.writeValueAsString(attributed)).param("now", now).param("editor", editor)
                .param("clinic", clinic.id()).update();
        if (updated == 0) {
            throw new ConflictException("The rule settings were changed by someone else. Reload them and try again.");
        }
        return current(clinic);
    }

    /** Back to the sourced defaults. */
    @Transactional
    public Current reset(Clinic clinic) {
        jdbc.sql("delete from clinic_rule_settings where clinic_id = :clinic").param("clinic", clinic.id()).update();
        return current(clinic);
    }

    /** A changed number is the clinic's; an unchanged one keeps its sources and note. */
    static RuleSettings attribute(RuleSettings before, RuleSettings after) {
        return new RuleSettings(perTreatment(before.isotretinoinWashoutMonths(), after.isotretinoinWashoutMonths()),
                perTreatment(before.topicalRetinoidPauseDays(), after.topicalRetinoidPauseDays()),
                perTreatment(before.minimumAge(), after.minimumAge()),
                one(before.fitzpatrickRiskFrom(), after.fitzpatrickRiskFrom()),
                cadence(before, after), one(before.recommendedScore(), after.recommendedScore()),
                firstLevel(before, after), oneOrNull(before.planImprovementThresholdPercent(),
                        after.planImprovementThresholdPercent()),
                oneOrNull(before.homeRoutineIsotretinoinMonths(), after.homeRoutineIsotretinoinMonths()));
    }

    private static RuleSettings.Setting oneOrNull(RuleSettings.Setting before, RuleSettings.Setting after) {
        return after == null ? before : one(before, after);
    }

    /** A concern's levels the clinic changed are the clinic's; unchanged ones keep their sources and note. */
    private static Map<com.clearskin.catalog.Concern, RuleSettings.FirstLevel> firstLevel(RuleSettings before,
            RuleSettings after) {
        Map<com.clearskin.catalog.Concern, RuleSettings.FirstLevel> out = new HashMap<>(before.firstLevel());
        after.firstLevel().forEach((concern, f) -> {
            RuleSettings.FirstLevel old = before.firstLevel().get(concern);
            out.put(concern, old != null && old.mild() == f.mild() && old.moderate() == f.moderate()
                    && old.severe() == f.severe() ? old
                    : new RuleSettings.FirstLevel(f.mild(), f.moderate(), f.severe(), CLINIC, f.note()));
        });
        return out;
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
