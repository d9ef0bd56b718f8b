package com.clearskin.booking;

import com.clearskin.platform.StoredSettings;
import com.clearskin.assessment.Assessment;
import com.clearskin.assessment.AssessmentParser;
import com.clearskin.catalog.ClinicCatalog;
import com.clearskin.catalog.ClinicTreatment;
import com.clearskin.catalog.DefaultCatalog;
import com.clearskin.catalog.Treatment;
import com.clearskin.clinics.Clinic;
import com.clearskin.recommendation.ClinicRuleSettings;
import com.clearskin.recommendation.PreparedCatalog;
import com.clearskin.recommendation.RecommendationEngine;
import com.clearskin.recommendation.Recommendations;
import com.clearskin.recommendation.RuleSettings;
import com.clearskin.recommendation.TreatmentVerdict;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The treatment rules every booking passes, whatever the channel (staff, client portal, API):
 * contraindications from the client's latest assessment (with the time-bound facts it leaves
 * unknown from earlier ones), the minimum interval between sessions of
 * one treatment, recovery windows between different treatments, and the professional cadence by
 * skin type. The rules themselves are {@link BookingRuleSet}; this service gathers what they read.
 *
 * <p>One SQL statement per check reads the client's assessments and date of birth, the
 * client's sessions around the date, the clinic's booking-rule data, and the revisions of the
 * clinic's catalog and rule settings. The catalog, prepared for the recommendation engine, is kept
 * per clinic until one of those revisions changes (checked on every call, so that several app
 * instances on one database never judge by stale data).
 */
@Service
public class BookingRules {

    /** Sessions further than this from the new date cannot matter (recovery and intervals are shorter). */
    static final int HISTORY_DAYS = 800;
    private static final int MAX_CACHED = 5_000;
    private static final int OLDEST = 120;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ClinicCatalog clinicCatalog;
    private final ClinicRuleSettings ruleSettings;
    private final ClinicBookingRules bookingRules;
    private final RecommendationEngine engine;
    private final BookingRuleSet rules;
    private final Map<UUID, ClinicFacts> clinics = new ConcurrentHashMap<>();
    private final Map<UUID, Assessment> assessments = new ConcurrentHashMap<>();

    BookingRules(JdbcClient jdbc, JsonMapper json, DefaultCatalog defaults, ClinicCatalog clinicCatalog,
            ClinicRuleSettings ruleSettings, ClinicBookingRules bookingRules) {
        this.jdbc = jdbc;
        this.json = json;
        this.clinicCatalog = clinicCatalog;
        this.ruleSettings = ruleSettings;
        this.bookingRules = bookingRules;
        this.engine = new RecommendationEngine(Recommendations.sources(defaults));
        this.rules = new BookingRuleSet(Recommendations.sources(defaults));
    }

    /**
     * What the rules say of booking {@code treatment} for the client at {@code start};
     * {@code ignoringAppointment} (may be null) is an appointment being moved, which must not count
     * against itself. Empty when every rule allows it.
     */
    public List<RuleFinding> check(Clinic clinic, UUID clientId, String treatment, Instant start,
            UUID ignoringAppointment) {
        LocalDate date = LocalDate.ofInstant(start, clinic.timeZone());
        return load(clinic, clientId, date, ignoringAppointment).check(treatment, date, List.of());
    }

