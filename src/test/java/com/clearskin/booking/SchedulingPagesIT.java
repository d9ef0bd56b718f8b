package com.clearskin.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.accounts.Role;
import com.clearskin.booking.ScheduleFixtures.Bookable;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The booking pages over HTTP: the public booking page and its partial, a client's confirmation and
 * appointment list, the staff calendar, an appointment's transitions and the staff booking form;
 * with roles, other clinics and bad input.
 */
@IntegrationTest
class SchedulingPagesIT {

    static final String PEEL = "chemical-peel";

    @LocalServerPort
    int port;
    @Autowired
    ScheduleFixtures fixtures;
    @Autowired
    com.clearskin.support.TestVisits visits;

    Bookable clinic;
    LocalDate tuesday;

    @BeforeEach
    void open() {
        clinic = fixtures.bookable();
        tuesday = clinic.tuesday();
    }

    Http signedIn(Role role) {
        Http http = new Http(port);
        assertThat(http.signIn(clinic.clinic().email(role), TestClinics.PASSWORD).status()).isEqualTo(302);
        return http;
    }

    Instant at(LocalDate day, int hour, int minute) {
        return ZonedDateTime.of(day, LocalTime.of(hour, minute), clinic.clinic().clinic().timeZone()).toInstant();
    }

    String bookPage() {
        return "/clinics/" + clinic.slug() + "/book";
    }

    String confirm(Instant start) {
        return bookPage() + "/confirm?treatment=" + PEEL + "&start=" + start;
    }

    /** Books as the clinic's client through the confirmation form; returns the response. */
    Http.Response bookAsClient(Http client, Instant start) {
        return client.postForm(bookPage() + "/confirm", confirm(start), Map.of("treatment", PEEL, "start", start.toString(),
                "practitioner", ""));
    }

    String appointmentId(Http staff, LocalDate day) {
        String page = staff.get("/app/clinics/" + clinic.slug() + "/calendar?view=day&date=" + day).body();
        int at = page.indexOf("data-appointment=\"");
        assertThat(at).as("an appointment on the calendar").isPositive();
        return page.substring(at + 18, at + 18 + 36);
    }

    @Test
    void anyoneSeesTheFreeTimesGroupedByDayInTheClinicsZone() {
        Http anonymous = new Http(port);
        Http.Response page = anonymous.get(bookPage());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Book a treatment at <span>" + clinic.clinic().clinic().name(), "Europe/London",
                "id=\"treatment-" + PEEL + "\"", "Choose a treatment above");

        Http.Response week = anonymous.get(bookPage() + "?treatment=" + PEEL + "&from=" + tuesday);
        assertThat(week.status()).isEqualTo(200);
        assertThat(week.body()).contains("data-date=\"" + tuesday + "\"", ">09:15</a>", ">17:00</a>",
                "href=\"" + bookPage() + "/details?treatment=" + PEEL + "&amp;start=" + at(tuesday, 9, 15) + "\"");
        assertThat(week.body()).as("the room is set up for 5 minutes from opening").doesNotContain(">09:00</a>");

