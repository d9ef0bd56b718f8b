package com.clearskin.clients;

import com.clearskin.accounts.Accounts;
import com.clearskin.assessment.Assessment;
import com.clearskin.assessment.AssessmentJson;
import com.clearskin.assessment.AssessmentParser;
import com.clearskin.audit.AuditAction;
import com.clearskin.audit.AuditLog;
import com.clearskin.audit.AuditResource;
import com.clearskin.clinics.Clinic;
import com.clearskin.platform.InvalidInputException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The history of a client's assessments. Recording one adds to the history; nothing here changes
 * or removes an entry, and the database refuses changes too.
 */
@Service
public class ClientAssessments {

    /** The oldest age an assessment may state (the assessment parser's limit). */
    static final int OLDEST = 120;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Accounts accounts;
    private final Clock clock;
    private final AuditLog audit;

    /** Who recorded an intake given on the clinic's public booking page, before the client had an account. */
    public static final String BY_THE_CLIENT_ONLINE = "the client, on the booking page";

    ClientAssessments(JdbcClient jdbc, JsonMapper json, Accounts accounts, Clock clock, AuditLog audit) {
        this.jdbc = jdbc;
        this.json = json;
        this.accounts = accounts;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Reads {@code answers} as {@link AssessmentParser} does (today being the clinic's today), fills
     * in the age at the assessment's date from the client's date of birth when none is given, and
     * adds it to the client's history, with its audit event in the same transaction.
     */
    @Transactional
    public RecordedAssessment record(Clinic clinic, Client client, JsonNode answers, UUID recordedBy) {
        return record(clinic, client, answers, recordedBy, Instant.now(clock));
    }

    /** As {@link #record(Clinic, Client, JsonNode, UUID)}, for an intake taken earlier (a paper form, the demo). */
    @Transactional
    public RecordedAssessment record(Clinic clinic, Client client, JsonNode answers, UUID recordedBy,
            Instant recordedAt) {
        Assessment assessment = read(clinic, client, answers);
        UUID id = UUID.randomUUID();
        Instant at = recordedAt.truncatedTo(ChronoUnit.MICROS); // as timestamptz keeps it
        jdbc.sql("""
                insert into client_assessment (clinic_id, client_id, id, recorded_at, recorded_by, assessment)
                values (:clinic, :client, :id, :at, :by, cast(:assessment as jsonb))""")
                .param("clinic", clinic.id()).param("client", client.id()).param("id", id)
                .param("at", Timestamp.from(at)).param("by", recordedBy)
                .param("assessment", json.writeValueAsString(AssessmentJson.toMap(assessment)))
                .update();
        audit.record(clinic, client.id(), AuditAction.CREATE, AuditResource.ASSESSMENT, "assessment recorded");
        return new RecordedAssessment(id, client.id(), at, recordedBy,
                recordedBy == null ? BY_THE_CLIENT_ONLINE : accounts.displayNames(List.of(recordedBy)).get(recordedBy),
                assessment);
    }

    /**
     * The assessment in {@code answers}, checked exactly as {@link #record} checks it, without
     * recording it: every wrong field is reported at once, by name.
     */
    public Assessment read(Clinic clinic, Client client, JsonNode answers) {
        Assessment parsed = AssessmentParser.parse(answers, LocalDate.now(clock.withZone(clinic.timeZone())));
        return withAgeFromBirth(parsed, client);
    }

    /** The client's assessments, newest first. */
    public List<RecordedAssessment> history(Clinic clinic, Client client) {
        return newestFirst(clinic, client, Integer.MAX_VALUE);
    }

    /** The client's newest assessment, if they have one. */
    public Optional<RecordedAssessment> latest(Clinic clinic, Client client) {
        return newestFirst(clinic, client, 1).stream().findFirst();
    }

    /**
     * What the client's assessments say together, as the recommendation and the booking rules read
     * them: the newest, with each time-bound fact it leaves unknown taken from the latest earlier
     * assessment that knew it ({@link Assessment#effective}). Empty without an assessment.
     */
    public Optional<Assessment> effective(Clinic clinic, Client client) {
        return Optional.ofNullable(Assessment.effective(history(clinic, client).stream()
                .map(RecordedAssessment::assessment).toList()));
    }

    private List<RecordedAssessment> newestFirst(Clinic clinic, Client client, int limit) {
        List<Row> rows = jdbc.sql("""
                select id, recorded_at, recorded_by, assessment from client_assessment
                where clinic_id = :clinic and client_id = :client
                order by recorded_at desc, id desc
                limit :limit""")
                .param("clinic", clinic.id()).param("client", client.id()).param("limit", limit)
                .query(ClientAssessments::row).list();
        Map<UUID, String> names = accounts.displayNames(rows.stream().map(Row::recordedBy)
                .filter(java.util.Objects::nonNull).distinct().toList());
        return rows.stream().map(r -> new RecordedAssessment(r.id(), client.id(), r.recordedAt(), r.recordedBy(),
                r.recordedBy() == null ? BY_THE_CLIENT_ONLINE : names.get(r.recordedBy()), stored(r.assessment())))
                .toList();
    }

    /**
     * The age at the assessment's date from the date of birth, when the answers give none. An age
     * the answers give is kept as given: the client or the practitioner said so.
     */
    static Assessment withAgeFromBirth(Assessment a, Client client) {
        if (a.age() != null) {
            return a;
        }
        if (client.dateOfBirth() == null) {
            return a;
        }
        Optional<Integer> age = client.ageOn(a.asOf());
        if (age.isEmpty()) {
            throw new InvalidInputException("asOf", "is before the client's date of birth (" + client.dateOfBirth() + ")");
        }
        if (age.get() > OLDEST) {
            return a; // beyond what an assessment may state: left unknown rather than refused
        }
        return a.withAgeAndDate(age.get(), a.asOf());
    }

    /**
     * A stored assessment, read back through the same parser. Its asOf is stored with it, so the
     * time windows it was judged by never move; today only bounds dates the parser checks.
     */
    private Assessment stored(String stored) {
        JsonNode node = json.readTree(stored);
        LocalDate asOf = LocalDate.parse(node.get("asOf").asString());
        return AssessmentParser.parse(node, asOf);
    }

    private record Row(UUID id, Instant recordedAt, UUID recordedBy, String assessment) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getTimestamp("recorded_at").toInstant(),
                rs.getObject("recorded_by", UUID.class), rs.getString("assessment"));
    }
}