    /**
     * What the rules read for one client around {@code date}, loaded once, to judge several dates
     * (a course being planned) without asking the database again.
     */
    ClientFacts load(Clinic clinic, UUID clientId, LocalDate date, UUID ignoringAppointment) {
        Instant around = date.atStartOfDay(clinic.timeZone()).toInstant();
        Row row = jdbc.sql("""
                select (select c.date_of_birth from client c where c.clinic_id = :clinic and c.id = :client) as born,
                       a.assessments,
                       t.version as catalog_version,
                       coalesce((select s.revision::text || ':' || ((extract(epoch from s.updated_at) * 1000000)::bigint)::text
                                 from clinic_settings s where s.clinic_id = :clinic and s.kind = :ruleKind), '0')
                              as rule_version,
                       b.revision as booking_revision, b.updated_at as booking_updated, b.settings::text as booking_rules,
                       (select coalesce(json_agg(json_build_array(p.id, p.treatment_code,
                                                 (p.starts_at at time zone :zone)::date)), '[]')::text
                        from appointment p
                        where p.clinic_id = :clinic and p.client_id = :client
                          and p.status in ('booked', 'checked-in', 'completed')
                          and p.starts_at > :from and p.starts_at < :to) as history
                from (select 1) as one
                left join lateral (select json_agg(json_build_array(x.id, x.assessment)
                                                   order by x.recorded_at desc, x.id desc)::text as assessments
                                   from client_assessment x
                                   where x.clinic_id = :clinic and x.client_id = :client) a on true
                cross join lateral (select count(*)::text || ':' || coalesce(sum(revision), 0)::text || ':'
                                           || (count(*) filter (where active))::text || ':'
                                           || coalesce((extract(epoch from max(updated_at)) * 1000000)::bigint, 0)::text as version
                                    from clinic_treatment where clinic_id = :clinic) t
                left join clinic_settings b on b.clinic_id = :clinic and b.kind = :bookingKind""")
                .param("clinic", clinic.id()).param("client", clientId).param("zone", clinic.timeZone().getId())
                .param("ruleKind", ClinicRuleSettings.KIND).param("bookingKind", ClinicBookingRules.KIND)
                .param("from", Timestamp.from(around.minus(Duration.ofDays(HISTORY_DAYS))))
                .param("to", Timestamp.from(around.plus(Duration.ofDays(HISTORY_DAYS))))
                .query(BookingRules::row).single();
        ClinicFacts facts = facts(clinic, row);
        Assessment assessment = effective(row.assessments());
        TreatmentHistory history = history(row.history()).without(ignoringAppointment);
        return new ClientFacts(clinic, facts, assessment, row.born(), history);
    }

    /** What the rules read about one client in one clinic; judges any date and treatment in memory. */
    final class ClientFacts {
        private final Clinic clinic;
        private final ClinicFacts facts;
        private final Assessment assessment;
        private final LocalDate born;
        private final TreatmentHistory history;

        ClientFacts(Clinic clinic, ClinicFacts facts, Assessment assessment, LocalDate born, TreatmentHistory history) {
            this.clinic = clinic;
            this.facts = facts;
            this.assessment = assessment;
            this.born = born;
            this.history = history;
        }

        /** The findings for {@code treatment} on {@code date}, counting {@code planned} sessions as booked. */
        List<RuleFinding> check(String treatment, LocalDate date, List<TreatmentHistory.Session> planned) {
            Treatment t = facts.catalog().get(treatment);
            if (t == null) {
                return List.of(); // an unknown treatment is the booking code's 400, not a rule's
            }
            TreatmentVerdict verdict = null;
            if (assessment != null) {
                Assessment onTheDay = onTheDay(assessment, born, date);
                verdict = engine.recommend(onTheDay, facts.prepared(treatment), clinic.jurisdiction())
                        .treatments().get(0);
            }
            return rules.check(new BookingRuleSet.Input(t, date, assessment == null ? null : assessment.skinType(),
                    verdict, history.with(planned), facts.catalog(), facts.booking()));
        }

        Treatment treatment(String code) {
            return facts.catalog().get(code);
        }

        com.clearskin.catalog.SkinType skinType() {
            return assessment == null ? null : assessment.skinType();
        }
    }

    /**
     * The assessment as of the day of treatment, so that time-bound exclusions (washouts, pauses)
     * are judged on that day, with the age on that day when the date of birth is known.
     */
    static Assessment onTheDay(Assessment a, LocalDate born, LocalDate date) {
        Integer age = a.age();
        if (born != null && !date.isBefore(born)) {
            int years = Period.between(born, date).getYears();
            if (years <= OLDEST) {
                age = years;
            }
        }
        return new Assessment(age, a.skinType(), a.fitzpatrick(), a.concerns(), a.bodyAreas(), a.causes(),
                a.medical(), a.isotretinoinLastTaken(), a.topicalRetinoidLastUsed(), date, a.budgetUsd(),
                a.jurisdiction());
    }

    /**
     * The client's assessments (newest first, as JSON pairs of id and assessment) as the rules read
     * them: the newest, with the time-bound facts it leaves unknown from the earlier ones
     * ({@link Assessment#effective}). Null when there is none.
     */
    private Assessment effective(String stored) {
        if (stored == null) {
            return null;
        }
        List<Assessment> newestFirst = new ArrayList<>();
        for (JsonNode pair : json.readTree(stored)) {
            newestFirst.add(assessment(UUID.fromString(pair.get(0).asString()), pair.get(1)));
        }
        return newestFirst.isEmpty() ? null : Assessment.effective(newestFirst);
    }

