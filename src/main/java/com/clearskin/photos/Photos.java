package com.clearskin.photos;

import com.clearskin.accounts.Membership;
import com.clearskin.audit.AuditAction;
import com.clearskin.audit.AuditLog;
import com.clearskin.audit.AuditResource;
import com.clearskin.clinics.Clinic;
import com.clearskin.consent.Consents;
import com.clearskin.consent.PhotoPermission;
import com.clearskin.platform.ContentTooLargeException;
import com.clearskin.platform.DatabaseSettings;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.NotFoundException;
import com.clearskin.platform.RuleRefusedException;
import com.clearskin.photos.analysis.CalibrationSticker;
import com.clearskin.photos.analysis.PoreAnalysis;
import com.clearskin.photos.analysis.PoreAnalyzer;
import com.clearskin.photos.analysis.PoreOverlay;
import com.clearskin.photos.analysis.Region;
import com.clearskin.sessions.Sessions;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A client's photos and their pore analyses: stored encrypted, metadata removed, analyses
 * append-only. Who may call what is the web layer's check (health access to the client).
 */
@Service
public class Photos {

    public static final Set<String> VIEWS = Set.of("front", "left", "right", "back", "chest", "close-up");
    public static final Set<String> AREAS = Set.of("forehead", "nose", "left-cheek", "right-cheek", "chin", "back",
            "chest", "neck", "left-temple", "right-temple", "upper-lip", "shoulders");
    static final int OVERLAY_SIDE = 1600;

    /** A stored photo (no pixels). */
    public record Photo(UUID id, UUID clientId, String view, String area, Instant takenAt, UUID sessionId, int width,
            int height, Double pxPerMm) {
    }

    /** What the upload names: the bytes and the form fields as sent. */
    public record Upload(byte[] file, String view, String area, String takenAt, String sessionId, String pxPerMm) {
    }

    /** One stored analysis. */
    public record Analysis(UUID id, UUID photoId, boolean calibrated, int count, Double densityPerCm2,
            Double meanDiameterMm, Double medianDiameterMm, double areaPercent, Instant createdAt, String scale) {
    }

    /** One point of a progress series: a photo's latest analysis. */
    public record Point(Instant takenAt, UUID photoId, int count, Double densityPerCm2, Double meanDiameterMm,
            double areaPercent) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Sessions sessions;
    private final AuditLog audit;
    private final PhotoCipher cipher;
    private final PoreAnalyzer analyzer = new PoreAnalyzer();
    private final CalibrationSticker stickers = new CalibrationSticker();
    private final Consents consents;

    Photos(JdbcClient jdbc, Clock clock, DatabaseSettings settings, Sessions sessions, AuditLog audit, Consents consents) {
        this.jdbc = jdbc;
        this.consents = consents;
        this.audit = audit;
        this.sessions = sessions;
        this.clock = clock;
        this.cipher = new PhotoCipher(new PhotoKey(System.getenv("CLEARSKIN_DATA_KEY"), Path.of(settings.dataDir())).key());
    }

