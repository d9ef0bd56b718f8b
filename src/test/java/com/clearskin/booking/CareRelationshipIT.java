package com.clearskin.booking;

import static com.clearskin.booking.ScheduleFixtures.at;
import static com.clearskin.booking.ScheduleFixtures.booking;
import static com.clearskin.support.TestIntakes.healthy;
import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.accounts.Accounts;
import com.clearskin.accounts.Role;
import com.clearskin.support.Http;
import com.clearskin.support.TestClinics;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics.TestClinic;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A practitioner reads a client's health record only by a care relationship the clinic grants: the
 * clinic assigned them, or an appointment with them was checked in. Booking the client, or recording
 * an intake, grants nothing; every grant is in the audit log.
 */
@IntegrationTest
class CareRelationshipIT {

    @LocalServerPort
    int port;
    @Autowired
    ScheduleFixtures fixture;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Accounts accounts;

    TestClinic clinic;
    String api;
    UUID practitioner;
    UUID client;
    LocalDate day;

    @BeforeEach
    void open() {
        clinic = fixture.forBookingRules();
        api = "/api/v1/clinics/" + clinic.slug();
        day = LocalDate.now(clinic.clinic().timeZone()).plusDays(20);
        practitioner = jdbc.sql("select id from practitioner where clinic_id = :c").param("c", clinic.clinic().id())
                .query(UUID.class).single();
        // the practitioner user works as the fixture's practitioner
        jdbc.sql("update practitioner set user_id = :u where clinic_id = :c and id = :p")
                .param("u", accounts.findByEmail(clinic.email(Role.PRACTITIONER)).orElseThrow())
                .param("c", clinic.clinic().id()).param("p", practitioner).update();
        client = fixture.client(clinic, healthy("normal"));
    }

    Http as(Role role) {
        return new Http(port).signInForApi(clinic.email(role), TestClinics.PASSWORD);
    }

    int assessments(Http http) {
        return http.get(api + "/clients/" + client + "/assessments").status();
    }

    long rows() {
        return jdbc.sql("select count(*) from client_assessment where clinic_id = :c and client_id = :client")
                .param("c", clinic.clinic().id()).param("client", client).query(Long.class).single();
    }

    List<String> careEvents() {
        return jdbc.sql("""
                select action || ': ' || detail from audit_event
                where clinic_id = :c and client_id = :client and resource = 'care-relationship' order by id""")
                .param("c", clinic.clinic().id()).param("client", client).query(String.class).list();
    }

    String bookWithThemself(Http http) {
        Map<String, Object> body = new HashMap<>(booking(client, "microneedling", at(clinic, day)));
        body.put("practitionerId", practitioner.toString());
        Http.Response r = http.postJson(api + "/appointments", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    @Test
    void bookingTheClientWithThemselfGivesAPractitionerNoHealthAccess() {
        Http me = as(Role.PRACTITIONER);
        assertThat(assessments(me)).isEqualTo(403);
        String id = bookWithThemself(me);
        assertThat(assessments(me)).as("booked, not checked in").isEqualTo(403);
        assertThat(me.get(api + "/clients/" + client + "/recommendation").status()).isEqualTo(403);
        assertThat(me.postJson(api + "/appointments/" + id + "/cancel", "").status()).isEqualTo(200);
        assertThat(assessments(me)).isEqualTo(403);
    }

    @Test
    void aPractitionerWhoDoesNotTreatTheClientMayNotRecordAnIntakeAndNothingIsWritten() {
        long before = rows();
        Http.Response r = as(Role.PRACTITIONER).postJson(api + "/clients/" + client + "/assessments",
                Map.of("skinType", "dry"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(rows()).isEqualTo(before);
        assertThat(assessments(as(Role.PRACTITIONER))).isEqualTo(403);
    }

    @Test
    void theClinicAssignsAndUnassignsThePractitionerAndBothAreAudited() {
        Http me = as(Role.PRACTITIONER);
        Http owner = as(Role.OWNER);
        String address = api + "/clients/" + client + "/practitioner";
        assertThat(as(Role.FRONT_DESK).putJson(address, Map.of("practitionerId", practitioner.toString()), Map.of())
                .status()).isEqualTo(403);
        assertThat(me.putJson(address, Map.of("practitionerId", practitioner.toString()), Map.of()).status())
                .as("a practitioner cannot assign themself").isEqualTo(403);
        assertThat(assessments(me)).isEqualTo(403);

        Http.Response assigned = owner.putJson(address, Map.of("practitionerId", practitioner.toString()), Map.of());
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        assertThat(owner.get(address).json().get("practitionerId").asString()).isEqualTo(practitioner.toString());
        assertThat(assessments(me)).isEqualTo(200);
        Http.Response recorded = me.postJson(api + "/clients/" + client + "/assessments", Map.of("skinType", "dry"));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);

        assertThat(owner.delete(address).status()).isEqualTo(204);
        assertThat(assessments(me)).as("unassigned").isEqualTo(403);
        assertThat(me.postJson(api + "/clients/" + client + "/assessments", Map.of("skinType", "dry")).status())
                .isEqualTo(403);
        assertThat(careEvents()).hasSize(2);
        assertThat(careEvents().get(0)).startsWith("create: practitioner assigned: Dr Test");
        assertThat(careEvents().get(1)).startsWith("delete: practitioner unassigned: Dr Test");
    }

    @Test
    void aCheckedInAppointmentGivesAccessAndTheCheckInIsAudited() {
        Http me = as(Role.PRACTITIONER);
        String id = bookWithThemself(as(Role.FRONT_DESK));
        assertThat(assessments(me)).isEqualTo(403);
        Http.Response in = as(Role.FRONT_DESK).postJson(api + "/appointments/" + id + "/check-in", "");
        assertThat(in.status()).as(in.body()).isEqualTo(200);
        assertThat(assessments(me)).isEqualTo(200);
        assertThat(careEvents()).singleElement().asString().startsWith("create: checked in with Dr Test");
    }

    @Test
    void anAssignmentNamesAPractitionerOfTheClinic() {
        Http.Response r = as(Role.OWNER).putJson(api + "/clients/" + client + "/practitioner",
                Map.of("practitionerId", UUID.randomUUID().toString()), Map.of());
        assertThat(r.status()).isEqualTo(400);
        assertThat(careEvents()).isEmpty();
    }
}