        Http.Response partial = anonymous.get(bookPage() + "?treatment=" + PEEL + "&from=" + tuesday,
                Map.of("HX-Request", "true"));
        assertThat(partial.status()).isEqualTo(200);
        assertThat(partial.body()).startsWith("<div id=\"times\"").doesNotContain("<html");
    }

    @Test
    void badInputOnTheBookingPageIsA400ThatSaysWhat() {
        Http anonymous = new Http(port);
        Http.Response badDate = anonymous.get(bookPage() + "?treatment=" + PEEL + "&from=next-week");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body()).contains("Please give the week as a date, such as 2027-05-14.").doesNotContain("from &#39;");
        Http.Response unknown = anonymous.get(bookPage() + "?treatment=no-such-thing");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("Please choose a treatment this clinic offers online.");
        assertThat(anonymous.get(bookPage() + "?treatment=" + PEEL + "&practitioner=42").status()).isEqualTo(400);
        assertThat(anonymous.get("/clinics/no-such-clinic/book").status()).isEqualTo(404);
        assertThat(anonymous.get(confirm(at(tuesday, 10, 0))).status()).as("sign in first").isEqualTo(302);
    }

    @Test
    void aClientConfirmsBooksAndSeesTheAppointmentThenATakenTimeIsA409() {
        Http client = signedIn(Role.CLIENT);
        Instant ten = at(tuesday, 10, 0);
        Http.Response confirmation = client.get(confirm(ten));
        assertThat(confirmation.status()).isEqualTo(200);
        assertThat(confirmation.body()).contains("Confirm your booking", "Book this time", "10:00–", "Europe/London",
                "Booking as <strong>");

        Http.Response booked = bookAsClient(client, ten);
        assertThat(booked.status()).as(booked.body()).isEqualTo(302);
        assertThat(booked.header("Location")).endsWith("/app/clinics/" + clinic.slug() + "/my-appointments");
        String mine = client.get("/app/clinics/" + clinic.slug() + "/my-appointments").body();
        assertThat(mine).contains("Booked: ", "id=\"upcoming\"", "Superficial chemical peel", "10:00–", "Cancel this appointment");

        Http.Response again = bookAsClient(client, ten);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("That time was just taken", "Choose another time");

        Http.Response offGrid = bookAsClient(client, at(tuesday, 10, 7));
        assertThat(offGrid.status()).isEqualTo(400);
        assertThat(offGrid.body()).contains("This time cannot be booked", "start");

        Http.Response week = new Http(port).get(bookPage() + "?treatment=" + PEEL + "&from=" + tuesday);
        assertThat(week.body()).as("the booked time is no longer offered")
                .doesNotContain("start=" + ten + "\"").contains("start=" + at(tuesday, 9, 15) + "\"");
    }

    @Test
    void staffAndOutsidersCannotBookAsAClient() {
        Http owner = signedIn(Role.OWNER);
        Instant ten = at(tuesday, 10, 0);
        Http.Response confirmation = owner.get(confirm(ten));
        assertThat(confirmation.status()).isEqualTo(200);
        assertThat(confirmation.body()).contains("signed in as staff", "Book it for a client").doesNotContain("Book this time");
        assertThat(bookAsClient(owner, ten).status()).isEqualTo(403);

        Http outsider = new Http(port);
        outsider.signIn("owner@second.test", IntegrationTest.DEMO_PASSWORD);
        assertThat(outsider.get(confirm(ten)).body()).contains("not as a client of");
        assertThat(outsider.get("/app/clinics/" + clinic.slug() + "/my-appointments").status()).isEqualTo(404);
        assertThat(owner.get("/app/clinics/" + clinic.slug() + "/my-appointments").status()).isEqualTo(403);
    }

    @Test
    void theStaffCalendarShowsTheDayByPractitionerAndByRoomAndTheWeek() {
        Http client = signedIn(Role.CLIENT);
        assertThat(bookAsClient(client, at(tuesday, 11, 30)).status()).isEqualTo(302);
        Http desk = signedIn(Role.FRONT_DESK);
        String calendar = "/app/clinics/" + clinic.slug() + "/calendar";

        Http.Response day = desk.get(calendar + "?view=day&date=" + tuesday);
        assertThat(day.status()).isEqualTo(200);
        assertThat(day.body()).contains("Ella Esthetician", "Chloe Client", "11:30–", "status-booked", "Europe/London",
                "class=\"cal-time\"", ">09:00</div>");
        Http.Response rooms = desk.get(calendar + "?view=day&date=" + tuesday + "&by=room");
        assertThat(rooms.body()).contains("Garden room</h2>", "Chloe Client");
        Http.Response week = desk.get(calendar + "?view=week&date=" + tuesday);
        assertThat(week.status()).isEqualTo(200);
        assertThat(week.body()).contains("class=\"cal-week\"", "Chloe Client", "Ella Esthetician · Garden room");
        assertThat(desk.get(calendar).status()).as("today by default").isEqualTo(200);

        assertThat(desk.get(calendar + "?view=month").status()).isEqualTo(400);
        assertThat(desk.get(calendar + "?by=device").status()).isEqualTo(400);
        assertThat(desk.get(calendar + "?date=2025-13-40").status()).isEqualTo(400);
        assertThat(client.get(calendar).status()).isEqualTo(403);
        Http outsider = new Http(port);
        outsider.signIn("owner@second.test", IntegrationTest.DEMO_PASSWORD);
        assertThat(outsider.get(calendar).status()).isEqualTo(404);
        assertThat(outsider.get("/app/clinics/" + clinic.slug() + "/appointments/" + appointmentId(desk, tuesday))
                .status()).isEqualTo(404);
        assertThat(new Http(port).get(calendar).status()).as("sign in first").isEqualTo(302);
    }

    @Test
    void theAppointmentPageMovesThroughItsGuardedTransitions() {
        Http client = signedIn(Role.CLIENT);
        assertThat(bookAsClient(client, at(tuesday, 14, 0)).status()).isEqualTo(302);
        Http nurse = signedIn(Role.PRACTITIONER);
        String page = "/app/clinics/" + clinic.slug() + "/appointments/" + appointmentId(nurse, tuesday);

        Http.Response shown = nurse.get(page);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body()).contains("Chloe Client", "Garden room", "Ella Esthetician", "id=\"check-in\"",
                "id=\"cancel\"", "Move to another time").doesNotContain("id=\"no-show\"", "id=\"complete\"");

        Http.Response times = nurse.get(page + "?panel=reschedule&date=" + tuesday);
        assertThat(times.body()).contains("id=\"reschedule-submit\"", "value=\"" + at(tuesday, 15, 0) + "\"");
        Http.Response moved = nurse.postForm(page + "/reschedule", page, Map.of("start", at(tuesday, 15, 0).toString()));
        assertThat(moved.status()).as(moved.body()).isEqualTo(302);
        assertThat(nurse.get(page).body()).contains("Moved to", "15:00–");

        assertThat(nurse.postForm(page + "/check-in", page, Map.of()).status()).isEqualTo(302);
        Http.Response checkedIn = nurse.get(page);
        assertThat(checkedIn.body()).contains("Checked in.", "id=\"complete\"").doesNotContain("id=\"check-in\"");

        Http.Response refused = nurse.postForm(page + "/cancel", page, Map.of("reason", "changed her mind"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("This could not be done", "cannot be cancelled");

        visits.signedSession(clinic.clinic().clinic(), page.substring(page.lastIndexOf('/') + 1));
        assertThat(nurse.postForm(page + "/complete", page, Map.of()).status()).isEqualTo(302);
        assertThat(nurse.get(page).body()).contains("nothing more to do");
        assertThat(nurse.postFormRaw(page + "/check-in", Map.of()).status()).as("no CSRF token").isEqualTo(403);
        assertThat(nurse.postForm(page + "/explode", page, Map.of()).status()).isEqualTo(404);
        assertThat(nurse.get("/app/clinics/" + clinic.slug() + "/appointments/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(nurse.get("/app/clinics/" + clinic.slug() + "/appointments/not-an-id").status()).isEqualTo(404);
    }

    @Test
    void aPartialRefreshKeepsTheFormsOfThePageValid() {
        Http client = signedIn(Role.CLIENT);
        assertThat(bookAsClient(client, at(tuesday, 14, 0)).status()).isEqualTo(302);
        Http desk = signedIn(Role.FRONT_DESK);
        String page = "/app/clinics/" + clinic.slug() + "/appointments/" + appointmentId(desk, tuesday);
        String token = Http.csrfToken(desk.get(page).body());
        Http.Response times = desk.get(page + "?panel=reschedule&date=" + tuesday, Map.of("HX-Request", "true"));
        assertThat(times.status()).isEqualTo(200);
        assertThat(times.headers().allValues("Set-Cookie")).as("no new CSRF token").noneMatch(c -> c.startsWith("XSRF-TOKEN"));
        Http.Response cancelled = desk.postFormRaw(page + "/cancel", Map.of("_csrf", token, "reason", "called to cancel"));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(302);
        assertThat(desk.get(page).body()).contains("Cancelled.", "called to cancel");
    }

    @Autowired
    com.clearskin.clients.Clients clients;
    @Autowired
    com.clearskin.clients.ClientAssessments assessments;
    @Autowired
    com.clearskin.accounts.Accounts accounts;

    @Test
    void theBookingFormTellsTheFrontDeskOnlyThatThereIsAMedicalReason() {
        var c = clinic.clinic().clinic();
        var client = clients.create(c, new com.clearskin.clients.NewClient("Wash", "Out", null, null, null));
        java.time.LocalDate taken = java.time.LocalDate.now(c.timeZone()).minusDays(70);
        var intake = com.clearskin.support.TestIntakes.healthyAdult("normal");
        intake.put("isotretinoinLastTaken", taken.toString());
        assessments.record(c, client, intake, accounts.findByEmail(clinic.clinic().email(Role.OWNER)).orElseThrow());
        Map<String, String> fields = Map.of("client", client.id().toString(), "treatment", PEEL,
                "date", tuesday.toString(), "start", at(tuesday, 9, 15).toString(),
                "practitioner", clinic.practitioner().id().toString());
        String form = "/app/clinics/" + clinic.slug() + "/appointments/new";

        Http.Response desk = signedIn(Role.FRONT_DESK).postForm("/app/clinics/" + clinic.slug() + "/appointments",
                form, fields);
        assertThat(desk.status()).isEqualTo(422);
        assertThat(desk.body()).contains("a medical reason: a practitioner must review")
                .doesNotContain("took isotretinoin").doesNotContain(taken.toString())
                .doesNotContain(taken.plusMonths(6).toString());

        Http.Response owner = signedIn(Role.OWNER).postForm("/app/clinics/" + clinic.slug() + "/appointments",
                form, fields);
        assertThat(owner.status()).isEqualTo(422);
        assertThat(owner.body()).contains("took isotretinoin");
    }

    @Test
    void staffBookForAClientFromTheForm() {
        Http desk = signedIn(Role.FRONT_DESK);
        String form = "/app/clinics/" + clinic.slug() + "/appointments/new";
        Http.Response empty = desk.get(form);
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body()).contains("<label for=\"client\">", "Lopez, Maya", "Choose a client, a treatment");

        Http.Response times = desk.get(form + "?client=" + clinic.other().id() + "&treatment=" + PEEL + "&date=" + tuesday);
        assertThat(times.body()).contains("name=\"start\"", "value=\"" + at(tuesday, 9, 15) + "\"");

        Http.Response missing = desk.postForm("/app/clinics/" + clinic.slug() + "/appointments", form,
                Map.of("client", clinic.other().id().toString(), "treatment", PEEL, "date", tuesday.toString()));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("Please fix the fields", "start");

        Http.Response booked = desk.postForm("/app/clinics/" + clinic.slug() + "/appointments", form,
                Map.of("client", clinic.other().id().toString(), "treatment", PEEL, "date", tuesday.toString(),
                        "start", at(tuesday, 9, 15).toString(), "practitioner", clinic.practitioner().id().toString()));
        assertThat(booked.status()).as(booked.body()).isEqualTo(302);
        assertThat(desk.get(booked.header("Location").substring(booked.header("Location").indexOf("/app/"))).body())
                .contains("Maya Lopez", "09:15–");

        Http.Response taken = desk.postForm("/app/clinics/" + clinic.slug() + "/appointments", form,
                Map.of("client", clinic.own().id().toString(), "treatment", PEEL, "date", tuesday.toString(),
                        "start", at(tuesday, 9, 15).toString(), "practitioner", clinic.practitioner().id().toString()));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.body()).contains("that time was just taken");
        assertThat(signedIn(Role.CLIENT).get(form).status()).isEqualTo(403);
    }

    @Test
    void aClientCancelsWithinThePolicyFromTheirList() {
        Http client = signedIn(Role.CLIENT);
        assertThat(bookAsClient(client, at(tuesday, 16, 0)).status()).isEqualTo(302);
        String list = "/app/clinics/" + clinic.slug() + "/my-appointments";
        String body = client.get(list).body();
        int at = body.indexOf("data-appointment=\"");
        String id = body.substring(at + 18, at + 18 + 36);

        Http.Response cancelled = client.postForm(list + "/" + id + "/cancel", list, Map.of("reason", "travelling"));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(302);
        String after = client.get(list).body();
        assertThat(after).contains("Cancelled: ", "id=\"past\"", "status-cancelled").contains("Nothing booked.");

        Http other = signedIn(Role.OWNER);
        assertThat(other.postForm(list + "/" + id + "/cancel", "/app", Map.of()).status()).isEqualTo(403);
        assertThat(client.postForm(list + "/" + UUID.randomUUID() + "/cancel", list, Map.of()).status()).isEqualTo(404);
        assertThat(List.of(client.get(list).status())).containsExactly(200);
    }
}
