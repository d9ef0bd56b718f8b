package com.clearskin.photos;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.accounts.Role;
import com.clearskin.booking.ScheduleFixtures;
import com.clearskin.sessions.SessionFixtures;
import com.clearskin.sessions.TreatmentSession;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics;
import com.clearskin.support.TestClinics.TestClinic;
import com.clearskin.support.TestVisits;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The session's record PDF carries the client's pore progress: the sentence and the chart, up to its signing. */
@IntegrationTest
class ProgressInRecordIT {

    @LocalServerPort
    int port;
    @Autowired
    ScheduleFixtures fixtures;
    @Autowired
    SessionFixtures sessionFixtures;
    @Autowired
    TestVisits visits;

    @Test
    void theRecordPdfShowsTheMeasuredProgressOfTheClient() throws Exception {
        TestClinic clinic = fixtures.open("Europe/Paris");
        String base = "/api/v1/clinics/" + clinic.slug();
        UUID client = fixtures.client(clinic.clinic(), "Rhea", "Record");
        UUID practitioner = sessionFixtures.practitioner(clinic, Role.PRACTITIONER, "esthetician");
        UUID appointment = sessionFixtures.appointment(clinic, client, "extraction-facial", practitioner,
                sessionFixtures.room(clinic));
        Http owner = new Http(port).signInForApi(clinic.email(Role.OWNER), TestClinics.PASSWORD);
        assertThat(owner.postJson(base + "/appointments/" + appointment + "/check-in", "").status()).isEqualTo(200);

        String photos = base + "/clients/" + client + "/photos";
        for (String[] shot : new String[][] {{"2026-09-03T10:00:00Z", "4"}, {"2026-10-08T10:00:00Z", "5"}}) {
            Http.Response up = owner.postMultipart(photos, Map.of("view", "close-up", "area", "nose", "takenAt", shot[0],
                    "pxPerMm", "40"), "file", PhotoApiIT.skinJpeg(Long.parseLong(shot[1])));
            assertThat(up.status()).as(up.body()).isEqualTo(201);
            Http.Response measured = owner.postJson(photos + "/" + up.json().get("id").asString() + "/analyses", Map.of());
            assertThat(measured.status()).as(measured.body()).isEqualTo(201);
        }
        TreatmentSession session = visits.signedSession(clinic.clinic(), appointment.toString());

        String token = owner.postJson("/api/v1/auth/tokens", Map.of("email", clinic.email(Role.OWNER),
                "password", TestClinics.PASSWORD)).json().get("token").asString();
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + base + "/sessions/" + session.id() + ".pdf"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Progress").contains("Nose").containsPattern("Pore density (down \\d+ %|up \\d+ %|about the same) since 3 Sep");
            int images = 0;
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject image && image.getWidth() >= 640) {
                        images++;
                    }
                }
            }
            assertThat(images).as("the chart, drawn as an image").isEqualTo(1);
        }
    }
}
