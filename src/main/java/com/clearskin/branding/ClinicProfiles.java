package com.clearskin.branding;

import com.clearskin.clinics.Clinic;
import com.clearskin.platform.ConflictException;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clinic's profile: read by every client-facing page and mail of the clinic, set by its owners
 * and admins. Pictures (a logo, photos of the premises) are PNG, JPEG or WebP of at most 2 MB,
 * recognised by their first bytes, not by what the sender claims.
 */
@Service
public class ClinicProfiles {

    public static final int MAX_PICTURE_BYTES = 2 * 1024 * 1024;
    public static final int MAX_PHOTOS = 8;
    static final int MAX_ALT = 200;

    private final JdbcClient jdbc;
    private final Clock clock;

    ClinicProfiles(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The clinic's profile; without one set, its name and the defaults (revision 0). */
    public ClinicProfile of(Clinic clinic) {
        record Row(String kind, ClinicProfile.Picture picture) {
        }
        List<Row> pictures = jdbc.sql("""
                select id, kind, alt_text, content_type from clinic_picture where clinic_id = :clinic
                order by kind, position, created_at, id""")
                .param("clinic", clinic.id())
                .query((rs, n) -> new Row(rs.getString("kind"), new ClinicProfile.Picture(
                        rs.getObject("id", UUID.class), rs.getString("alt_text"), rs.getString("content_type"))))
                .list();
        ClinicProfile.Picture logo = pictures.stream().filter(r -> r.kind().equals("logo")).map(Row::picture)
                .findFirst().orElse(null);
        List<ClinicProfile.Picture> photos = pictures.stream().filter(r -> r.kind().equals("photo"))
                .map(Row::picture).toList();
        return jdbc.sql("select * from clinic_profile where clinic_id = :clinic").param("clinic", clinic.id())
                .query((rs, n) -> new ClinicProfile(rs.getString("display_name"), rs.getString("description"),
                        rs.getString("address"), rs.getString("phone"), rs.getString("opening_hours_text"),
                        new ClinicProfile.Colors(rs.getString("brand_color"), rs.getString("on_brand_color")),
                        rs.getString("cancellation_policy"), logo, photos, rs.getInt("revision"),
                        rs.getTimestamp("updated_at").toInstant()))
                .optional()
                .orElseGet(() -> new ClinicProfile(clinic.name(), null, null, null, null,
                        new ClinicProfile.Colors(ClinicProfile.DEFAULT_BRAND, ClinicProfile.DEFAULT_ON_BRAND), null,
                        logo, photos, 0, null));
    }

    /**
     * Sets the profile (every field; an empty one returns to its default). With
     * {@code expectedRevision}, a profile changed meanwhile is refused (409). 400 names each wrong
     * field, colours that fail WCAG AA contrast included.
     */
    @Transactional
    public ClinicProfile update(Clinic clinic, ProfileInput input, UUID by, Integer expectedRevision) {
        if (input == null) {
            throw new InvalidInputException("body", "is required");
        }
        ProfileInput.Checked c = input.check();
        int current = jdbc.sql("select revision from clinic_profile where clinic_id = :clinic for update")
                .param("clinic", clinic.id()).query(Integer.class).optional().orElse(0);
        if (expectedRevision != null && expectedRevision != current) {
            throw new ConflictException("The profile was changed meanwhile (revision " + current + ", not "
                    + expectedRevision + "). Reload it and make your change again.");
        }
        jdbc.sql("""
                insert into clinic_profile (clinic_id, display_name, description, address, phone, opening_hours_text,
                                            brand_color, on_brand_color, cancellation_policy, revision, updated_at,
                                            updated_by)
                values (:clinic, :name, :description, :address, :phone, :hours, :brand, :onBrand, :policy, 1, :now, :by)
                on conflict (clinic_id) do update set display_name = excluded.display_name,
                    description = excluded.description, address = excluded.address, phone = excluded.phone,
                    opening_hours_text = excluded.opening_hours_text, brand_color = excluded.brand_color,
                    on_brand_color = excluded.on_brand_color, cancellation_policy = excluded.cancellation_policy,
                    revision = clinic_profile.revision + 1, updated_at = excluded.updated_at,
                    updated_by = excluded.updated_by""")
                .param("clinic", clinic.id()).param("name", c.displayName()).param("description", c.description())
                .param("address", c.address()).param("phone", c.phone()).param("hours", c.openingHours())
                .param("brand", c.brand()).param("onBrand", c.onBrand()).param("policy", c.cancellationPolicy())
                .param("now", Timestamp.from(now())).param("by", by)
                .update();
        return of(clinic);
    }

    /** Sets the logo (replacing an earlier one). 400 for anything but PNG, JPEG or WebP up to 2 MB. */
    @Transactional
    public ClinicProfile.Picture setLogo(Clinic clinic, byte[] bytes, String alt) {
        String type = PictureType.detect(bytes, "logo");
        jdbc.sql("delete from clinic_picture where clinic_id = :clinic and kind = 'logo'").param("clinic", clinic.id())
                .update();
        return insert(clinic, "logo", type, bytes, altText(alt, "Logo"), 0);
    }

    /** Adds a photo of the premises, with the words that describe it (required), after the others (at most 8). */
    @Transactional
    public ClinicProfile.Picture addPhoto(Clinic clinic, byte[] bytes, String alt) {
        String type = PictureType.detect(bytes, "photo");
        if (alt == null || alt.isBlank()) {
            throw new InvalidInputException("alt", "is required: say in a few words what the photo shows");
        }
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "clinic-photos:" + clinic.id()).query().singleRow();
        int count = jdbc.sql("select count(*) from clinic_picture where clinic_id = :clinic and kind = 'photo'")
                .param("clinic", clinic.id()).query(Integer.class).single();
        if (count >= MAX_PHOTOS) {
            throw new InvalidInputException("photo", "at most " + MAX_PHOTOS + " photos; remove one first");
        }
        return insert(clinic, "photo", type, bytes, altText(alt, null), count + 1);
    }

