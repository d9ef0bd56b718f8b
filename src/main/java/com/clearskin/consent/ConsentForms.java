package com.clearskin.consent;

import com.clearskin.catalog.ClinicCatalog;
import com.clearskin.catalog.ClinicTreatment;
import com.clearskin.catalog.Treatment;
import com.clearskin.clinics.Clinic;
import com.clearskin.clinics.ClinicCreated;
import com.clearskin.platform.ClinicSettingsStore;
import com.clearskin.platform.InvalidInputException.Violation;
import com.clearskin.platform.NotFoundException;
import com.clearskin.platform.SettingsKind;
import com.clearskin.platform.StoredSettings;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A clinic's consent forms. Editing a form adds a version; every version stays readable, and a
 * signature names the version it signed. Every catalog treatment of a clinic gets a default form
 * written from the catalog's facts ({@link DefaultConsentText}) when the clinic opens, and clinics
 * opened before consent existed get theirs at start-up.
 */
@Service
public class ConsentForms {

    private static final String LATEST = """
            select distinct on (v.form_id) v.form_id, v.version, v.title, v.treatments, v.body, v.valid_months,
                   v.created_at, v.created_by
            from consent_form_version v where v.clinic_id = :clinic""";

    private static final SettingsKind<ConsentSettings> SETTINGS = new SettingsKind<>("consent-rules",
            ConsentSettings.class, ConsentSettings.defaults(), (before, after) -> after, "the consent settings");

    private final JdbcClient jdbc;
    private final ClinicCatalog catalog;
    private final ClinicSettingsStore settings;
    private final Clock clock;

    ConsentForms(JdbcClient jdbc, ClinicCatalog catalog, ClinicSettingsStore settings, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.settings = settings;
        this.clock = clock;
    }

    /** A new clinic gets its default forms before the transaction that opens it commits (after its catalog). */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void onClinicCreated(ClinicCreated event) {
        ensureDefaults(event.clinic());
    }

    /** The default form of each of the clinic's catalog treatments that has none yet; never changes one it has. */
    @Transactional
    public int ensureDefaults(Clinic clinic) {
        List<Treatment> treatments = catalog.list(clinic).stream().map(ClinicTreatment::treatment)
                .filter(t -> t.setting() == null || !"home".equals(t.setting().code())).toList();
        Set<String> have = Set.copyOf(jdbc.sql("select default_for from consent_form where clinic_id = :clinic "
                + "and default_for is not null").param("clinic", clinic.id()).query(String.class).list());
        int months = validMonths(clinic);
        int added = 0;
        for (Treatment t : treatments) {
            if (have.contains(t.code())) {
                continue;
            }
            UUID id = UUID.randomUUID();
            int inserted = jdbc.sql("""
                    insert into consent_form (clinic_id, id, created_at, default_for) values (:clinic, :id, :now, :code)
                    on conflict do nothing""")
                    .param("clinic", clinic.id()).param("id", id).param("now", now()).param("code", t.code()).update();
            if (inserted == 1) {
                insertVersion(clinic, id, 1, new ConsentFormDraft(DefaultConsentText.title(t), List.of(t.code()),
                        DefaultConsentText.of(t, treatments), months), null);
                added++;
            }
        }
        return added;
    }

    /** The latest version of each form, by title; only those covering {@code treatment} when it is given. */
    public List<ConsentForm> list(Clinic clinic, String treatment) {
        return jdbc.sql(LATEST + " order by v.form_id, v.version desc").param("clinic", clinic.id())
                .query(ConsentForms::form).list().stream()
                .filter(f -> treatment == null || ConsentRules.covers(f.treatments(), treatment))
                .sorted(java.util.Comparator.comparing(ConsentForm::title).thenComparing(f -> f.id().toString()))
                .toList();
    }

    /** The latest version of one form. */
    public Optional<ConsentForm> find(Clinic clinic, UUID id) {
        return jdbc.sql(LATEST + " and v.form_id = :id order by v.form_id, v.version desc")
                .param("clinic", clinic.id()).param("id", id).query(ConsentForms::form).optional();
    }

    public ConsentForm require(Clinic clinic, UUID id) {
        return find(clinic, id).orElseThrow(() -> new NotFoundException("No consent form " + id + "."));
    }

