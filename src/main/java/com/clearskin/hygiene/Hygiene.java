package com.clearskin.hygiene;

import com.clearskin.clinics.Clinic;
import com.clearskin.hygiene.SterilizationRules.CycleReading;
import com.clearskin.hygiene.SterilizationRules.Kind;
import com.clearskin.hygiene.SterilizationRules.Minimums;
import com.clearskin.hygiene.SterilizationRules.PackageState;
import com.clearskin.hygiene.SterilizationRules.Processed;
import com.clearskin.platform.ConflictException;
import com.clearskin.platform.InputRules;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.InvalidInputException.Violation;
import com.clearskin.platform.NotFoundException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Instrument hygiene: sterilizers, instrument sets, cycles and their packages, spore tests, the
 * recall a failed one produces, and what a session used. Every record is append-only (the database
 * refuses UPDATE and DELETE); the rules are {@link SterilizationRules}. Callers check who may.
 */
@Service
public class Hygiene {

    /** Package codes: no 0/O, 1/I/L, so a code read aloud or typed from a label is not mistaken. */
    static final String CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int CODE_LENGTH = 8;
    static final int MAX_TEXT = 200;

    public record Sterilizer(UUID id, String name, String kind, String serial, boolean inService,
            Instant lastSporeTest, Instant nextSporeTestDue, boolean sporeTestOverdue, Instant lastRepair) {
    }

    public record Repair(UUID id, UUID sterilizerId, Instant repairedAt, String note) {
    }

    /** One step a clinic recorded while working through a recall (a client called, seen, referred, or the recall closed). */
    public record RecallAction(UUID id, UUID sporeTestId, UUID clientId, String action, String note, Instant at) {
    }

    /** A sterile package on the shelf: its cycle passed, it is not opened, recalled or expired. */
    public record Stocked(UUID id, String code, UUID setId, Instant sterilizedAt, LocalDate expires) {
    }

    public record InstrumentSet(UUID id, String name, List<String> instruments) {
    }

    public record PackageRef(UUID id, String code, LocalDate expires) {
    }

    public record Cycle(UUID id, UUID sterilizerId, String operator, Instant startedAt, double temperatureC,
            int exposureMinutes, int dryingMinutes, String chemicalIndicator, String status, List<String> reasons,
            List<PackageRef> packages, boolean implantLoad) {
    }

    public record SporeTest(UUID id, UUID sterilizerId, UUID cycleId, String result, Instant readAt, List<UUID> recalled) {
    }

    public record PackageEvent(Instant at, String event, UUID sessionId) {
    }

    public record PackageStatus(UUID id, String code, String status, List<String> reasons, UUID cycleId,
            Instant cycleStartedAt, String cycleStatus, UUID sterilizerId, UUID setId, LocalDate expires,
            boolean sporeTestOverdue, List<PackageEvent> history) {
    }

    public record Use(UUID id, UUID sessionId, UUID packageId, String packageCode, String product, String lot,
            Instant recordedAt) {
    }

    public record Log(LocalDate from, LocalDate to, List<Cycle> cycles, List<SporeTest> sporeTests) {
    }

    /** The actions a recall checklist records. */
    public static final List<String> RECALL_ACTIONS = List.of("notified", "no-answer", "seen-in-clinic", "referred", "closed");

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final ClinicSterilizationSettings settings;
    private final SecureRandom random = new SecureRandom();

