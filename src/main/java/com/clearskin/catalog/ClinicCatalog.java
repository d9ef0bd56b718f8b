package com.clearskin.catalog;

import com.clearskin.clinics.Clinic;
import com.clearskin.clinics.ClinicCreated;
import com.clearskin.platform.ConflictException;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.InvalidInputException.Violation;
import com.clearskin.platform.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Each clinic's own catalog: copied from the defaults when the clinic opens, then the clinic's to edit. */
@Service
public class ClinicCatalog {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final DefaultCatalog defaults;
    private final Clock clock;

    ClinicCatalog(JdbcClient jdbc, JsonMapper json, DefaultCatalog defaults, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.defaults = defaults;
        this.clock = clock;
    }

    /** A new clinic starts with the whole default catalog, in the transaction that opens it. */
    @EventListener
    void onClinicCreated(ClinicCreated event) {
        copyDefaults(event.clinic().id());
    }

    /** Adds the default treatments the clinic does not have yet; never touches the ones it has. */
    @Transactional
    public int copyDefaults(UUID clinicId) {
        int added = 0;
        Timestamp now = Timestamp.from(Instant.now(clock));
        for (Treatment treatment : defaults.all()) {
            added += jdbc.sql("""
                    insert into clinic_treatment (clinic_id, code, definition, default_version, updated_at)
                    values (:clinic, :code, cast(:definition as jsonb), :version, :now)
                    on conflict (clinic_id, code) do nothing""")
                    .param("clinic", clinicId).param("code", treatment.code())
                    .param("definition", json.writeValueAsString(treatment))
                    .param("version", defaults.version()).param("now", now)
                    .update();
        }
        return added;
    }

    /**
     * Brings every clinic copy made from an older default up to the current one, at start: an
     * unedited copy becomes the current default; an edited one gets the new facts where the clinic
     * did not change them ({@link CatalogMerge}); what the clinic changed stays, and conflicts show on
     * the clinic's catalog page. Idempotent: a copy already at the current version is left alone.
     */
    @EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    @Transactional
    public int mergeDefaults() {
        record Row(UUID clinic, String code, String definition, boolean customized) {
        }
        List<Row> stale = jdbc.sql("""
                select clinic_id, code, definition, customized from clinic_treatment
                where default_version is distinct from :version""")
                .param("version", defaults.version())
                .query((rs, n) -> new Row(rs.getObject("clinic_id", UUID.class), rs.getString("code"),
                        rs.getString("definition"), rs.getBoolean("customized"))).list();
        int merged = 0;
        Timestamp now = Timestamp.from(Instant.now(clock));
        for (Row row : stale) {
            Optional<Treatment> def = defaults.find(row.code());
            if (def.isEmpty()) {
                continue; // the clinic's own treatment: no default to merge
            }
            Treatment current = json.readValue(row.definition(), Treatment.class);
            Treatment next = row.customized() ? CatalogMerge.merge(current, def.get()).merged() : def.get();
            merged += jdbc.sql("""
                    update clinic_treatment set definition = cast(:definition as jsonb), default_version = :version,
                           revision = revision + 1, updated_at = :now
                    where clinic_id = :clinic and code = :code and default_version is distinct from :version""")
                    .param("definition", json.writeValueAsString(next)).param("version", defaults.version())
                    .param("now", now).param("clinic", row.clinic()).param("code", row.code()).update();
        }
        return merged;
    }

    /** The safety facts of the clinic's copies that the current defaults say otherwise about. */
    public List<CatalogMerge.Conflict> conflicts(Clinic clinic) {
        List<CatalogMerge.Conflict> all = new java.util.ArrayList<>();
        for (ClinicTreatment ct : list(clinic)) {
            defaults.find(ct.code()).ifPresent(d -> all.addAll(CatalogMerge.conflicts(ct.treatment(), d)));
        }
        return all;
    }

