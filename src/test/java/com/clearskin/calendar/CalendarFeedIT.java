package com.clearskin.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.booking.ScheduleFixtures;
import com.clearskin.accounts.Role;
import com.clearskin.clients.Client;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics;
import com.clearskin.support.TestClinics.TestClinic;
import java.io.StringReader;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Calendar feeds over HTTP: a practitioner's and a client's, the token as the only credential,
 * revocation, no other clinic's or client's data, no health data, and 10:00 staying 10:00 local
 * across a clock change (the clinic is in New York).
 */
@IntegrationTest
class CalendarFeedIT {

    static final String TREATMENT = "extraction-facial";
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @LocalServerPort
    int port;
    @Autowired
    TestClinics testClinics;
    @Autowired
    ScheduleFixtures schedule;
    @Autowired
    JdbcClient jdbc;

    TestClinic clinic;
    Http frontDesk;
    String base;
    UUID ada;
    UUID bea;
    Client yara;
    Client zoe;
    LocalDate day;

    @BeforeEach
    void openClinic() {
        clinic = testClinics.open();
        jdbc.sql("update clinic set time_zone = 'America/New_York' where id = :id").param("id", clinic.clinic().id())
                .update();
        schedule.simpleEveryDay(clinic.clinic(), 120, TREATMENT);
        ada = schedule.practitioner(clinic.clinic(), "Ada Esthetician", "esthetician", null);
        bea = schedule.practitioner(clinic.clinic(), "Bea Other", "esthetician", null);
        schedule.room(clinic.clinic(), "Room 1");
        schedule.room(clinic.clinic(), "Room 2");
        yara = schedule.clientRecord(clinic.clinic(), "Yara", "Firstclient");
        zoe = schedule.clientRecord(clinic.clinic(), "Zoe", "Secondclient");
        frontDesk = new Http(port).signInForApi(clinic.email(Role.FRONT_DESK), TestClinics.PASSWORD);
        base = "/api/v1/clinics/" + clinic.slug();
        day = LocalDate.now(NEW_YORK).plusDays(3);
    }