    /** One version of a form, as it was signed. */
    public Optional<ConsentForm> version(Clinic clinic, UUID id, int version) {
        return jdbc.sql("""
                select form_id, version, title, treatments, body, valid_months, created_at, created_by
                from consent_form_version where clinic_id = :clinic and form_id = :id and version = :version""")
                .param("clinic", clinic.id()).param("id", id).param("version", version)
                .query(ConsentForms::form).optional();
    }

    /** Every version of a form, newest first. */
    public List<ConsentForm> versions(Clinic clinic, UUID id) {
        return jdbc.sql("""
                select form_id, version, title, treatments, body, valid_months, created_at, created_by
                from consent_form_version where clinic_id = :clinic and form_id = :id order by version desc""")
                .param("clinic", clinic.id()).param("id", id).query(ConsentForms::form).list();
    }

    /** A new form, version 1. */
    @Transactional
    public ConsentForm create(Clinic clinic, ConsentFormDraft draft, UUID by) {
        ConsentFormDraft checked = draft.check(treatmentCodes(clinic), validMonths(clinic));
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into consent_form (clinic_id, id, created_at) values (:clinic, :id, :now)")
                .param("clinic", clinic.id()).param("id", id).param("now", now()).update();
        insertVersion(clinic, id, 1, checked, by);
        return require(clinic, id);
    }

    /** The form edited: a new version (signatures of the earlier ones keep pointing at what was signed). */
    @Transactional
    public ConsentForm revise(Clinic clinic, UUID id, ConsentFormDraft draft, UUID by) {
        jdbc.sql("select id from consent_form where clinic_id = :clinic and id = :id for update")
                .param("clinic", clinic.id()).param("id", id).query(UUID.class).optional()
                .orElseThrow(() -> new NotFoundException("No consent form " + id + "."));
        ConsentForm current = require(clinic, id);
        ConsentFormDraft checked = draft.check(treatmentCodes(clinic), current.validMonths());
        insertVersion(clinic, id, current.version() + 1, checked, by);
        return require(clinic, id);
    }

    /** How many months a new form's signatures hold, unless the form says: the clinic's setting (12 by default). */
    public int validMonths(Clinic clinic) {
        return settings(clinic).settings().validMonths();
    }

    /** The clinic's consent settings with their revision (the API's ETag). */
    public StoredSettings<ConsentSettings> settings(Clinic clinic) {
        return settings.current(clinic.id(), SETTINGS);
    }

    /**
     * Changes the clinic's default validity (1-120 months) for forms written from now on;
     * {@code expectedRevision}, when given, must be the revision the editor read (else 409).
     */
    @Transactional
    public StoredSettings<ConsentSettings> changeValidMonths(Clinic clinic, Integer months, Integer expectedRevision,
            UUID editor) {
        List<Violation> violations = months == null || months < 1 || months > 120
                ? List.of(new Violation("validMonths", "must be from 1 to 120 months")) : List.of();
        return settings.update(clinic.id(), SETTINGS, new ConsentSettings(months == null ? 0 : months), violations,
                expectedRevision, editor);
    }

    private Set<String> treatmentCodes(Clinic clinic) {
        return catalog.list(clinic).stream().map(ClinicTreatment::code).collect(Collectors.toSet());
    }

    private void insertVersion(Clinic clinic, UUID id, int version, ConsentFormDraft d, UUID by) {
        jdbc.sql("""
                insert into consent_form_version (clinic_id, form_id, version, title, treatments, body, valid_months,
                       created_at, created_by)
                values (:clinic, :id, :version, :title, :treatments, :body, :months, :now, :by)""")
                .param("clinic", clinic.id()).param("id", id).param("version", version).param("title", d.title())
                .param("treatments", d.treatments().toArray(String[]::new)).param("body", d.text())
                .param("months", d.validMonths()).param("now", now()).param("by", by).update();
    }

    private Timestamp now() {
        return Timestamp.from(Instant.now(clock));
    }

    private static ConsentForm form(ResultSet rs, int row) throws SQLException {
        Array treatments = rs.getArray("treatments");
        return new ConsentForm(rs.getObject("form_id", UUID.class), rs.getString("title"),
                List.of((String[]) treatments.getArray()), rs.getInt("version"), rs.getString("body"),
                rs.getInt("valid_months"), rs.getTimestamp("created_at").toInstant(),
                rs.getObject("created_by", UUID.class));
    }
}
