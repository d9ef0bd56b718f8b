package com.clearskin.photos;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.accounts.Role;
import com.clearskin.booking.ScheduleFixtures;
import com.clearskin.photos.analysis.SyntheticSkin;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics;
import com.clearskin.support.TestClinics.TestClinic;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Upload (metadata gone, encrypted at rest), bad files, pore analysis, progress, roles and audit. */
@IntegrationTest
class PhotoApiIT {

    static final double PX_PER_MM = 40;
    static final String SERIAL = "CAMERA-SERIAL-0042";

    @LocalServerPort
    int port;
    @Autowired
    ScheduleFixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    TestClinic clinic;
    String base;
    UUID client;

    record Reply(int status, byte[] body, String contentType) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            return Http.JSON.readTree(text());
        }
    }

    @BeforeEach
    void openClinic() {
        clinic = fixtures.open("Europe/Paris");
        client = fixtures.client(clinic.clinic(), "Pia", "Photo");
        base = "/api/v1/clinics/" + clinic.slug() + "/clients/" + client;
    }

    @Test
    void anUploadIsUprightWithoutMetadataAndStoredEncrypted() throws Exception {
        String owner = token(clinic, Role.OWNER);
        byte[] jpeg = withExif(skinJpeg(1), 6);
        Reply up = upload(owner, base, jpeg, fields("front", "left-cheek", "2026-09-03T10:00:00Z"));
        assertThat(up.status()).as(up.text()).isEqualTo(201);
        JsonNode p = up.json();
        // orientation 6: the 960 x 720 picture is turned a quarter, so it is 720 wide
        assertThat(p.get("width").asInt()).isEqualTo(720);
        assertThat(p.get("height").asInt()).isEqualTo(960);
        assertThat(p.get("view").asString()).isEqualTo("front");
        assertThat(p.get("area").asString()).isEqualTo("left-cheek");
        assertThat(p.get("takenAt").asString()).isEqualTo("2026-09-03T10:00:00Z");
        String id = p.get("id").asString();

        Reply back = get(owner, base + "/photos/" + id);
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.contentType()).startsWith("image/jpeg");
        assertThat(indexOf(back.body(), "Exif".getBytes(StandardCharsets.US_ASCII))).isEqualTo(-1);
        assertThat(indexOf(back.body(), SERIAL.getBytes(StandardCharsets.US_ASCII))).isEqualTo(-1);
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(back.body()));
        assertThat(read.getWidth()).isEqualTo(720);

        byte[] stored = jdbc.sql("select image from client_photo where clinic_id = :c and id = :id")
                .param("c", clinic.clinic().id()).param("id", UUID.fromString(id)).query(byte[].class).single();
        assertThat(stored).isNotEqualTo(back.body());
        assertThat(indexOf(stored, Arrays.copyOf(back.body(), 64))).isEqualTo(-1);
        assertThat(ImageIO.read(new ByteArrayInputStream(stored))).isNull();

        Reply thumb = get(owner, base + "/photos/" + id + "/thumbnail");
        assertThat(thumb.status()).isEqualTo(200);
        BufferedImage t = ImageIO.read(new ByteArrayInputStream(thumb.body()));
        assertThat(Math.max(t.getWidth(), t.getHeight())).isEqualTo(320);

        Reply list = get(owner, base + "/photos");
        assertThat(list.json().get("photos")).hasSize(1);
        long audited = jdbc.sql("""
                select count(*) from audit_event where clinic_id = :c and client_id = :client and resource = 'photo'
                    and action = 'read'""").param("c", clinic.clinic().id()).param("client", client).query(Long.class)
                .single();
        assertThat(audited).isEqualTo(3);
    }

    @Test
    void aWebpPhotoFromAPhoneIsReadAndStoredAsAPlainJpeg() throws Exception {
        String owner = token(clinic, Role.OWNER);
        byte[] webp;
        try (var in = getClass().getResourceAsStream("/photos/sample-200x150.webp")) {
            webp = in.readAllBytes();
        }
        Reply up = upload(owner, base, webp, fields("front", "nose", null));
        assertThat(up.status()).as(up.text()).isEqualTo(201);
        assertThat(up.json().get("width").asInt()).isEqualTo(200);
        assertThat(up.json().get("height").asInt()).isEqualTo(150);
        Reply back = get(owner, base + "/photos/" + up.json().get("id").asString());
        assertThat(back.contentType()).startsWith("image/jpeg");
        assertThat(ImageIO.read(new ByteArrayInputStream(back.body())).getWidth()).isEqualTo(200);
    }

    @Test
    void badFilesAreRefusedNamingTheProblem() throws Exception {
        String owner = token(clinic, Role.OWNER);
        Reply bomb = upload(owner, base, pngClaiming(100_000, 100_000), fields("front", "nose", null));
        assertThat(bomb.status()).as(bomb.text()).isEqualTo(413);
        assertThat(bomb.json().get("errors").get(0).get("field").asString()).isEqualTo("file");

        byte[] jpeg = skinJpeg(2);
        assertField(upload(owner, base, Arrays.copyOf(jpeg, jpeg.length / 2), fields("front", "nose", null)), "file");
        assertField(upload(owner, base, "just some text, not a photo".getBytes(StandardCharsets.UTF_8),
                fields("front", "nose", null)), "file");
        ByteArrayOutputStream gif = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB), "gif", gif);
        assertField(upload(owner, base, gif.toByteArray(), fields("front", "nose", null)), "file");
        byte[] truncatedWebp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII);
        assertField(upload(owner, base, truncatedWebp, fields("front", "nose", null)), "file");
        assertField(upload(owner, base, jpeg, fields("sideways", "nose", null)), "view");
        assertField(upload(owner, base, jpeg, fields("front", "elbow", null)), "area");
        assertField(upload(owner, base, jpeg, fields("front", "nose", "2999-01-01T00:00:00Z")), "takenAt");
        assertThat(jdbc.sql("select count(*) from client_photo where clinic_id = :c").param("c", clinic.clinic().id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aCalibrationStickerInThePhotoGivesTheScale() throws Exception {
        String owner = token(clinic, Role.OWNER);
        double pxPerMm = 20;
        BufferedImage skin = new SyntheticSkin(11, 60, 45, 0.6).render(pxPerMm, SyntheticSkin.Conditions.standard());
        java.awt.Graphics2D g = skin.createGraphics();
        int card = (int) Math.round(16 * pxPerMm);
        int square = (int) Math.round(10 * pxPerMm);
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(40, 40, card, card);
        g.setColor(java.awt.Color.BLACK);
        g.fillRect(40 + (card - square) / 2, 40 + (card - square) / 2, square, square);
        g.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(skin, "jpg", jpeg);
        Reply up = upload(owner, base, jpeg.toByteArray(), fields("close-up", "left-cheek", null));
        assertThat(up.status()).as(up.text()).isEqualTo(201);
        String photo = up.json().get("id").asString();

        Reply bySticker = postJson(owner, base + "/photos/" + photo + "/analyses", "{}");
        assertThat(bySticker.status()).as(bySticker.text()).isEqualTo(201);
        assertThat(bySticker.json().get("calibrated").asBoolean()).isTrue();
        assertThat(bySticker.json().get("scale").asString()).isEqualTo("sticker");
        Reply given = postJson(owner, base + "/photos/" + photo + "/analyses", "{\"pxPerMm\": 20}");
        assertThat(given.json().get("scale").asString()).isEqualTo("given");
        double found = bySticker.json().get("pores").get("densityPerCm2").asDouble();
        double truth = given.json().get("pores").get("densityPerCm2").asDouble();
        assertThat(found).as("density from the sticker's scale vs the true scale").isCloseTo(truth,
                org.assertj.core.data.Percentage.withPercentage(5));

        Reply plain = upload(owner, base, skinJpeg(12), fields("close-up", "nose", null));
        Reply none = postJson(owner, base + "/photos/" + plain.json().get("id").asString() + "/analyses", "{}");
        assertThat(none.json().get("calibrated").asBoolean()).as("no sticker, no scale").isFalse();
        assertThat(none.json().get("scale").isNull()).isTrue();
    }

    @Test
    void analysesMeasurePoresAndTheProgressComparesThem() throws Exception {
        String owner = token(clinic, Role.OWNER);
        String first = upload(owner, base, skinJpeg(3), fields("close-up", "nose", "2026-09-03T10:00:00Z")).json()
                .get("id").asString();
        String second = upload(owner, base, skinJpeg(4), fields("close-up", "nose", "2026-10-01T10:00:00Z")).json()
                .get("id").asString();

        Reply a = postJson(owner, base + "/photos/" + first + "/analyses", "{\"pxPerMm\": 40}");
        assertThat(a.status()).as(a.text()).isEqualTo(201);
        JsonNode r = a.json();
        assertThat(r.get("calibrated").asBoolean()).isTrue();
        assertThat(r.get("pores").get("count").asInt()).isGreaterThan(20);
        assertThat(r.get("pores").get("densityPerCm2").asDouble()).isGreaterThan(0);
        assertThat(r.get("pores").get("meanDiameterMm").asDouble()).isBetween(0.05, 1.0);
        assertThat(r.get("pores").get("medianDiameterMm").asDouble()).isBetween(0.05, 1.0);
        assertThat(r.get("pores").get("areaPercent").asDouble()).isGreaterThan(0);
        Reply overlay = get(owner, r.get("overlay").asString());
        assertThat(overlay.status()).isEqualTo(200);
        assertThat(ImageIO.read(new ByteArrayInputStream(overlay.body()))).isNotNull();

        Reply uncalibrated = postJson(owner, base + "/photos/" + second + "/analyses",
                "{\"region\": {\"x\": 0, \"y\": 0, \"width\": 400, \"height\": 300}}");
        assertThat(uncalibrated.status()).as(uncalibrated.text()).isEqualTo(201);
        assertThat(uncalibrated.json().get("calibrated").asBoolean()).isFalse();
        assertThat(uncalibrated.json().get("pores").get("densityPerCm2").isNull()).isTrue();
        assertField(postJson(owner, base + "/photos/" + second + "/analyses",
                "{\"region\": {\"x\": 900, \"y\": 0, \"width\": 400, \"height\": 300}}"), "region");
        assertThat(postJson(owner, base + "/photos/" + second + "/analyses", "{\"pxPerMm\": 40}").status()).isEqualTo(201);

        Reply progress = get(owner, base + "/progress?area=nose");
        assertThat(progress.status()).as(progress.text()).isEqualTo(200);
        JsonNode series = progress.json().get("series");
        assertThat(series).hasSize(2);
        assertThat(series.get(0).get("photoId").asString()).isEqualTo(first);
        assertThat(series.get(0).get("takenAt").asString()).isEqualTo("2026-09-03T10:00:00Z");
        assertThat(series.get(1).get("densityPerCm2").asDouble()).isGreaterThan(0);
        double d0 = series.get(0).get("densityPerCm2").asDouble();
        double d1 = series.get(1).get("densityPerCm2").asDouble();
        assertThat(progress.json().get("change").get("densityPercent").asDouble())
                .isCloseTo(Math.round((d1 - d0) / d0 * 1000) / 10.0, org.assertj.core.data.Offset.offset(0.05));
        Reply svg = get(owner, base + "/progress.svg?area=nose");
        assertThat(svg.status()).isEqualTo(200);
        assertThat(svg.text()).startsWith("<svg").contains("3 Sep").contains("1 Oct");
        assertField(get(owner, base + "/progress?area=elbow"), "area");
    }

    @Test
    void onlyHealthAccessSeesPhotosAndOtherClinicsSeeNothing() throws Exception {
        String owner = token(clinic, Role.OWNER);
        String id = upload(owner, base, skinJpeg(5), fields("front", "chin", null)).json().get("id").asString();
        String desk = token(clinic, Role.FRONT_DESK);
        assertThat(get(desk, base + "/photos").status()).isEqualTo(403);
        assertThat(get(desk, base + "/photos/" + id).status()).isEqualTo(403);
        assertThat(upload(desk, base, skinJpeg(5), fields("front", "chin", null)).status()).isEqualTo(403);
        assertThat(postJson(desk, base + "/photos/" + id + "/analyses", "{}").status()).isEqualTo(403);

        TestClinic other = fixtures.open("Europe/Paris");
        String stranger = token(other, Role.OWNER);
        String elsewhere = "/api/v1/clinics/" + other.slug() + "/clients/" + client;
        assertThat(get(stranger, elsewhere + "/photos/" + id).status()).isEqualTo(404);
        assertThat(get(stranger, base + "/photos/" + id).status()).isEqualTo(404);
        assertThat(get(owner, base + "/photos/" + UUID.randomUUID()).status()).isEqualTo(404);
        long refusedReads = jdbc.sql("select count(*) from audit_event where clinic_id = :c and resource = 'photo' "
                + "and action = 'create'").param("c", clinic.clinic().id()).query(Long.class).single();
        assertThat(refusedReads).isEqualTo(1);
    }

    @Test
    void theClientPageLinksToAPhotosPageWithTheCaptureFormThumbnailsAndChart() throws Exception {
        String owner = token(clinic, Role.OWNER);
        String id = upload(owner, base, skinJpeg(6), fields("front", "forehead", null)).json().get("id").asString();
        Http browser = new Http(port);
        assertThat(browser.signIn(clinic.email(Role.OWNER), TestClinics.PASSWORD).status()).isEqualTo(302);
        String page = "/app/clinics/" + clinic.slug() + "/clients/" + client;
        assertThat(browser.get(page).body()).contains(page + "/photos");
        Http.Response photos = browser.get(page + "/photos");
        assertThat(photos.status()).isEqualTo(200);
        assertThat(photos.body()).contains("capture=\"environment\"").contains("accept=\"image/*\"")
                .contains("<label for=\"photo-file\">").contains(page + "/photos/" + id + "/thumbnail")
                .contains(page + "/progress.svg?area=forehead").contains("Measure pores");
        Http.Response thumb = browser.get(page + "/photos/" + id + "/thumbnail");
        assertThat(thumb.status()).isEqualTo(200);
        Http.Response measured = browser.postForm(page + "/photos/" + id + "/analyse", page + "/photos", Map.of());
        assertThat(measured.status()).as(measured.body()).isEqualTo(302);
        assertThat(browser.get(page + "/progress.svg?area=forehead").body()).startsWith("<svg").contains("<circle");
    }

    static void assertField(Reply r, String field) {
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).as(r.text()).isEqualTo(field);
    }

    static Map<String, String> fields(String view, String area, String takenAt) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("view", view);
        f.put("area", area);
        if (takenAt != null) {
            f.put("takenAt", takenAt);
        }
        return f;
    }

    static byte[] skinJpeg(long seed) throws IOException {
        BufferedImage img = new SyntheticSkin(seed, 24, 18, 0.6).render(PX_PER_MM, SyntheticSkin.Conditions.standard());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }

    /** The JPEG with an EXIF APP1 segment right after SOI: orientation, and a camera serial in ImageDescription. */
    static byte[] withExif(byte[] jpeg, int orientation) {
        byte[] serial = (SERIAL + "\0").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 2 * 12 + 4 + serial.length);
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x010e).putShort((short) 2).putInt(serial.length).putInt(8 + 2 + 2 * 12 + 4);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0);
        tiff.put(serial);
        byte[] t = tiff.array();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xff);
        out.write(0xd8);
        out.write(0xff);
        out.write(0xe1);
        int length = 2 + 6 + t.length;
        out.write(length >> 8);
        out.write(length & 0xff);
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(t);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A tiny PNG whose header claims {@code w} x {@code h} pixels (a decompression bomb's calling card). */
    static byte[] pngClaiming(int w, int h) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        byte[] ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(w).putInt(h)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0).array();
        out.writeBytes(ByteBuffer.allocate(4).putInt(13).array());
        out.writeBytes(ihdr);
        CRC32 crc = new CRC32();
        crc.update(ihdr);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        return out.toByteArray();
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    String token(TestClinic c, Role role) {
        Http.Response t = new Http(port).postJson("/api/v1/auth/tokens", Map.of("email", c.email(role), "password",
                TestClinics.PASSWORD));
        assertThat(t.status()).as(t.body()).isEqualTo(201);
        return t.json().get("token").asString();
    }

    Reply upload(String token, String clientBase, byte[] file, Map<String, String> fields) throws Exception {
        String boundary = "----photo" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                    + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"skin.jpg\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + clientBase + "/photos"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    Reply get(String token, String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).GET());
    }

    Reply postJson(String token, String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    static Reply send(HttpRequest.Builder b) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
    }
}
