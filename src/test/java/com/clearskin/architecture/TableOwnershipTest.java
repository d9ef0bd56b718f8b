package com.clearskin.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A table belongs to the module whose migration folder creates it; another module's SQL on it
 * fails this test unless the crossing is listed here with its reason. The list is meant to shrink:
 * a crossing goes when the owning module offers what the reader needs.
 */
class TableOwnershipTest {

    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    static final Path SOURCES = Path.of("src/main/java/com/clearskin");

    /**
     * Tables that resources' V6 created for other modules before they had migration folders of
     * their own (V6 was the scheduling module's; migrations keep their checksums, so it was moved
     * whole, not split): table -> the module that owns it now.
     */
    static final Map<String, String> HANDED_OVER = Map.of(
            "booked_course", "booking",
            "appointment", "booking",
            "appointment_device", "booking",
            "appointment_event", "booking",
            "idempotent_request", "platform",
            "waitlist_entry", "waitlist",
            "calendar_feed", "calendar");

    static Map<String, String> owners() {
        return TableOwnership.owners(MIGRATIONS, HANDED_OVER);
    }

    /** Module -> table of another module, with why it is read or written there. */
    static final Map<String, String> ALLOWED = Map.ofEntries(
            Map.entry("audit -> app_user", "the log page names who acted; a read-only join for display"),
            Map.entry("audit -> client", "the log page names the client an event concerns; a read-only join for display"),
            Map.entry("calendar -> appointment", "a feed lists the appointments of its subject in one query (read-only)"),
            Map.entry("calendar -> client", "an event's summary names the client's first name (read-only)"),
            Map.entry("calendar -> clinic", "a feed carries the clinic's name and zone (read-only)"),
            Map.entry("calendar -> clinic_treatment", "an event names the treatment as the clinic calls it (read-only)"),
            Map.entry("calendar -> practitioner", "a practitioner's feed and the events' attendee (read-only)"),
            Map.entry("calendar -> room", "an event's LOCATION is the room (read-only)"),
            Map.entry("clients -> appointment", "ClientAccess: a checked-in appointment is a care relationship that "
                    + "grants a practitioner health access (read-only, one exists query)"),
            Map.entry("clients -> practitioner", "ClientAccess: which practitioner record is the signed-in person "
                    + "(read-only, one exists query)"),
            Map.entry("demo -> appointment", "DemoVisits writes the demo clinics' past, completed visits as booking "
                    + "records them: no booking can be made in the past (demo data only)"),
            Map.entry("demo -> appointment_event", "DemoVisits: the history of those past demo visits (demo data only)"),
            Map.entry("booking -> client", "bookings check the client exists in the clinic and lock it, so that one "
                    + "client's bookings wait for each other"),
            Map.entry("booking -> client_assessment", "booking rules read the client's answers on the day "
                    + "(washouts, cadence by skin type); to move behind clients' API"),
            Map.entry("booking -> clinic_settings", "a booking check reads the clinic's rule settings and "
                    + "booking rules (their revisions and the booking-rules document) in the one statement that loads "
                    + "the client's facts (read-only; writes go through ClinicSettingsStore)"),
            Map.entry("booking -> clinic_treatment", "what the clinic offers and for how long (read-only)"),
            Map.entry("waitlist -> client", "an offer is mailed to the client (read-only)"),
            Map.entry("waitlist -> clinic", "an offer names the clinic and its zone (read-only)"),
            Map.entry("waitlist -> practitioner", "an offer names the practitioner (read-only)"),
            Map.entry("resources -> clinic", "a clinic's zone for its schedule, and the clinics set up at start (read-only)"),
            Map.entry("resources -> clinic_treatment", "a treatment's requirement needs the clinic to offer it, and its "
                    + "duration (read-only)"),
            Map.entry("booking -> practitioner_time_off", "ScheduleLoader reads time off in the same statement as the "
                    + "busy appointments: one round trip per availability search (BENCHMARKS.md; read-only)")
    );

    @Test
    void everyTableHasOneOwner() {
        assertThat(owners()).containsKeys("appointment", "client", "app_user", "audit_event");
    }

    @Test
    void noModuleUsesAnotherModulesTableUnlessListedWithAReason() {
        List<TableOwnership.Crossing> crossings = TableOwnership.crossings(SOURCES, owners());
        List<String> unlisted = crossings.stream().filter(c -> !ALLOWED.containsKey(c.key())).map(Object::toString)
                .toList();
        assertThat(unlisted).as("crossings not listed in ALLOWED").isEmpty();
    }

    @Test
    void theListHasNoCrossingThatNoLongerExists() {
        Set<String> present = TableOwnership.crossings(SOURCES, owners()).stream()
                .map(TableOwnership.Crossing::key).collect(Collectors.toCollection(TreeSet::new));
        assertThat(new TreeSet<>(ALLOWED.keySet())).as("listed but gone: remove them").isSubsetOf(present);
    }

    @Test
    void theRuleCatchesACrossingInAFixture() {
        Path fixture = Path.of("src/test/resources/architecture-fixture");
        Map<String, String> owners = TableOwnership.owners(fixture.resolve("migration"));
        assertThat(owners).containsEntry("shop_order", "shop").containsEntry("invoice", "billing");
        assertThat(TableOwnership.crossings(fixture.resolve("java"), owners)).singleElement()
                .satisfies(c -> assertThat(c.key()).isEqualTo("billing -> shop_order"));
    }
}