    /** Checks the fields, reads the image (upright, metadata gone), stores it and its thumbnail encrypted. */
    @Transactional
    public Photo upload(Membership who, UUID clientId, Upload in, UUID by) {
        Clinic clinic = who.clinic();
        List<InvalidInputException.Violation> bad = new ArrayList<>();
        String view = in.view() == null ? null : in.view().strip();
        if (view == null || !VIEWS.contains(view)) {
            bad.add(new InvalidInputException.Violation("view", "must be one of " + String.join(", ", sorted(VIEWS))));
        }
        String area = in.area() == null ? null : in.area().strip();
        if (area == null || !AREAS.contains(area)) {
            bad.add(new InvalidInputException.Violation("area", "must be one of " + String.join(", ", sorted(AREAS))));
        }
        Instant now = clock.instant();
        Instant takenAt = now;
        if (in.takenAt() != null && !in.takenAt().isBlank()) {
            try {
                takenAt = Instant.parse(in.takenAt().strip());
                if (takenAt.isAfter(now.plusSeconds(300))) {
                    bad.add(new InvalidInputException.Violation("takenAt", "is in the future"));
                }
            } catch (java.time.format.DateTimeParseException e) {
                bad.add(new InvalidInputException.Violation("takenAt", "must be an instant such as 2026-09-03T10:15:00Z"));
            }
        }
        UUID session = com.clearskin.platform.Ids.optional("sessionId", in.sessionId(), bad).orElse(null);
        if (session != null && !sessionOfClient(clinic, clientId, session)) {
            bad.add(new InvalidInputException.Violation("sessionId", "is not a session of this client"));
        }
        Double pxPerMm = positive("pxPerMm", in.pxPerMm(), bad);
        if (!bad.isEmpty()) {
            throw new InvalidInputException(bad);
        }
        requireRecordConsent(clinic, clientId);
        BufferedImage image = PhotoImages.read(in.file());
        UUID id = UUID.randomUUID();
        insert(clinic, id, clientId, view, area, takenAt, session, image, pxPerMm, now, by);
        audit.record(who, clientId, AuditAction.CREATE, AuditResource.PHOTO, "photo " + id);
        return new Photo(id, clientId, view, area, takenAt, session, image.getWidth(), image.getHeight(), pxPerMm);
    }

    /**
     * A photo the client sends themself, with a check-in after a visit: a close-up of {@code area}, taken
     * now, read and stored like a clinic's photo (upright, metadata gone, encrypted). {@code by} is the
     * client's account, or null when it came through an emailed link. Runs in the caller's transaction.
     */
    @Transactional
    public Photo fromClient(Clinic clinic, UUID clientId, byte[] file, String area, UUID by) {
        String where = area == null ? "" : area.strip();
        if (!AREAS.contains(where)) {
            throw new InvalidInputException("area", "say where the photo was taken: one of " + String.join(", ", sorted(AREAS)));
        }
        BufferedImage image;
        try {
            image = PhotoImages.read(file);
        } catch (PhotoTooLargeException e) {
            throw new ContentTooLargeException("photo", e.getMessage());
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.violations().stream()
                    .map(v -> new InvalidInputException.Violation("file".equals(v.field()) ? "photo" : v.field(), v.reason()))
                    .toList());
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        insert(clinic, id, clientId, "close-up", where, now, null, image, null, now, by);
        audit.record(clinic, clientId, AuditAction.CREATE, AuditResource.PHOTO, "photo " + id + " sent by the client");
        return new Photo(id, clientId, "close-up", where, now, null, image.getWidth(), image.getHeight(), null);
    }

    /** What the client's consents allow for photos now (see {@link PhotoPermission}). */
    public PhotoPermission permission(Clinic clinic, UUID clientId) {
        return consents.photoPermission(clinic, clientId);
    }

    /** A client who said no to photos on a consent that holds gets none taken by the clinic (422). */
    private void requireRecordConsent(Clinic clinic, UUID clientId) {
        if (!permission(clinic, clientId).allowsRecord()) {
            throw new RuleRefusedException("photo-consent-declined", "The client declined photos on their consent: "
                    + "ask them to sign again with the photo choice ticked before taking one.", null);
        }
    }

    /**
     * The photos the clinic may use in its marketing now: those of clients whose newest holding consent
     * says yes to marketing (withdrawn, expired or erased: none), newest first.
     */
    public List<Photo> forMarketing(Clinic clinic) {
        List<UUID> allowed = consents.marketingClients(clinic);
        if (allowed.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select id, client_id, view, area, taken_at, session_id, width, height, px_per_mm
                from client_photo where clinic_id = :c and client_id in (:clients) order by taken_at desc, id""")
                .param("c", clinic.id()).param("clients", allowed).query(Photos::photo).list();
    }

    private void insert(Clinic clinic, UUID id, UUID clientId, String view, String area, Instant takenAt, UUID session,
            BufferedImage image, Double pxPerMm, Instant now, UUID by) {
        byte[] stored = cipher.encrypt(id, "image", PhotoImages.jpeg(image, 0.92f));
        byte[] thumb = cipher.encrypt(id, "thumbnail",
                PhotoImages.jpeg(PhotoImages.scaled(image, PhotoImages.THUMBNAIL_SIDE), 0.85f));
        jdbc.sql("""
                insert into client_photo (clinic_id, id, client_id, view, area, taken_at, session_id, width, height,
                    px_per_mm, image, thumbnail, created_at, created_by)
                values (:c, :id, :client, :view, :area, :taken, :session, :w, :h, :px, :image, :thumb, :now, :by)
                """).param("c", clinic.id()).param("id", id).param("client", clientId).param("view", view)
                .param("area", area).param("taken", Timestamp.from(takenAt)).param("session", session)
                .param("w", image.getWidth()).param("h", image.getHeight()).param("px", pxPerMm)
                .param("image", stored).param("thumb", thumb).param("now", Timestamp.from(now)).param("by", by).update();
    }

    public Optional<Photo> find(Clinic clinic, UUID id) {
        if (id == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select id, client_id, view, area, taken_at, session_id, width, height, px_per_mm
                from client_photo where clinic_id = :c and id = :id""").param("c", clinic.id()).param("id", id)
                .query(Photos::photo).optional();
    }