    Hygiene(JdbcClient jdbc, JsonMapper json, Clock clock, ClinicSterilizationSettings settings) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.settings = settings;
    }

    /** The clinic's minimums per kind (its settings; CDC 2008 by default). */
    Minimums minimums(Clinic clinic) {
        return settings.current(clinic).settings().toMinimums();
    }

    // ---- sterilizers ----

    public Sterilizer addSterilizer(Clinic clinic, JsonNode body, UUID by) {
        List<Violation> v = new ArrayList<>();
        String name = text(body, "name", v);
        String kind = text(body, "kind", v);
        String serial = text(body, "serial", v);
        if (kind != null && Kind.of(kind).isEmpty()) {
            v.add(new Violation("kind", "must be steam-gravity, steam-prevacuum or dry-heat"));
        }
        refuse(v);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into sterilizer (clinic_id, id, name, kind, serial, created_at, created_by)
                values (:clinic, :id, :name, :kind, :serial, :now, :by)""")
                .param("clinic", clinic.id()).param("id", id).param("name", name).param("kind", kind)
                .param("serial", serial).param("now", Timestamp.from(now())).param("by", by).update();
        return requireSterilizer(clinic, id);
    }

    public List<Sterilizer> sterilizers(Clinic clinic) {
        return jdbc.sql("select id from sterilizer where clinic_id = :clinic order by name, id").param("clinic", clinic.id())
                .query(UUID.class).list().stream().map(id -> requireSterilizer(clinic, id)).toList();
    }

    public Sterilizer requireSterilizer(Clinic clinic, UUID id) {
        Map<String, Object> row = jdbc.sql("select name, kind, serial from sterilizer where clinic_id = :clinic and id = :id")
                .param("clinic", clinic.id()).param("id", id).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("No sterilizer " + id + "."));
        Instant now = now();
        Optional<Instant> lastPass = lastPassingTest(clinic, id, now);
        Optional<Instant> lastRepair = lastRepair(clinic, id);
        return new Sterilizer(id, (String) row.get("name"), (String) row.get("kind"), (String) row.get("serial"),
                inService(clinic, id), lastPass.orElse(null), SterilizationRules.nextSporeTestDue(lastPass, now),
                overdue(clinic, id, lastPass, now), lastRepair.orElse(null));
    }

    private boolean overdue(Clinic clinic, UUID sterilizerId, Optional<Instant> lastPass, Instant now) {
        return SterilizationRules.sporeTestOverdue(lastPass, lastRepair(clinic, sterilizerId),
                lastImplantLoad(clinic, sterilizerId), now);
    }

    private Optional<Instant> lastRepair(Clinic clinic, UUID sterilizerId) {
        return jdbc.sql("select max(repaired_at) from sterilizer_repair where clinic_id = :clinic and sterilizer_id = :id")
                .param("clinic", clinic.id()).param("id", sterilizerId)
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant)).single();
    }

    private Optional<Instant> lastImplantLoad(Clinic clinic, UUID sterilizerId) {
        return jdbc.sql("""
                select max(started_at) from sterilization_cycle
                where clinic_id = :clinic and sterilizer_id = :id and implant_load""")
                .param("clinic", clinic.id()).param("id", sterilizerId)
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant)).single();
    }

    /** Records a repair: a spore test is due before the sterilizer's next packages count as verified (AAMI ST79). */
    @Transactional
    public Repair addRepair(Clinic clinic, UUID sterilizerId, JsonNode body, UUID by) {
        requireSterilizer(clinic, sterilizerId);
        List<Violation> v = new ArrayList<>();
        Instant at = instant(body, "repairedAt", v);
        String note = text(body, "note", v);
        refuse(v);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into sterilizer_repair (clinic_id, id, sterilizer_id, repaired_at, note, recorded_at, recorded_by)
                values (:clinic, :id, :sterilizer, :at, :note, :now, :by)""")
                .param("clinic", clinic.id()).param("id", id).param("sterilizer", sterilizerId).param("at", Timestamp.from(at))
                .param("note", note).param("now", Timestamp.from(now())).param("by", by).update();
        return new Repair(id, sterilizerId, at, note);
    }

    public List<Repair> repairs(Clinic clinic, UUID sterilizerId) {
        requireSterilizer(clinic, sterilizerId);
        return jdbc.sql("""
                select id, repaired_at, note from sterilizer_repair where clinic_id = :clinic and sterilizer_id = :id
                order by repaired_at desc, id""")
                .param("clinic", clinic.id()).param("id", sterilizerId)
                .query((rs, n) -> new Repair(rs.getObject(1, UUID.class), sterilizerId, rs.getTimestamp(2).toInstant(),
                        rs.getString(3))).list();
    }

    boolean inService(Clinic clinic, UUID sterilizerId) {
        return jdbc.sql("""
                select in_service from sterilizer_status where clinic_id = :clinic and sterilizer_id = :id
                order by at desc, id desc limit 1""")
                .param("clinic", clinic.id()).param("id", sterilizerId).query(Boolean.class).optional().orElse(true);
    }

    Optional<Instant> lastPassingTest(Clinic clinic, UUID sterilizerId, Instant before) {
        return jdbc.sql("""
                select max(read_at) from spore_test
                where clinic_id = :clinic and sterilizer_id = :id and result = 'pass' and read_at <= :before""")
                .param("clinic", clinic.id()).param("id", sterilizerId).param("before", Timestamp.from(before))
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant)).single();
    }

    // ---- instrument sets ----

    public InstrumentSet addSet(Clinic clinic, JsonNode body, UUID by) {
        List<Violation> v = new ArrayList<>();
        String name = text(body, "name", v);
        List<String> instruments = new ArrayList<>();
        JsonNode list = body == null ? null : body.get("instruments");
        if (list == null || !list.isArray() || list.isEmpty()) {
            v.add(new Violation("instruments", "must list at least one instrument, such as [\"comedone extractor\"]"));
        } else {
            for (int i = 0; i < list.size(); i++) {
                JsonNode item = list.get(i);
                if (!item.isString() || item.asString().isBlank() || item.asString().length() > MAX_TEXT) {
                    v.add(new Violation("instruments[" + i + "]", "must be an instrument's name (1-" + MAX_TEXT + " characters)"));
                } else {
                    instruments.add(item.asString().strip());
                }
            }
        }
        refuse(v);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into instrument_set (clinic_id, id, name, instruments, created_at, created_by)
                values (:clinic, :id, :name, cast(:instruments as jsonb), :now, :by)""")
                .param("clinic", clinic.id()).param("id", id).param("name", name)
                .param("instruments", json.writeValueAsString(instruments)).param("now", Timestamp.from(now()))
                .param("by", by).update();
        return new InstrumentSet(id, name, instruments);
    }

    public List<InstrumentSet> sets(Clinic clinic) {
        return jdbc.sql("select id, name, instruments from instrument_set where clinic_id = :clinic order by name, id")
                .param("clinic", clinic.id())
                .query((rs, n) -> new InstrumentSet(rs.getObject("id", UUID.class), rs.getString("name"),
                        List.of(json.readValue(rs.getString("instruments"), String[].class)))).list();
    }

    private boolean setExists(Clinic clinic, UUID id) {
        return jdbc.sql("select count(*) from instrument_set where clinic_id = :clinic and id = :id")
                .param("clinic", clinic.id()).param("id", id).query(Integer.class).single() > 0;
    }

    // ---- cycles ----

    /** Records a cycle: its status is decided by the parameters ({@link SterilizationRules#cycleFailures}). */
    @Transactional
    public Cycle recordCycle(Clinic clinic, JsonNode body, UUID by) {
        List<Violation> v = new ArrayList<>();
        UUID sterilizerId = uuid(body, "sterilizerId", v);
        String operator = text(body, "operator", v);
        Instant startedAt = instant(body, "startedAt", v);
        Double temperature = number(body, "temperatureC", v);
        if (temperature != null && !SterilizationRules.validTemperature(temperature)) {
            v.add(new Violation("temperatureC", "must be between 0 and 300 °C"));
        }
        Integer exposure = minutes(body, "exposureMinutes", v);
        Integer drying = minutes(body, "dryingMinutes", v);
        String indicator = text(body, "chemicalIndicator", v);
        if (indicator != null && !indicator.equals("pass") && !indicator.equals("fail")) {
            v.add(new Violation("chemicalIndicator", "must be pass or fail"));
        }
        boolean implantLoad = false;
        JsonNode implant = body == null ? null : body.get("implantLoad");
        if (implant != null && !implant.isNull()) {
            if (!implant.isBoolean()) {
                v.add(new Violation("implantLoad", "must be true or false"));
            } else {
                implantLoad = implant.asBoolean();
            }
        }
        Optional<Sterilizer> sterilizer = Optional.empty();
        if (sterilizerId != null) {
            try {
                sterilizer = Optional.of(requireSterilizer(clinic, sterilizerId));
            } catch (NotFoundException e) {
                v.add(new Violation("sterilizerId", "is not a sterilizer of this clinic"));
            }
        }
        List<UUID> setIds = new ArrayList<>();
        JsonNode packages = body == null ? null : body.get("packages");
        if (packages != null && !packages.isNull()) {
            if (!packages.isArray()) {
                v.add(new Violation("packages", "must be a list such as [{\"setId\": \"...\"}]"));
            } else {
                for (int i = 0; i < packages.size(); i++) {
                    JsonNode p = packages.get(i);
                    String field = "packages[" + i + "].setId";
                    JsonNode set = p.isObject() ? p.get("setId") : null;
                    if (set == null || set.isNull()) {
                        setIds.add(null);
                        continue;
                    }
                    Optional<UUID> id = set.isString() ? com.clearskin.platform.Ids.parse(set.asString()) : Optional.empty();
                    if (id.isEmpty() || !setExists(clinic, id.get())) {
                        v.add(new Violation(field, "is not an instrument set of this clinic"));
                    } else {
                        setIds.add(id.get());
                    }
                }
            }
        }
        refuse(v);
        Kind kind = Kind.of(sterilizer.orElseThrow().kind()).orElseThrow();
        List<String> reasons = SterilizationRules.cycleFailures(minimums(clinic),
                new CycleReading(kind, temperature, exposure, drying, indicator.equals("pass")));
        String status = reasons.isEmpty() ? "passed" : "failed";
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into sterilization_cycle (clinic_id, id, sterilizer_id, operator, started_at, temperature_c,
                    exposure_minutes, drying_minutes, chemical_indicator, status, reasons, recorded_at, recorded_by, implant_load)
                values (:clinic, :id, :sterilizer, :operator, :started, :temperature, :exposure, :drying, :indicator,
                    :status, cast(:reasons as jsonb), :now, :by, :implant)""")
                .param("clinic", clinic.id()).param("id", id).param("sterilizer", sterilizerId).param("operator", operator)
                .param("started", Timestamp.from(startedAt)).param("temperature", temperature).param("exposure", exposure)
                .param("drying", drying).param("indicator", indicator).param("status", status)
                .param("reasons", json.writeValueAsString(reasons)).param("now", Timestamp.from(now())).param("by", by)
                .param("implant", implantLoad).update();
        Optional<LocalDate> expires = SterilizationRules.expiry(startedAt, clinic.timeZone(), shelfLifeDays(clinic));
        for (UUID setId : setIds) {
            insertPackage(clinic, id, setId, expires.orElse(null));
        }
        return requireCycle(clinic, id);
    }

    /** The clinic's shelf life for packages in days; null means event-related (the default). */
    Integer shelfLifeDays(Clinic clinic) {
        return settings.current(clinic).settings().shelfLifeDays();
    }

    private void insertPackage(Clinic clinic, UUID cycleId, UUID setId, LocalDate expires) {
        for (int attempt = 0; ; attempt++) {
            try {
                jdbc.sql("""
                        insert into sterile_package (clinic_id, id, cycle_id, set_id, code, expires)
                        values (:clinic, :id, :cycle, :set, :code, :expires)""")
                        .param("clinic", clinic.id()).param("id", UUID.randomUUID()).param("cycle", cycleId)
                        .param("set", setId).param("code", newCode()).param("expires", expires).update();
                return;
            } catch (DuplicateKeyException e) {
                if (attempt >= 5) {
                    throw e;
                }
            }
        }
    }

    String newCode() {
        StringBuilder b = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            b.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return b.toString();
    }

    private static final String CYCLE_SELECT = """
            select id, sterilizer_id, operator, started_at, temperature_c, exposure_minutes, drying_minutes,
                   chemical_indicator, status, reasons, implant_load
            from sterilization_cycle where clinic_id = :clinic""";
    private static final String CYCLE_ORDER = " order by started_at desc, id";
    private static final String TEST_SELECT = "select id, sterilizer_id, cycle_id, result, read_at from spore_test where clinic_id = :clinic";
    private static final String TEST_ORDER = " order by read_at desc, id";

    public Cycle requireCycle(Clinic clinic, UUID id) {
        return cycles(clinic, jdbc.sql(CYCLE_SELECT + " and id = :id" + CYCLE_ORDER).param("id", id)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("No sterilization cycle " + id + "."));
    }

    private List<Cycle> cycles(Clinic clinic, JdbcClient.StatementSpec spec) {
        List<Cycle> raw = spec.param("clinic", clinic.id())
                .query((rs, n) -> new Cycle(rs.getObject("id", UUID.class), rs.getObject("sterilizer_id", UUID.class),
                        rs.getString("operator"), rs.getTimestamp("started_at").toInstant(), rs.getDouble("temperature_c"),
                        rs.getInt("exposure_minutes"), rs.getInt("drying_minutes"), rs.getString("chemical_indicator"),
                        rs.getString("status"), List.of(json.readValue(rs.getString("reasons"), String[].class)), List.of(),
                        rs.getBoolean("implant_load")))
                .list();
        List<Cycle> out = new ArrayList<>();
        for (Cycle c : raw) {
            List<PackageRef> packages = jdbc.sql("""
                    select id, code, expires from sterile_package where clinic_id = :clinic and cycle_id = :cycle order by code""")
                    .param("clinic", clinic.id()).param("cycle", c.id())
                    .query((rs, n) -> new PackageRef(rs.getObject("id", UUID.class), rs.getString("code"),
                            rs.getObject("expires", LocalDate.class))).list();
            out.add(new Cycle(c.id(), c.sterilizerId(), c.operator(), c.startedAt(), c.temperatureC(), c.exposureMinutes(),
                    c.dryingMinutes(), c.chemicalIndicator(), c.status(), c.reasons(), packages, c.implantLoad()));
        }
        return out;
    }

    /** The most recent cycles, newest first. */
    public List<Cycle> recentCycles(Clinic clinic, int limit) {
        return cycles(clinic, jdbc.sql(CYCLE_SELECT + CYCLE_ORDER + " limit :limit").param("limit", limit));
    }

    // ---- spore tests ----

    /**
     * Records a spore test reading. A failure takes the sterilizer out of service and recalls every
     * package processed on it since its last passing test; a pass after a failure returns it to service.
     */
    @Transactional
    public SporeTest recordSporeTest(Clinic clinic, JsonNode body, UUID by) {
        List<Violation> v = new ArrayList<>();
        UUID sterilizerId = uuid(body, "sterilizerId", v);
        String result = text(body, "result", v);
        if (result != null && !result.equals("pass") && !result.equals("fail")) {
            v.add(new Violation("result", "must be pass or fail"));
        }
        Instant readAt = instant(body, "readAt", v);
        UUID cycleId = null;
        if (body != null && body.has("cycleId") && !body.get("cycleId").isNull()) {
            cycleId = uuid(body, "cycleId", v);
        }
        if (sterilizerId != null) {
            try {
                requireSterilizer(clinic, sterilizerId);
            } catch (NotFoundException e) {
                v.add(new Violation("sterilizerId", "is not a sterilizer of this clinic"));
            }
        }
        if (cycleId != null && sterilizerId != null) {
            try {
                if (!requireCycle(clinic, cycleId).sterilizerId().equals(sterilizerId)) {
                    v.add(new Violation("cycleId", "is a cycle of another sterilizer"));
                }
            } catch (NotFoundException e) {
                v.add(new Violation("cycleId", "is not a sterilization cycle of this clinic"));
            }
        }
        refuse(v);
        UUID id = UUID.randomUUID();
        Instant now = now();
        Optional<Instant> lastPass = lastPassingTest(clinic, sterilizerId, readAt);
        jdbc.sql("""
                insert into spore_test (clinic_id, id, sterilizer_id, cycle_id, result, read_at, recorded_at, recorded_by)
                values (:clinic, :id, :sterilizer, :cycle, :result, :read, :now, :by)""")
                .param("clinic", clinic.id()).param("id", id).param("sterilizer", sterilizerId).param("cycle", cycleId)
                .param("result", result).param("read", Timestamp.from(readAt)).param("now", Timestamp.from(now))
                .param("by", by).update();
        if (result.equals("fail")) {
            status(clinic, sterilizerId, false, "spore test failed", id, now);
            List<Processed> processed = jdbc.sql("""
                    select p.id, c.started_at from sterile_package p
                    join sterilization_cycle c on c.clinic_id = p.clinic_id and c.id = p.cycle_id
                    where p.clinic_id = :clinic and c.sterilizer_id = :sterilizer""")
                    .param("clinic", clinic.id()).param("sterilizer", sterilizerId)
                    .query((rs, n) -> new Processed(rs.getString(1), rs.getTimestamp(2).toInstant())).list();
            for (String packageId : SterilizationRules.recallScope(processed, lastPass, readAt)) {
                jdbc.sql("insert into package_recall (clinic_id, package_id, spore_test_id, at) values (:clinic, :p, :t, :now)")
                        .param("clinic", clinic.id()).param("p", UUID.fromString(packageId)).param("t", id)
                        .param("now", Timestamp.from(now)).update();
            }
        } else if (!inService(clinic, sterilizerId)) {
            status(clinic, sterilizerId, true, "passing retest", id, now);
        }
        return requireSporeTest(clinic, id);
    }

    private void status(Clinic clinic, UUID sterilizerId, boolean inService, String reason, UUID testId, Instant at) {
        jdbc.sql("""
                insert into sterilizer_status (clinic_id, id, sterilizer_id, in_service, reason, spore_test_id, at)
                values (:clinic, :id, :sterilizer, :in, :reason, :test, :at)""")
                .param("clinic", clinic.id()).param("id", UUID.randomUUID()).param("sterilizer", sterilizerId)
                .param("in", inService).param("reason", reason).param("test", testId).param("at", Timestamp.from(at)).update();
    }

    public SporeTest requireSporeTest(Clinic clinic, UUID id) {
        return sporeTests(clinic, jdbc.sql(TEST_SELECT + " and id = :id" + TEST_ORDER).param("id", id)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("No spore test " + id + "."));
    }

    private List<SporeTest> sporeTests(Clinic clinic, JdbcClient.StatementSpec spec) {
        return spec.param("clinic", clinic.id())
                .query((rs, n) -> new SporeTest(rs.getObject("id", UUID.class), rs.getObject("sterilizer_id", UUID.class),
                        rs.getObject("cycle_id", UUID.class), rs.getString("result"), rs.getTimestamp("read_at").toInstant(),
                        List.of()))
                .list().stream()
                .map(t -> new SporeTest(t.id(), t.sterilizerId(), t.cycleId(), t.result(), t.readAt(), recalledBy(clinic, t.id())))
                .toList();
    }

    /** The packages a failed spore test recalled. */
    public List<UUID> recalledBy(Clinic clinic, UUID testId) {
        return jdbc.sql("select package_id from package_recall where clinic_id = :clinic and spore_test_id = :t order by package_id")
                .param("clinic", clinic.id()).param("t", testId).query(UUID.class).list();
    }

    /** Where each recalled package went: the uses recorded for the test's recalled packages. */
    public List<Use> usesOfRecall(Clinic clinic, UUID testId) {
        return jdbc.sql(USE_SELECT + " and u.package_id in (select package_id from package_recall "
                        + "where clinic_id = :clinic and spore_test_id = :t) order by u.recorded_at")
                .param("clinic", clinic.id()).param("t", testId).query(this::use).list();
    }

    public List<PackageRef> packages(Clinic clinic, List<UUID> ids) {
        List<PackageRef> out = new ArrayList<>();
        for (UUID id : ids) {
            jdbc.sql("select id, code, expires from sterile_package where clinic_id = :clinic and id = :id")
                    .param("clinic", clinic.id()).param("id", id)
                    .query((rs, n) -> new PackageRef(rs.getObject("id", UUID.class), rs.getString("code"),
                            rs.getObject("expires", LocalDate.class))).optional().ifPresent(out::add);
        }
        return out;
    }

    // ---- packages and their use ----

    private record PackageRow(UUID id, String code, UUID cycleId, UUID setId, LocalDate expires, Instant cycleStart,
            String cycleStatus, UUID sterilizerId, boolean implantLoad, String ownTest) {
    }

    private Optional<PackageRow> packageRow(Clinic clinic, String code) {
        return jdbc.sql("""
                select p.id, p.code, p.cycle_id, p.set_id, p.expires, c.started_at, c.status, c.sterilizer_id, c.implant_load,
                       (select t.result from spore_test t where t.clinic_id = c.clinic_id and t.cycle_id = c.id
                        order by t.read_at desc, t.id limit 1) as own_test
                from sterile_package p join sterilization_cycle c on c.clinic_id = p.clinic_id and c.id = p.cycle_id
                where p.clinic_id = :clinic and p.code = :code""")
                .param("clinic", clinic.id()).param("code", normalizeCode(code))
                .query((rs, n) -> new PackageRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class), rs.getObject(5, LocalDate.class), rs.getTimestamp(6).toInstant(),
                        rs.getString(7), rs.getObject(8, UUID.class), rs.getBoolean(9), rs.getString(10))).optional();
    }

    static String normalizeCode(String code) {
        return code == null ? "" : code.strip().toUpperCase().replace("-", "").replace(" ", "");
    }

    /** A package's status (usable or why not) and history. */
    public PackageStatus packageStatus(Clinic clinic, String code) {
        PackageRow p = packageRow(clinic, code).orElseThrow(() -> new NotFoundException("No package " + code + "."));
        Instant now = now();
        List<Use> uses = jdbc.sql(USE_SELECT + " and u.package_id = :p").param("clinic", clinic.id()).param("p", p.id())
                .query(this::use).list();
        List<Instant> recalls = jdbc.sql("select at from package_recall where clinic_id = :clinic and package_id = :p order by at")
                .param("clinic", clinic.id()).param("p", p.id()).query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
        boolean overdue = overdue(clinic, p.sterilizerId(), lastPassingTest(clinic, p.sterilizerId(), now), now);
        Boolean ownTestPassed = p.ownTest() == null ? null : "pass".equals(p.ownTest());
        List<String> reasons = SterilizationRules.unusableReasons(new PackageState("passed".equals(p.cycleStatus()),
                SterilizationRules.awaitsOwnSporeTest(p.implantLoad()), ownTestPassed,
                !uses.isEmpty(), !recalls.isEmpty(),
                SterilizationRules.expired(Optional.ofNullable(p.expires()), LocalDate.ofInstant(now, clinic.timeZone())),
                inService(clinic, p.sterilizerId()), overdue, settings.current(clinic).settings().blockOnOverdueSporeTest()));
        List<PackageEvent> history = new ArrayList<>();
        history.add(new PackageEvent(p.cycleStart(), "sterilized (cycle " + p.cycleStatus() + ")", null));
        uses.forEach(u -> history.add(new PackageEvent(u.recordedAt(), "opened in a session", u.sessionId())));
        recalls.forEach(at -> history.add(new PackageEvent(at, "recalled (failed spore test)", null)));
        return new PackageStatus(p.id(), p.code(), reasons.isEmpty() ? "usable" : "not-usable", reasons, p.cycleId(),
                p.cycleStart(), p.cycleStatus(), p.sterilizerId(), p.setId(), p.expires(), overdue, history);
    }

    private static final String USE_SELECT = """
            select u.id, u.session_id, u.package_id, p.code, u.product, u.lot, u.recorded_at
            from package_use u left join sterile_package p on p.clinic_id = u.clinic_id and p.id = u.package_id
            where u.clinic_id = :clinic""";

    private Use use(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Use(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant());
    }

    /** What a session used, in the order recorded. */
    public List<Use> uses(Clinic clinic, UUID sessionId) {
        return jdbc.sql(USE_SELECT + " and u.session_id = :s order by u.recorded_at, u.id")
                .param("clinic", clinic.id()).param("s", sessionId).query(this::use).list();
    }

    /**
     * Records what a session used: {@code {"package":"CODE"}} or {@code {"singleUse":{"product","lot"}}}.
     * 409 {@code package-not-usable} saying why (failed cycle, already opened, recalled, expired,
     * sterilizer out of service).
     */
    @Transactional
    public Use recordUse(Clinic clinic, UUID sessionId, JsonNode body, UUID by) {
        JsonNode pkg = body == null ? null : body.get("package");
        JsonNode single = body == null ? null : body.get("singleUse");
        boolean hasPackage = pkg != null && !pkg.isNull();
        boolean hasSingle = single != null && !single.isNull();
        if (hasPackage == hasSingle) {
            throw new InvalidInputException("package", "give either a package code or singleUse {product, lot}");
        }
        UUID id = UUID.randomUUID();
        if (hasPackage) {
            if (!pkg.isString() || pkg.asString().isBlank()) {
                throw new InvalidInputException("package", "must be the code on the package's label");
            }
            PackageStatus status = packageStatus(clinic, pkg.asString());
            if (!status.reasons().isEmpty()) {
                throw notUsable(status.code(), status.reasons());
            }
            try {
                jdbc.sql("""
                        insert into package_use (clinic_id, id, session_id, package_id, recorded_at, recorded_by)
                        values (:clinic, :id, :session, :package, :now, :by)""")
                        .param("clinic", clinic.id()).param("id", id).param("session", sessionId).param("package", status.id())
                        .param("now", Timestamp.from(now())).param("by", by).update();
            } catch (DuplicateKeyException e) {
                throw notUsable(status.code(), List.of(SterilizationRules.ALREADY_OPENED));
            }
        } else {
            List<Violation> v = new ArrayList<>();
            String product = single.isObject() ? textAt(single, "product", "singleUse.product", v) : null;
            String lot = single.isObject() ? textAt(single, "lot", "singleUse.lot", v) : null;
            if (!single.isObject()) {
                v.add(new Violation("singleUse", "must be {\"product\": \"...\", \"lot\": \"...\"}"));
            }
            refuse(v);
            jdbc.sql("""
                    insert into package_use (clinic_id, id, session_id, product, lot, recorded_at, recorded_by)
                    values (:clinic, :id, :session, :product, :lot, :now, :by)""")
                    .param("clinic", clinic.id()).param("id", id).param("session", sessionId).param("product", product)
                    .param("lot", lot).param("now", Timestamp.from(now())).param("by", by).update();
        }
        return jdbc.sql(USE_SELECT + " and u.id = :id").param("clinic", clinic.id()).param("id", id).query(this::use).single();
    }

    private static final Map<String, String> WHY = Map.of(
            SterilizationRules.CYCLE_FAILED, "its sterilization cycle failed",
            SterilizationRules.RESULT_NOT_IN, "its cycle's result is not in",
            SterilizationRules.ALREADY_OPENED, "it was already opened in another session",
            SterilizationRules.RECALLED, "it is recalled after a failed spore test",
            SterilizationRules.EXPIRED, "it is expired",
            SterilizationRules.STERILIZER_OUT_OF_SERVICE, "its sterilizer is out of service",
            SterilizationRules.SPORE_TEST_OVERDUE, "its sterilizer's spore test is overdue");

    private static ConflictException notUsable(String code, List<String> reasons) {
        String why = String.join("; ", reasons.stream().map(r -> WHY.getOrDefault(r, r)).toList());
        return new ConflictException("package-not-usable", "Package " + code + " may not be used: " + why + ".",
                Map.of("reasons", reasons, "code", code));
    }

    // ---- the recall's checklist ----

    /**
     * Records one step of working through a failed spore test's recall: {@code {"clientId", "action", "note"}},
     * action one of {@link #RECALL_ACTIONS}; a client must be one the recall names (or none, for "closed").
     */
    @Transactional
    public RecallAction addRecallAction(Clinic clinic, UUID testId, Set<UUID> recallClients, JsonNode body, UUID by) {
        List<Violation> v = new ArrayList<>();
        String action = text(body, "action", v);
        if (action != null && !RECALL_ACTIONS.contains(action)) {
            v.add(new Violation("action", "must be one of " + String.join(", ", RECALL_ACTIONS)));
        }
        UUID clientId = null;
        JsonNode client = body == null ? null : body.get("clientId");
        if (client != null && !client.isNull()) {
            clientId = uuid(body, "clientId", v);
            if (clientId != null && !recallClients.contains(clientId)) {
                v.add(new Violation("clientId", "is not a client this recall names"));
            }
        } else if (action != null && !"closed".equals(action)) {
            v.add(new Violation("clientId", "is required for " + action + ": which client"));
        }
        JsonNode noteNode = body == null ? null : body.get("note");
        String note = noteNode == null || noteNode.isNull() ? "" : noteNode.isString() ? noteNode.asString().strip() : null;
        if (note == null || note.length() > 2000) {
            v.add(new Violation("note", "must be text of at most 2000 characters"));
        }
        refuse(v);
        UUID id = UUID.randomUUID();
        Instant now = now();
        jdbc.sql("""
                insert into recall_action (clinic_id, id, spore_test_id, client_id, action, note, at, recorded_by)
                values (:clinic, :id, :test, :client, :action, :note, :now, :by)""")
                .param("clinic", clinic.id()).param("id", id).param("test", testId).param("client", clientId)
                .param("action", action).param("note", note).param("now", Timestamp.from(now)).param("by", by).update();
        return new RecallAction(id, testId, clientId, action, note, now);
    }

    /** The recall's checklist so far, oldest first. */
    public List<RecallAction> recallActions(Clinic clinic, UUID testId) {
        return jdbc.sql("""
                select id, client_id, action, note, at from recall_action where clinic_id = :clinic and spore_test_id = :t
                order by at, id""")
                .param("clinic", clinic.id()).param("t", testId)
                .query((rs, n) -> new RecallAction(rs.getObject(1, UUID.class), testId, rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant())).list();
    }

    /** Failed spore tests, newest first (the recalls to work through). */
    public List<SporeTest> failedTests(Clinic clinic) {
        return sporeTests(clinic, jdbc.sql(TEST_SELECT + " and result = 'fail'" + TEST_ORDER));
    }

    // ---- stock ----

    /** Packages on the shelf: cycle passed, not opened, not recalled, not expired; soonest expiry first. */
    public List<Stocked> stock(Clinic clinic) {
        LocalDate today = LocalDate.ofInstant(now(), clinic.timeZone());
        return jdbc.sql("""
                select p.id, p.code, p.set_id, c.started_at, p.expires from sterile_package p
                join sterilization_cycle c on c.clinic_id = p.clinic_id and c.id = p.cycle_id
                where p.clinic_id = :clinic and c.status = 'passed' and (p.expires is null or p.expires >= :today)
                  and not exists (select 1 from package_use u where u.clinic_id = p.clinic_id and u.package_id = p.id)
                  and not exists (select 1 from package_recall r where r.clinic_id = p.clinic_id and r.package_id = p.id)
                order by p.expires nulls last, c.started_at, p.code""")
                .param("clinic", clinic.id()).param("today", today)
                .query((rs, n) -> new Stocked(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getTimestamp(4).toInstant(), rs.getObject(5, LocalDate.class))).list();
    }

    // ---- what the client reads ----

    /** The lines a client's visit summary shows about what their session used, in plain words. */
    public List<String> clientLines(Clinic clinic, UUID sessionId) {
        List<String> lines = new ArrayList<>();
        for (Use u : uses(clinic, sessionId)) {
            if (u.packageId() == null) {
                lines.add("Single-use: " + u.product() + " (lot " + u.lot() + "), opened for you");
                continue;
            }
            jdbc.sql("""
                    select p.set_id is not null, c.started_at,
                           exists (select 1 from spore_test t where t.clinic_id = c.clinic_id and t.sterilizer_id = c.sterilizer_id
                                   and t.result = 'pass' and t.read_at >= c.started_at),
                           exists (select 1 from package_recall r where r.clinic_id = p.clinic_id and r.package_id = p.id)
                    from sterile_package p join sterilization_cycle c on c.clinic_id = p.clinic_id and c.id = p.cycle_id
                    where p.clinic_id = :clinic and p.id = :p""")
                    .param("clinic", clinic.id()).param("p", u.packageId())
                    .query((rs, n) -> SterilizationRules.clientLine(rs.getBoolean(1),
                            LocalDate.ofInstant(rs.getTimestamp(2).toInstant(), clinic.timeZone()), rs.getBoolean(3), rs.getBoolean(4)))
                    .optional().ifPresent(lines::add);
        }
        return lines;
    }

    // ---- the log ----

    /** Cycles and spore tests between two days (inclusive, in the clinic's zone). */
    public Log log(Clinic clinic, String fromText, String toText) {
        LocalDate today = LocalDate.ofInstant(now(), clinic.timeZone());
        List<Violation> v = new ArrayList<>();
        LocalDate from = date("from", fromText, today.minusDays(30), v);
        LocalDate to = date("to", toText, today, v);
        if (from != null && to != null && to.isBefore(from)) {
            v.add(new Violation("to", "must not be before from"));
        }
        refuse(v);
        Timestamp start = Timestamp.from(from.atStartOfDay(clinic.timeZone()).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(clinic.timeZone()).toInstant());
        return new Log(from, to,
                cycles(clinic, jdbc.sql(CYCLE_SELECT + " and started_at >= :from and started_at < :to" + CYCLE_ORDER)
                        .param("from", start).param("to", end)),
                sporeTests(clinic, jdbc.sql(TEST_SELECT + " and read_at >= :from and read_at < :to" + TEST_ORDER)
                        .param("from", start).param("to", end)));
    }

    private static LocalDate date(String field, String text, LocalDate otherwise, List<Violation> v) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            LocalDate date = LocalDate.parse(text.strip());
            if (!InputRules.isSaneDate(date)) {
                v.add(new Violation(field, "must be a date between the years 1900 and 2200"));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            v.add(new Violation(field, "must be a date such as 2026-12-03"));
            return null;
        }
    }

    // ---- input ----

    public Instant now() {
        return Instant.now(clock);
    }

    private static void refuse(List<Violation> v) {
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
    }

    private static String text(JsonNode body, String field, List<Violation> v) {
        return textAt(body, field, field, v);
    }

    private static String textAt(JsonNode body, String field, String name, List<Violation> v) {
        JsonNode n = body == null ? null : body.get(field);
        if (n == null || !n.isString() || n.asString().isBlank() || n.asString().length() > MAX_TEXT) {
            v.add(new Violation(name, "is required (1-" + MAX_TEXT + " characters)"));
            return null;
        }
        return n.asString().strip();
    }

    private static UUID uuid(JsonNode body, String field, List<Violation> v) {
        JsonNode n = body == null ? null : body.get(field);
        Optional<UUID> id = n != null && n.isString() ? com.clearskin.platform.Ids.parse(n.asString()) : Optional.empty();
        if (id.isEmpty()) {
            v.add(new Violation(field, com.clearskin.platform.Ids.REASON));
            return null;
        }
        return id.get();
    }

    private Instant instant(JsonNode body, String field, List<Violation> v) {
        JsonNode n = body == null ? null : body.get(field);
        if (n == null || !n.isString()) {
            v.add(new Violation(field, "is required, an instant such as 2026-12-03T14:30:00Z"));
            return null;
        }
        try {
            Instant at = Instant.parse(n.asString().strip());
            if (at.isAfter(now().plusSeconds(60))) {
                v.add(new Violation(field, "must not be in the future"));
                return null;
            }
            return at;
        } catch (DateTimeParseException e) {
            v.add(new Violation(field, "must be an instant such as 2026-12-03T14:30:00Z"));
            return null;
        }
    }

    private static Double number(JsonNode body, String field, List<Violation> v) {
        JsonNode n = body == null ? null : body.get(field);
        if (n == null || !n.isNumber()) {
            v.add(new Violation(field, "is required, a number"));
            return null;
        }
        return n.asDouble();
    }

    private static Integer minutes(JsonNode body, String field, List<Violation> v) {
        JsonNode n = body == null ? null : body.get(field);
        if (n == null || !n.isIntegralNumber() || !n.canConvertToInt() || !SterilizationRules.validMinutes(n.asInt())) {
            v.add(new Violation(field, "must be whole minutes between 0 and 600"));
            return null;
        }
        return n.asInt();
    }
}
