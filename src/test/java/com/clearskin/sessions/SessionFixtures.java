package com.clearskin.sessions;

import com.clearskin.accounts.Accounts;
import com.clearskin.accounts.Role;
import com.clearskin.support.TestClinics.TestClinic;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What a session test needs: a practitioner linked to a user, a room, a checked-in appointment written directly. */
@Component
public class SessionFixtures {

    private final JdbcClient jdbc;
    private final Accounts accounts;

    SessionFixtures(JdbcClient jdbc, Accounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    /** A practitioner record linked to the account of {@code role} in the clinic (made when missing). */
    public UUID practitioner(TestClinic clinic, Role role, String qualification) {
        UUID user = accounts.findByEmail(clinic.email(role)).orElseThrow();
        return jdbc.sql("select id from practitioner where clinic_id = :c and user_id = :u")
                .param("c", clinic.clinic().id()).param("u", user).query(UUID.class).optional().orElseGet(() -> {
                    UUID id = UUID.randomUUID();
                    jdbc.sql("""
                            insert into practitioner (clinic_id, id, user_id, display_name, qualification, created_at)
                            values (:c, :id, :u, :name, :q, now())""")
                            .param("c", clinic.clinic().id()).param("id", id).param("u", user)
                            .param("name", "Dr " + role.label()).param("q", qualification).update();
                    return id;
                });
    }

    public UUID room(TestClinic clinic) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into room (clinic_id, id, name, capabilities, active, created_at) "
                        + "values (:c, :id, 'Room', cast('{facial-bed}' as text[]), true, now())")
                .param("c", clinic.clinic().id()).param("id", id).update();
        return id;
    }

    /** A booked appointment starting a few minutes from now (staff check it in through the API). */
    public UUID appointment(TestClinic clinic, UUID client, String treatment, UUID practitioner, UUID room) {
        UUID id = UUID.randomUUID();
        Instant start = Instant.now().plus(Duration.ofMinutes(5 + (long) (Math.random() * 100000)));
        Instant end = start.plus(Duration.ofMinutes(60));
        jdbc.sql("""
                insert into appointment (clinic_id, id, client_id, treatment_code, practitioner_id, room_id, starts_at,
                                         ends_at, blocked, status, created_at, updated_at)
                values (:clinic, :id, :client, :treatment, :practitioner, :room, :start, :end,
                        tstzrange(cast(:start as timestamptz), cast(:end as timestamptz)), 'booked', now(), now())""")
                .param("clinic", clinic.clinic().id()).param("id", id).param("client", client)
                .param("treatment", treatment).param("practitioner", practitioner).param("room", room)
                .param("start", Timestamp.from(start)).param("end", Timestamp.from(end)).update();
        return id;
    }

    /** A small drawn signature, as a canvas gives it. */
    public static String png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int x = 0; x < width; x++) {
            image.setRGB(x, height / 2, 0xff000000);
            for (int y = 0; y < height; y += 7) {
                image.setRGB(x, y, (int) (Math.random() * Integer.MAX_VALUE) | 0xff000000);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