    /** The client's photos, newest first. */
    public List<Photo> forClient(Clinic clinic, UUID clientId) {
        return jdbc.sql("""
                select id, client_id, view, area, taken_at, session_id, width, height, px_per_mm
                from client_photo where clinic_id = :c and client_id = :client order by taken_at desc, id""")
                .param("c", clinic.id()).param("client", clientId).query(Photos::photo).list();
    }

    /** The decrypted JPEG of the photo. */
    public byte[] image(Clinic clinic, UUID id) {
        return blob(clinic, id, "image");
    }

    public byte[] thumbnail(Clinic clinic, UUID id) {
        return blob(clinic, id, "thumbnail");
    }

    private byte[] blob(Clinic clinic, UUID id, String kind) {
        byte[] stored = ("image".equals(kind)
                ? jdbc.sql("select image from client_photo where clinic_id = :c and id = :id")
                : jdbc.sql("select thumbnail from client_photo where clinic_id = :c and id = :id"))
                .param("c", clinic.id()).param("id", id)
                .query(byte[].class).optional().orElseThrow(() -> new NotFoundException("No photo " + id + "."));
        return cipher.decrypt(id, kind, stored);
    }

    /** Measures the pores of the photo (or a region of it) and keeps the result with its overlay. */
    @Transactional
    public Analysis analyse(Membership who, Photo photo, Region region, Double pxPerMm, UUID by) {
        Clinic clinic = who.clinic();
        if (region != null && !region.fitsInside(photo.width(), photo.height())) {
            throw new InvalidInputException("region", "must lie inside the photo (" + photo.width() + " x "
                    + photo.height() + " pixels) with a positive width and height");
        }
        if (pxPerMm != null && !(pxPerMm > 0 && pxPerMm < 10_000)) {
            throw new InvalidInputException("pxPerMm", "must be a positive number of pixels per millimetre");
        }
        Double scale = pxPerMm != null ? pxPerMm : photo.pxPerMm();
        BufferedImage image = PhotoImages.decode(image(clinic, photo.id()));
        String source = scale != null ? "given" : null;
        if (scale == null) {
            Optional<CalibrationSticker.Found> sticker = stickers.find(image);
            if (sticker.isPresent()) {
                scale = sticker.get().pxPerMm();
                source = "sticker";
            }
        }
        PoreAnalysis a = analyzer.analyze(image, region, scale);
        UUID id = UUID.randomUUID();
        byte[] overlay = cipher.encrypt(id, "overlay", PhotoImages.png(PoreOverlay.render(image, a, OVERLAY_SIDE)));
        Region r = a.region();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into photo_analysis (clinic_id, id, photo_id, region_x, region_y, region_width, region_height,
                    px_per_mm, calibrated, count, density_per_cm2, mean_diameter_mm, median_diameter_mm, area_percent,
                    overlay, created_at, created_by, scale_source)
                values (:c, :id, :photo, :x, :y, :w, :h, :px, :cal, :n, :density, :mean, :median, :areaPercent,
                    :overlay, :now, :by, :source)""").param("c", clinic.id()).param("source", source).param("id", id).param("photo", photo.id())
                .param("x", r.x()).param("y", r.y()).param("w", r.width()).param("h", r.height()).param("px", scale)
                .param("cal", a.calibrated()).param("n", a.count()).param("density", a.densityPerCm2())
                .param("mean", a.meanDiameterMm()).param("median", a.medianDiameterMm())
                .param("areaPercent", a.areaPercent()).param("overlay", overlay).param("now", Timestamp.from(now))
                .param("by", by).update();
        audit.record(who, photo.clientId(), AuditAction.CREATE, AuditResource.PHOTO, "pore analysis of photo " + photo.id());
        return new Analysis(id, photo.id(), a.calibrated(), a.count(), a.densityPerCm2(), a.meanDiameterMm(),
                a.medianDiameterMm(), a.areaPercent(), now, source);
    }

    /** The analysis of one of this clinic's photos, with the photo's client (for the access check). */
    public Optional<UUID> clientOfAnalysis(Clinic clinic, UUID photoId, UUID analysisId) {
        if (photoId == null || analysisId == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select p.client_id from photo_analysis a join client_photo p on p.clinic_id = a.clinic_id and p.id = a.photo_id
                where a.clinic_id = :c and a.id = :a and a.photo_id = :p""").param("c", clinic.id()).param("a", analysisId)
                .param("p", photoId).query(UUID.class).optional();
    }

    /** The overlay PNG of an analysis. */
    public byte[] overlay(Clinic clinic, UUID analysisId) {
        byte[] stored = jdbc.sql("select overlay from photo_analysis where clinic_id = :c and id = :id")
                .param("c", clinic.id()).param("id", analysisId).query(byte[].class).optional()
                .orElseThrow(() -> new NotFoundException("No analysis " + analysisId + "."));
        return cipher.decrypt(analysisId, "overlay", stored);
    }

    /** Each photo of the area with its latest analysis, oldest first. */
    public List<Point> progress(Clinic clinic, UUID clientId, String area) {
        return jdbc.sql("""
                select distinct on (p.taken_at, p.id) p.taken_at, p.id, a.count, a.density_per_cm2, a.mean_diameter_mm,
                    a.area_percent
                from client_photo p join photo_analysis a on a.clinic_id = p.clinic_id and a.photo_id = p.id
                where p.clinic_id = :c and p.client_id = :client and (:area::text is null or p.area = :area)
                order by p.taken_at, p.id, a.created_at desc, a.id""").param("c", clinic.id()).param("client", clientId)
                .param("area", area)
                .query((rs, n) -> new Point(rs.getTimestamp(1).toInstant(), rs.getObject(2, UUID.class), rs.getInt(3),
                        (Double) rs.getObject(4), (Double) rs.getObject(5), rs.getDouble(6))).list();
    }

    /** The client's signed sessions after the first measurement and up to the last (the treatments between them). */
    public int sessionsBetween(Clinic clinic, UUID clientId, List<Point> series) {
        if (series.size() < 2) {
            return 0;
        }
        Instant from = series.get(0).takenAt();
        Instant to = series.get(series.size() - 1).takenAt();
        return (int) sessions.forClient(clinic, clientId).stream()
                .filter(s -> s.signed() && s.startedAt().isAfter(from) && !s.startedAt().isAfter(to)).count();
    }

    private boolean sessionOfClient(Clinic clinic, UUID clientId, UUID session) {
        return sessions.find(clinic, session).filter(s -> clientId.equals(s.clientId())).isPresent();
    }

    private static Double positive(String field, String text, List<InvalidInputException.Violation> bad) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            double v = Double.parseDouble(text.strip());
            if (v > 0 && v < 10_000) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        bad.add(new InvalidInputException.Violation(field, "must be a positive number of pixels per millimetre"));
        return null;
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    private static Photo photo(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Photo(rs.getObject("id", UUID.class), rs.getObject("client_id", UUID.class), rs.getString("view"),
                rs.getString("area"), rs.getTimestamp("taken_at").toInstant(), rs.getObject("session_id", UUID.class),
                rs.getInt("width"), rs.getInt("height"), (Double) rs.getObject("px_per_mm"));
    }
}