    String book(Client client, UUID practitioner, LocalDate date, String time) {
        String start = ZonedDateTime.of(date, LocalTime.parse(time), NEW_YORK).toOffsetDateTime().toString();
        Http.Response r = frontDesk.postJson(base + "/appointments", Map.of("clientId", client.id().toString(),
                "treatment", TREATMENT, "start", start, "practitionerId", practitioner.toString()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    JsonNode feed(Http as, String field, UUID subject) {
        Http.Response r = as.postJson(base + "/calendar-feeds", Map.of(field, subject.toString()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    static String path(JsonNode issued) {
        return URI.create(issued.get("url").asString()).getPath();
    }

    Http.Response download(String path) {
        return new Http(port).get(path); // no sign-in: the token is the credential
    }

    static List<VEvent> events(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        return calendar.getComponents("VEVENT");
    }

    static String value(VEvent event, String name) {
        return event.getProperty(name).map(Property::getValue).orElse(null);
    }

    @Test
    void aPractitionersFeedShowsTheirAppointmentsAndNoHealthData() throws Exception {
        String mine = book(yara, ada, day, "10:00");
        book(zoe, bea, day, "10:00");
        JsonNode issued = feed(frontDesk, "practitionerId", ada);
        assertThat(issued.get("token").asString()).hasSize(43);
        assertThat(issued.get("url").asString()).endsWith("/calendar/" + issued.get("token").asString() + ".ics");

        Http.Response r = download(path(issued));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualToIgnoringCase("text/calendar;charset=UTF-8");
        assertThat(r.header("Cache-Control")).contains("private", "max-age=900");
        assertThat(r.header("ETag")).isNotBlank();
        List<VEvent> events = events(r.body());
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(value(e, "UID")).isEqualTo(mine + "@clearskin");
            assertThat(value(e, "SUMMARY")).isEqualTo("Facial with extractions – Yara");
            assertThat(value(e, "LOCATION")).isIn("Room 1", "Room 2");
            assertThat(value(e, "STATUS")).isEqualTo("CONFIRMED");
            assertThat(value(e, "SEQUENCE")).isEqualTo("1");
        });
        assertThat(r.body()).doesNotContain("Firstclient", "Zoe", "Secondclient");
        assertThat(r.body()).contains("BEGIN:VTIMEZONE", "TZID:America/New_York");

        // Cancelled: the same event, now CANCELLED with a higher SEQUENCE.
        assertThat(frontDesk.postJson(base + "/appointments/" + mine + "/cancel", Map.of()).status()).isEqualTo(200);
        VEvent cancelled = events(download(path(issued)).body()).get(0);
        assertThat(value(cancelled, "UID")).isEqualTo(mine + "@clearskin");
        assertThat(value(cancelled, "STATUS")).isEqualTo("CANCELLED");
        assertThat(Integer.parseInt(value(cancelled, "SEQUENCE"))).isGreaterThan(1);
    }

    @Test
    void aPollWithTheLastEtagGets304UntilSomethingChanges() {
        book(yara, ada, day, "10:00");
        String path = path(feed(frontDesk, "practitionerId", ada));
        String etag = download(path).header("ETag");
        Http.Response again = new Http(port).get(path, Map.of("If-None-Match", etag));
        assertThat(again.status()).isEqualTo(304);
        book(zoe, ada, day, "12:00");
        assertThat(new Http(port).get(path, Map.of("If-None-Match", etag)).status()).isEqualTo(200);
    }

    @Test
    void tenOClockOnTheMondayAfterSpringForwardStaysTenOClock() throws Exception {
        ZoneOffsetTransition transition = NEW_YORK.getRules().nextTransition(Instant.now());
        while (!transition.isGap()) {
            transition = NEW_YORK.getRules().nextTransition(transition.getInstant());
        }
        LocalDate monday = transition.getDateTimeAfter().toLocalDate().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        LocalDate mondayBefore = monday.minusWeeks(1);
        String after = book(yara, ada, monday, "10:00");
        String before = book(zoe, ada, mondayBefore, "10:00"); // another client: one client twice in a week breaks the cadence rule
        String ics = download(path(feed(frontDesk, "practitionerId", ada))).body();
        DateTimeFormatter basic = DateTimeFormatter.ofPattern("yyyyMMdd");
        assertThat(ics).contains("DTSTART;TZID=America/New_York:" + monday.format(basic) + "T100000",
                "DTSTART;TZID=America/New_York:" + mondayBefore.format(basic) + "T100000");
        for (VEvent e : events(ics)) {
            ZonedDateTime start = ZonedDateTime.from(e.getStartDate().orElseThrow().getDate());
            assertThat(start.withZoneSameInstant(NEW_YORK).toLocalTime()).isEqualTo(LocalTime.of(10, 0));
            boolean isAfter = value(e, "UID").startsWith(after);
            assertThat(start.toInstant()).isEqualTo(ZonedDateTime.of(isAfter ? monday : mondayBefore,
                    LocalTime.of(10, 0), NEW_YORK).toInstant());
            assertThat(value(e, "UID")).startsWith(isAfter ? after : before);
        }
        assertThat(events(ics)).hasSize(2);
    }

    @Test
    void aClientsFeedShowsOnlyTheirOwnAppointments() throws Exception {
        schedule.link(clinic.clinic(), yara.id(), clinic.email(Role.CLIENT));
        book(yara, ada, day, "10:00");
        book(zoe, bea, day, "10:00");
        Http client = new Http(port).signInForApi(clinic.email(Role.CLIENT), TestClinics.PASSWORD);
        JsonNode issued = feed(client, "clientId", yara.id());
        List<VEvent> events = events(download(path(issued)).body());
        assertThat(events).singleElement().satisfies(e ->
                assertThat(value(e, "SUMMARY")).isEqualTo("Facial with extractions"));
        assertThat(client.postJson(base + "/calendar-feeds", Map.of("clientId", zoe.id().toString())).status())
                .isEqualTo(403);
        assertThat(client.postJson(base + "/calendar-feeds", Map.of("practitionerId", ada.toString())).status())
                .isEqualTo(403);
        JsonNode listed = client.get(base + "/calendar-feeds").json();
        assertThat(listed.get("count").asInt()).isEqualTo(1);
    }

    @Test
    void aPractitionerManagesOnlyTheirOwnFeed() {
        jdbc.sql("update practitioner set user_id = (select id from app_user where email = :e) where id = :p")
                .param("e", clinic.email(Role.PRACTITIONER)).param("p", ada).update();
        Http practitioner = new Http(port).signInForApi(clinic.email(Role.PRACTITIONER), TestClinics.PASSWORD);
        assertThat(practitioner.postJson(base + "/calendar-feeds", Map.of("practitionerId", ada.toString())).status())
                .isEqualTo(201);
        assertThat(practitioner.postJson(base + "/calendar-feeds", Map.of("practitionerId", bea.toString())).status())
                .isEqualTo(403);
        String beas = feed(frontDesk, "practitionerId", bea).get("id").asString();
        assertThat(practitioner.delete(base + "/calendar-feeds/" + beas).status()).isEqualTo(404);
        assertThat(practitioner.get(base + "/calendar-feeds").json().get("count").asInt()).isEqualTo(1);
        assertThat(frontDesk.get(base + "/calendar-feeds").json().get("count").asInt()).isEqualTo(2);
    }

    @Test
    void aRevokedOrWrongTokenIsNotFound() {
        JsonNode issued = feed(frontDesk, "practitionerId", ada);
        String path = path(issued);
        assertThat(download(path).status()).isEqualTo(200);
        JsonNode listed = frontDesk.get(base + "/calendar-feeds").json();
        assertThat(listed.get("count").asInt()).isEqualTo(1);
        assertThat(listed.toString()).doesNotContain(issued.get("token").asString()).doesNotContain("token");

        assertThat(frontDesk.delete(base + "/calendar-feeds/" + issued.get("id").asString()).status()).isEqualTo(204);
        assertThat(download(path).status()).isEqualTo(404);
        assertThat(frontDesk.delete(base + "/calendar-feeds/" + issued.get("id").asString()).status()).isEqualTo(404);
        assertThat(frontDesk.get(base + "/calendar-feeds").json().get("count").asInt()).isZero();

        String token = issued.get("token").asString();
        String other = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);
        assertThat(download("/calendar/" + other + ".ics").status()).isEqualTo(404);
        assertThat(download("/calendar/not-a-token.ics").status()).isEqualTo(404);
        assertThat(download("/calendar/.ics").status()).isEqualTo(404);
        byte[] stored = jdbc.sql("select token_hash from calendar_feed where id = :id")
                .param("id", UUID.fromString(issued.get("id").asString())).query(byte[].class).single();
        assertThat(stored).hasSize(32).isNotEqualTo(token.getBytes());
    }

    @Test
    void anotherClinicSeesNoneOfThisClinicsFeedsOrPeople() {
        JsonNode issued = feed(frontDesk, "practitionerId", ada);
        TestClinic other = testClinics.open();
        Http outsider = new Http(port).signInForApi(other.email(Role.OWNER), TestClinics.PASSWORD);
        String otherBase = "/api/v1/clinics/" + other.slug() + "/calendar-feeds";
        assertThat(outsider.get(base + "/calendar-feeds").status()).isEqualTo(404);
        assertThat(outsider.delete(otherBase + "/" + issued.get("id").asString()).status()).isEqualTo(404);
        assertThat(outsider.get(otherBase).json().get("count").asInt()).isZero();
        Http.Response theirs = outsider.postJson(otherBase, Map.of("practitionerId", ada.toString()));
        assertThat(theirs.status()).isEqualTo(400);
        assertThat(theirs.body()).contains("practitionerId");
        assertThat(outsider.postJson(otherBase, Map.of("clientId", yara.id().toString())).status()).isEqualTo(400);
        assertThat(download(path(issued)).status()).isEqualTo(200);
    }

    @Test
    void badRequestsNameTheField() {
        assertThat(frontDesk.postJson(base + "/calendar-feeds", Map.of()).body()).contains("practitionerId");
        assertThat(frontDesk.postJson(base + "/calendar-feeds", Map.of("practitionerId", ada.toString(),
                "clientId", yara.id().toString())).status()).isEqualTo(400);
        Http.Response malformed = frontDesk.postJson(base + "/calendar-feeds", Map.of("clientId", "nope"));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).contains("clientId");
        assertThat(frontDesk.postJson(base + "/calendar-feeds", Map.of("clientId", UUID.randomUUID().toString()))
                .status()).isEqualTo(400);
        assertThat(frontDesk.delete(base + "/calendar-feeds/nope").status()).isEqualTo(404);
    }
}
