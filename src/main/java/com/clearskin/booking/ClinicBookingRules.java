package com.clearskin.booking;

import com.clearskin.catalog.ClinicCatalog;
import com.clearskin.catalog.ClinicTreatment;
import com.clearskin.clinics.Clinic;
import com.clearskin.platform.ConflictException;
import com.clearskin.platform.InvalidInputException.Violation;
import com.clearskin.platform.InvalidInputException;
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
 * A clinic's booking-rule data (the resurfacing group, recovery days). Until it saves its own, a
 * clinic uses the sourced defaults; a value it changes is attributed to the clinic.
 */
@Service
public class ClinicBookingRules {

    /** The data in force for a clinic, whether it is its own, and its revision (0: the defaults). */
    public record Current(BookingRuleSettings settings, boolean customized, int revision, Instant updatedAt) {
    }

    private static final List<String> CLINIC = List.of("clinic");

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final BookingRuleSettings defaults;
    private final ClinicCatalog catalog;
    private final Clock clock;

    ClinicBookingRules(JdbcClient jdbc, JsonMapper json, ClinicCatalog catalog, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.defaults = BookingRuleSettings.fromClasspath(json);
        this.catalog = catalog;
        this.clock = clock;
    }

    public BookingRuleSettings defaults() {
        return defaults;
    }

    public Current current(Clinic clinic) {
        return jdbc.sql("select settings, revision, updated_at from clinic_booking_rules where clinic_id = :clinic")
                .param("clinic", clinic.id())
                .query((rs, n) -> new Current(parse(rs.getString("settings")), true, rs.getInt("revision"),
                        rs.getTimestamp("updated_at").toInstant()))
                .optional()
                .orElse(new Current(defaults, false, 0, null));
    }

    BookingRuleSettings parse(String stored) {
        return json.readValue(stored, BookingRuleSettings.class);
    }

    /** Saves the clinic's data; {@code expectedRevision}, when given, must be the one the editor started from. */
    @Transactional
    public Current update(Clinic clinic, BookingRuleSettings edited, Integer expectedRevision, UUID editor) {
        Set<String> treatments = catalog.list(clinic).stream().map(ClinicTreatment::code).collect(Collectors.toSet());
        List<Violation> violations = BookingRuleSettingsValidation.check(edited, treatments);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Current current = current(clinic);
        int expected = expectedRevision == null ? current.revision() : expectedRevision;
        if (expected != current.revision()) {
            throw new ConflictException("The booking rules were changed by someone else since revision " + expected
                    + ". Reload them and apply your change again.");
        }
        String settings = json.writeValueAsString(attribute(current.settings(), edited));
        Timestamp now = Timestamp.from(Instant.now(clock));
        int updated = current.customized()
                ? jdbc.sql("""
                        update clinic_booking_rules set settings = cast(:settings as jsonb), revision = revision + 1,
                               updated_at = :now, updated_by = :editor
                        where clinic_id = :clinic and revision = :expected""")
                .param("settings", settings).param("now", now).param("editor", editor)
                .param("clinic", clinic.id()).param("expected", expected).update()
                : jdbc.sql("""
                        insert into clinic_booking_rules (clinic_id, settings, revision, updated_at, updated_by)
                        values (:clinic, cast(:settings as jsonb), 1, :now, :editor) on conflict do nothing""")
                .param("settings", settings).param("now", now).param("editor", editor)
                .param("clinic", clinic.id()).update();
        if (updated == 0) {
            throw new ConflictException("The booking rules were changed by someone else. Reload them and try again.");
        }
        return current(clinic);
    }

    /** Back to the sourced defaults. */
    @Transactional
    public Current reset(Clinic clinic) {
        jdbc.sql("delete from clinic_booking_rules where clinic_id = :clinic").param("clinic", clinic.id()).update();
        return current(clinic);
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