    /** The clinic's treatments in catalog order (defaults first, in their order; then the clinic's own). */
    public List<ClinicTreatment> list(Clinic clinic) {
        List<String> order = defaults.all().stream().map(Treatment::code).toList();
        return jdbc.sql("select * from clinic_treatment where clinic_id = :clinic")
                .param("clinic", clinic.id()).query(this::map).list().stream()
                .sorted((a, b) -> Integer.compare(rank(order, a.code()), rank(order, b.code())))
                .toList();
    }

    public Optional<ClinicTreatment> find(Clinic clinic, String code) {
        return jdbc.sql("select * from clinic_treatment where clinic_id = :clinic and code = :code")
                .param("clinic", clinic.id()).param("code", code).query(this::map).optional();
    }

    public ClinicTreatment require(Clinic clinic, String code) {
        return find(clinic, code).orElseThrow(() -> new NotFoundException(
                "No treatment '" + code + "' in the catalog of " + clinic.name() + "."));
    }

    /**
     * Replaces the clinic's copy of a treatment. {@code expectedRevision}, when given, must be the
     * revision the editor started from, so that two people editing at once cannot silently
     * overwrite each other.
     */
    @Transactional
    public ClinicTreatment update(Clinic clinic, String code, Treatment edited, Integer expectedRevision,
            UUID editor) {
        ClinicTreatment current = require(clinic, code);
        if (edited.code() != null && !edited.code().equals(code)) {
            throw new InvalidInputException("code", "must be '" + code + "' (the code in the address) or left out");
        }
        Treatment candidate = withCode(edited, code);
        List<Violation> violations = TreatmentValidation.check(candidate);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Treatment attributed = ClinicEdits.attribute(current.treatment(), candidate);
        int expected = expectedRevision == null ? current.revision() : expectedRevision;
        int updated = jdbc.sql("""
                update clinic_treatment set definition = cast(:definition as jsonb), customized = true,
                       revision = revision + 1, updated_at = :now, updated_by = :editor
                where clinic_id = :clinic and code = :code and revision = :expected""")
                .param("definition", json.writeValueAsString(attributed))
                .param("now", Timestamp.from(Instant.now(clock))).param("editor", editor)
                .param("clinic", clinic.id()).param("code", code).param("expected", expected)
                .update();
        if (updated == 0) {
            throw new ConflictException("The treatment was changed by someone else since revision " + expected
                    + ". Reload it and apply your change again.");
        }
        return require(clinic, code);
    }

    /** Puts the clinic's copy back to the current default. */
    @Transactional
    public ClinicTreatment resetToDefault(Clinic clinic, String code, UUID editor) {
        require(clinic, code);
        Treatment original = defaults.require(code);
        jdbc.sql("""
                update clinic_treatment set definition = cast(:definition as jsonb), customized = false,
                       default_version = :version, revision = revision + 1, updated_at = :now, updated_by = :editor
                where clinic_id = :clinic and code = :code""")
                .param("definition", json.writeValueAsString(original)).param("version", defaults.version())
                .param("now", Timestamp.from(Instant.now(clock))).param("editor", editor)
                .param("clinic", clinic.id()).param("code", code)
                .update();
        return require(clinic, code);
    }

    private static Treatment withCode(Treatment t, String code) {
        return new Treatment(code, t.name(), t.category(), t.setting(), t.summary(), t.description(), t.bodyAreas(),
                t.concerns(), t.protocol(), t.duration(), t.price(), t.course(), t.downtime(), t.cadence(),
                t.qualification(), t.equipment(), t.contraindications(), t.beforeCare(), t.aftercare(),
                t.invasiveness());
    }

    private static int rank(List<String> order, String code) {
        int i = order.indexOf(code);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    private ClinicTreatment map(ResultSet rs, int row) throws SQLException {
        return new ClinicTreatment(rs.getObject("clinic_id", UUID.class),
                json.readValue(rs.getString("definition"), Treatment.class), rs.getString("default_version"),
                rs.getBoolean("customized"), rs.getBoolean("active"), rs.getInt("revision"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