    /** A stored assessment, read back as the clients module reads it; assessments never change, so each is read once. */
    private Assessment assessment(UUID id, JsonNode node) {
        Assessment cached = assessments.get(id);
        if (cached != null) {
            return cached;
        }
        Assessment parsed = AssessmentParser.parse(node, LocalDate.parse(node.get("asOf").asString()));
        if (assessments.size() >= MAX_CACHED) {
            assessments.clear();
        }
        assessments.put(id, parsed);
        return parsed;
    }

    private TreatmentHistory history(String stored) {
        JsonNode array = json.readTree(stored);
        List<TreatmentHistory.Session> sessions = new ArrayList<>(array.size());
        for (JsonNode s : array) {
            sessions.add(new TreatmentHistory.Session(UUID.fromString(s.get(0).asString()), s.get(1).asString(),
                    LocalDate.parse(s.get(2).asString())));
        }
        return new TreatmentHistory(sessions);
    }

    /** The clinic's catalog and settings, from the cache while their revisions stand. */
    private ClinicFacts facts(Clinic clinic, Row row) {
        ClinicFacts cached = clinics.get(clinic.id());
        if (cached == null || !cached.catalogVersion().equals(row.catalogVersion())
                || !cached.ruleVersion().equals(row.ruleVersion())) {
            cached = loadFacts(clinic);
        }
        String bookingVersion = row.bookingRevision() == null ? "0"
                : row.bookingRevision() + ":" + micros(row.bookingUpdated());
        if (!cached.bookingVersion().equals(bookingVersion)) {
            cached = cached.withBooking(bookingVersion, row.bookingRules() == null ? bookingRules.defaults()
                    : bookingRules.parse(row.bookingRules()));
        }
        if (clinics.size() >= MAX_CACHED) {
            clinics.clear();
        }
        clinics.put(clinic.id(), cached);
        return cached;
    }

    private ClinicFacts loadFacts(Clinic clinic) {
        List<ClinicTreatment> treatments = clinicCatalog.list(clinic);
        StoredSettings<RuleSettings> settings = ruleSettings.current(clinic);
        Map<String, Treatment> catalog = new HashMap<>();
        long revisions = 0;
        int active = 0;
        long latest = 0;
        for (ClinicTreatment t : treatments) {
            catalog.put(t.code(), t.treatment());
            revisions += t.revision();
            active += t.active() ? 1 : 0;
            latest = Math.max(latest, micros(t.updatedAt()));
        }
        String catalogVersion = treatments.size() + ":" + revisions + ":" + active + ":" + latest;
        String ruleVersion = settings.revision() == 0 && !settings.customized() ? "0"
                : settings.revision() + ":" + micros(settings.updatedAt());
        return new ClinicFacts(catalogVersion, ruleVersion, Map.copyOf(catalog), settings.settings(),
                new ConcurrentHashMap<>(), "", bookingRules.defaults(), engine);
    }

    private static long micros(Instant at) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, at);
    }

    /**
     * A clinic's catalog and settings as the rules read them: each treatment prepared for the engine
     * on first use, then kept while the catalog and the settings stand.
     */
    record ClinicFacts(String catalogVersion, String ruleVersion, Map<String, Treatment> catalog, RuleSettings settings,
            Map<String, PreparedCatalog> preparedByCode, String bookingVersion, BookingRuleSettings booking,
            RecommendationEngine engine) {

        PreparedCatalog prepared(String code) {
            return preparedByCode.computeIfAbsent(code, c -> engine.prepare(List.of(catalog.get(c)), settings));
        }

        ClinicFacts withBooking(String version, BookingRuleSettings settings) {
            return new ClinicFacts(catalogVersion, ruleVersion, catalog, this.settings, preparedByCode, version,
                    settings, engine);
        }
    }

    private record Row(LocalDate born, String assessments, String catalogVersion,
            String ruleVersion, Integer bookingRevision, Instant bookingUpdated, String bookingRules, String history) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Date born = rs.getDate("born");
        Timestamp bookingUpdated = rs.getTimestamp("booking_updated");
        int revision = rs.getInt("booking_revision");
        Integer bookingRevision = rs.wasNull() ? null : revision;
        return new Row(born == null ? null : born.toLocalDate(),
                rs.getString("assessments"), rs.getString("catalog_version"), rs.getString("rule_version"),
                bookingRevision, bookingUpdated == null ? null : bookingUpdated.toInstant(),
                rs.getString("booking_rules"), rs.getString("history"));
    }
}
