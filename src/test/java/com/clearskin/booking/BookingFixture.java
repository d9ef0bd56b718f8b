package com.clearskin.booking;

import com.clearskin.accounts.Accounts;
import com.clearskin.accounts.Role;
import com.clearskin.clients.Client;
import com.clearskin.clients.ClientAccounts;
import com.clearskin.clients.ClientAssessments;
import com.clearskin.clients.Clients;
import com.clearskin.clients.NewClient;
import com.clearskin.support.Http;
import com.clearskin.support.TestClinics.TestClinic;
import com.clearskin.support.TestClinics;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A test clinic ready to book: open every day 08:00-20:00, one physician (who may perform every
 * treatment) on shift then, one room, and the treatments of the rules' tests bookable without
 * devices. Clients are added with an intake that answers no to every medical question unless told.
 */
@Component
class BookingFixture {

    static final List<String> BOOKABLE = List.of("microneedling", "chemical-peel", "extraction-facial",
            "deep-pore-cleansing", "led-therapy", "microdermabrasion");

    private final TestClinics clinics;
    private final JdbcClient jdbc;
    private final Clients clients;
    private final ClientAssessments assessments;
    private final Accounts accounts;
    private final ClientAccounts clientAccounts;
    private final JsonMapper json;

    BookingFixture(TestClinics clinics, JdbcClient jdbc, Clients clients, ClientAssessments assessments,
            Accounts accounts, ClientAccounts clientAccounts, JsonMapper json) {
        this.clinics = clinics;
        this.jdbc = jdbc;
        this.clients = clients;
        this.assessments = assessments;
        this.accounts = accounts;
        this.clientAccounts = clientAccounts;
        this.json = json;
    }

    TestClinic open() {
        TestClinic c = clinics.open();
        UUID clinic = c.clinic().id();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                insert into clinic_schedule (clinic_id, slot_minutes, min_notice_minutes, horizon_days, updated_at)
                values (:clinic, 15, 0, 200, :now)
                on conflict (clinic_id) do update set slot_minutes = 15, min_notice_minutes = 0, horizon_days = 200,
                    revision = clinic_schedule.revision + 1, updated_at = excluded.updated_at""")
                .param("clinic", clinic).param("now", now).update();
        // the clinic's default hours and needs give way to this fixture's: open 08-20, no room or device needs
        jdbc.sql("delete from opening_hours where clinic_id = :clinic").param("clinic", clinic).update();
        UUID practitioner = UUID.randomUUID();
        jdbc.sql("""
                insert into practitioner (clinic_id, id, display_name, qualification, created_at)
                values (:clinic, :id, 'Dr Test', 'physician', :now)""")
                .param("clinic", clinic).param("id", practitioner).param("now", now).update();
        jdbc.sql("insert into room (clinic_id, id, name, created_at) values (:clinic, :id, 'Room 1', :now)")
                .param("clinic", clinic).param("id", UUID.randomUUID()).param("now", now).update();
        for (int day = 1; day <= 7; day++) {
            jdbc.sql("insert into opening_hours (clinic_id, weekday, opens, closes) values (:clinic, :d, '08:00', '20:00')")
                    .param("clinic", clinic).param("d", day).update();
            jdbc.sql("""
                    insert into practitioner_shift (clinic_id, practitioner_id, weekday, starts, ends)
                    values (:clinic, :p, :d, '08:00', '20:00')""")
                    .param("clinic", clinic).param("p", practitioner).param("d", day).update();
        }
        for (String code : BOOKABLE) {
            jdbc.sql("""
                    insert into treatment_requirement (clinic_id, treatment_code) values (:clinic, :code)
                    on conflict (clinic_id, treatment_code) do update set bookable = true, room_capabilities = '{}',
                        device_types = '{}', buffer_before_minutes = 0, buffer_after_minutes = 0""")
                    .param("clinic", clinic).param("code", code).update();
        }
        return c;
    }

    /** A client with the intake given (null: none on file). */
    UUID client(TestClinic c, Map<String, Object> intake) {
        Client client = clients.create(c.clinic(), new NewClient("Test", "Client", null, null, null));
        if (intake != null) {
            UUID owner = accounts.findByEmail(c.email(Role.OWNER)).orElseThrow();
            assessments.record(c.clinic(), client, json.valueToTree(intake), owner);
        }
        return client.id();
    }

    /** Makes the clinic's client account (role client) this client's own sign-in. */
    void linkClientAccount(TestClinic c, UUID client) {
        clientAccounts.link(c.clinic(), client, accounts.findByEmail(c.email(Role.CLIENT)).orElseThrow());
    }

    /** A healthy adult's intake of the given skin type; override answers by putting them in the map. */
    static Map<String, Object> intake(String skinType) {
        Map<String, Object> medical = new LinkedHashMap<>();
        for (String flag : List.of("pregnantOrBreastfeeding", "activeInfectionInArea", "coldSoreHistory",
                "sunburnOrRecentTan", "openWoundsInArea", "keloidTendency", "rosaceaOrEczemaFlare", "psoriasisFlare",
                "photosensitizingMedication", "autoimmuneOrImmunosuppressed", "recentChemotherapy", "skinCancerInArea",
                "pacemakerOrMetalInArea", "epilepsy", "salicylateAllergy")) {
            medical.put(flag, false);
        }
        medical.put("isotretinoinLastTaken", "never");
        medical.put("topicalRetinoidLastUsed", "never");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("age", 35);
        body.put("skinType", skinType);
        body.put("fitzpatrick", 2);
        body.put("concerns", List.of("acne-scars", "texture"));
        body.put("bodyAreas", List.of("face"));
        body.put("medical", medical);
        return body;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> medical(Map<String, Object> intake) {
        return (Map<String, Object>) intake.get("medical");
    }

    /** 10:00 on the day, in the clinic's zone, as the API takes it. */
    static String at(TestClinic c, LocalDate day) {
        return OffsetDateTime.of(day, LocalTime.of(10, 0), c.clinic().timeZone().getRules()
                .getOffset(day.atTime(10, 0))).toString();
    }

    static Map<String, Object> booking(UUID client, String treatment, String start) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientId", client.toString());
        body.put("treatment", treatment);
        body.put("start", start);
        return body;
    }

    static Http signedIn(int port, TestClinic c, Role role) {
        Http http = new Http(port);
        String token = http.postJson("/api/v1/auth/tokens",
                Map.of("email", c.email(role), "password", TestClinics.PASSWORD)).json().get("token").asString();
        return http.bearer(token);
    }
}