    /** Removes the logo or a photo; 404 when the clinic has no such picture. */
    @Transactional
    public void removePicture(Clinic clinic, UUID id) {
        int removed = jdbc.sql("delete from clinic_picture where clinic_id = :clinic and id = :id")
                .param("clinic", clinic.id()).param("id", id).update();
        if (removed == 0) {
            throw new NotFoundException("No picture '" + id + "' at " + clinic.name() + ".");
        }
    }

    /** A picture's bytes and type. */
    public record PictureData(String contentType, byte[] bytes) {
    }

    public Optional<PictureData> picture(Clinic clinic, UUID id) {
        return jdbc.sql("select content_type, bytes from clinic_picture where clinic_id = :clinic and id = :id")
                .param("clinic", clinic.id()).param("id", id)
                .query((rs, n) -> new PictureData(rs.getString(1), rs.getBytes(2))).optional();
    }

    public Optional<PictureData> logo(Clinic clinic) {
        return jdbc.sql("select content_type, bytes from clinic_picture where clinic_id = :clinic and kind = 'logo'")
                .param("clinic", clinic.id())
                .query((rs, n) -> new PictureData(rs.getString(1), rs.getBytes(2))).optional();
    }

    private ClinicProfile.Picture insert(Clinic clinic, String kind, String type, byte[] bytes, String alt, int position) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into clinic_picture (clinic_id, id, kind, content_type, bytes, alt_text, position, created_at)
                values (:clinic, :id, :kind, :type, :bytes, :alt, :position, :now)""")
                .param("clinic", clinic.id()).param("id", id).param("kind", kind).param("type", type)
                .param("bytes", bytes).param("alt", alt).param("position", position)
                .param("now", Timestamp.from(now())).update();
        return new ClinicProfile.Picture(id, alt, type);
    }

    private static String altText(String alt, String fallback) {
        String t = alt == null || alt.isBlank() ? fallback : alt.strip();
        if (t != null && t.length() > MAX_ALT) {
            throw new InvalidInputException("alt", "must be at most " + MAX_ALT + " characters");
        }
        return t;
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
