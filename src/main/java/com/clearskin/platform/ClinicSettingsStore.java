package com.clearskin.platform;

import com.clearskin.platform.InvalidInputException.Violation;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one store of a clinic's sourced settings (table {@code clinic_settings}, one JSON document
 * per clinic and kind): the document in force (the clinic's own or the shipped defaults), an
 * update checked against the revision the editor started from (the API's {@code If-Match}), and
 * reset to the defaults. Recommendation rule settings, booking rules and the settings of the visit
 * modules all keep theirs here; each module validates its own document before saving it.
 */
@Service
public class ClinicSettingsStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    ClinicSettingsStore(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** The settings of {@code kind} in force for the clinic. */
    public <T> StoredSettings<T> current(UUID clinicId, SettingsKind<T> kind) {
        return jdbc.sql("""
                select settings::text as settings, revision, updated_at from clinic_settings
                where clinic_id = :clinic and kind = :kind""")
                .param("clinic", clinicId).param("kind", kind.key())
                .query((rs, n) -> new StoredSettings<>(json.readValue(rs.getString("settings"), kind.type()), true,
                        rs.getInt("revision"), rs.getTimestamp("updated_at").toInstant()))
                .optional()
                .orElse(new StoredSettings<>(kind.defaults(), false, 0, null));
    }

    /**
     * Saves the clinic's document after {@code violations} (the module's validation of it) came back
     * empty; {@code expectedRevision}, when given, must be the one the editor started from, else 409.
     */
    @Transactional
    public <T> StoredSettings<T> update(UUID clinicId, SettingsKind<T> kind, T edited, List<Violation> violations,
            Integer expectedRevision, UUID editor) {
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        StoredSettings<T> current = current(clinicId, kind);
        int expected = expectedRevision == null ? current.revision() : expectedRevision;
        if (expected != current.revision()) {
            throw new ConflictException(capitalized(kind.noun()) + " were changed by someone else since revision "
                    + expected + ". Reload them and apply your change again.");
        }
        String settings = json.writeValueAsString(kind.attribute(current.settings(), edited));
        Timestamp now = Timestamp.from(Instant.now(clock));
        int updated = current.customized()
                ? jdbc.sql("""
                        update clinic_settings set settings = cast(:settings as jsonb), revision = revision + 1,
                               updated_at = :now, updated_by = :editor
                        where clinic_id = :clinic and kind = :kind and revision = :expected""")
                .param("settings", settings).param("now", now).param("editor", editor)
                .param("clinic", clinicId).param("kind", kind.key()).param("expected", expected).update()
                : jdbc.sql("""
                        insert into clinic_settings (clinic_id, kind, settings, revision, updated_at, updated_by)
                        values (:clinic, :kind, cast(:settings as jsonb), 1, :now, :editor) on conflict do nothing""")
                .param("settings", settings).param("now", now).param("editor", editor)
                .param("clinic", clinicId).param("kind", kind.key()).update();
        if (updated == 0) {
            throw new ConflictException(capitalized(kind.noun()) + " were changed by someone else. Reload them and "
                    + "try again.");
        }
        return current(clinicId, kind);
    }

    /** Back to the shipped defaults. */
    @Transactional
    public <T> StoredSettings<T> reset(UUID clinicId, SettingsKind<T> kind) {
        jdbc.sql("delete from clinic_settings where clinic_id = :clinic and kind = :kind")
                .param("clinic", clinicId).param("kind", kind.key()).update();
        return current(clinicId, kind);
    }

    private static String capitalized(String noun) {
        return noun.isEmpty() ? noun : Character.toUpperCase(noun.charAt(0)) + noun.substring(1);
    }
}
