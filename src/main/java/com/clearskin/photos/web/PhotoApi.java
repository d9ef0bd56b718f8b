package com.clearskin.photos.web;

import com.clearskin.accounts.Capability;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Membership;
import com.clearskin.audit.AuditAction;
import com.clearskin.audit.AuditLog;
import com.clearskin.audit.AuditResource;
import com.clearskin.clients.ClientAccess;
import com.clearskin.consent.PhotoPermission;
import com.clearskin.platform.Ids;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.NotFoundException;
import com.clearskin.photos.Photos;
import com.clearskin.photos.Photos.Photo;
import com.clearskin.photos.ProgressChart;
import com.clearskin.photos.StickerSheet;
import com.clearskin.photos.analysis.Region;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A client's photos, their pore analyses and the progress per area. Staff with health access to the
 * client (owners, admins, the treating practitioner) upload and analyse; they and the client
 * themself see them; the front desk gets 403, other clinics 404. Every view is audited.
 */
@RestController
@Tag(name = "Photos", description = "Before/after photos (encrypted, metadata removed), pore measurement, progress")
@SecurityRequirement(name = "bearer")
class PhotoApi {

    record PhotoView(UUID id, int width, int height, String view, String area, Instant takenAt, UUID sessionId,
            Double pxPerMm, String image, String thumbnail) {
    }

    record Created(UUID id, int width, int height, String view, String area, Instant takenAt) {
    }

    /** The photos and what the client's consents allow for them now ({@code not-asked|declined|record|marketing}). */
    record PhotoList(List<PhotoView> photos, String photoConsent) {
    }

    record MarketingPhoto(UUID id, UUID clientId, String view, String area, Instant takenAt, String image,
            String thumbnail) {
    }

    record MarketingPhotos(List<MarketingPhoto> photos) {
    }

    record RegionBody(Integer x, Integer y, Integer width, Integer height) {
    }

    record AnalysisBody(RegionBody region, Double pxPerMm) {
    }

    record Pores(int count, Double densityPerCm2, Double meanDiameterMm, Double medianDiameterMm, double areaPercent) {
    }

    /** {@code scale}: where the scale came from, {@code given} (pxPerMm) or {@code sticker}; null when uncalibrated. */
    record AnalysisView(UUID id, boolean calibrated, Pores pores, String overlay, String scale) {
    }

    record Progress(List<Photos.Point> series, ProgressChart.Change change, String summary) {
    }

    private final ClientAccess access;
    private final ClinicAccess clinicAccess;
    private final Photos photos;
    private final AuditLog audit;

    PhotoApi(ClientAccess access, ClinicAccess clinicAccess, Photos photos, AuditLog audit) {
        this.access = access;
        this.clinicAccess = clinicAccess;
        this.photos = photos;
        this.audit = audit;
    }

    @PostMapping("/api/v1/clinics/{slug}/clients/{id}/photos") // multipart; the media type checked after access, so another clinic sees 404
    @Operation(summary = "Upload a photo", description = "Multipart: file (JPEG, PNG or WebP, at most 25 MB and 50 "
            + "megapixels), view (front, left, right, back, chest, close-up), area, takenAt "
            + "(instant, not in the future; default now), sessionId, pxPerMm. EXIF orientation is applied, all metadata "
            + "removed; stored encrypted. 400 naming the field; 413 naming file for too many pixels.")
    ResponseEntity<Created> upload(@PathVariable String slug, @PathVariable String id,
            @RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String view,
            @RequestParam(required = false) String area, @RequestParam(required = false) String takenAt,
            @RequestParam(required = false) String sessionId, @RequestParam(required = false) String pxPerMm)
            throws IOException {
        ClientAccess.Granted g = access.require(slug, id, Capability.WRITE_RECORD);
        Photo p = photos.upload(g.membership(), g.client().id(), new Photos.Upload(file == null ? null : file.getBytes(),
                view, area, takenAt, sessionId, pxPerMm), userId());
        return ResponseEntity.created(URI.create(base(slug, p) + "/" + p.id()))
                .body(new Created(p.id(), p.width(), p.height(), p.view(), p.area(), p.takenAt()));
    }

    @GetMapping("/api/v1/clinics/{slug}/clients/{id}/photos")
    @Operation(summary = "The client's photos, newest first (no pixels: follow image and thumbnail)")
    PhotoList list(@PathVariable String slug, @PathVariable String id) {
        ClientAccess.Granted g = access.require(slug, id, Capability.READ_MEDICAL_ANSWERS);
        List<Photo> list = photos.forClient(g.clinic(), g.client().id());
        audit.record(g.membership(), g.client().id(), AuditAction.READ, AuditResource.PHOTO, list.size() + " photo(s) listed");
        return new PhotoList(list.stream().map(p -> new PhotoView(p.id(), p.width(), p.height(), p.view(), p.area(),
                p.takenAt(), p.sessionId(), p.pxPerMm(), base(slug, p) + "/" + p.id(),
                base(slug, p) + "/" + p.id() + "/thumbnail")).toList(),
                code(photos.permission(g.clinic(), g.client().id())));
    }

    @GetMapping(value = "/api/v1/clinics/{slug}/calibration-stickers.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "A printable A4 sheet of calibration stickers (any member)", description = "Black squares of "
            + "10 mm on 16 mm white cards, with a 50 mm bar to check the printer did not scale the page. A sticker in a "
            + "photo gives the analysis its scale (\"scale\": \"sticker\").")
    ResponseEntity<byte[]> stickers(@PathVariable String slug) {
        clinicAccess.member(slug);
        return stickerPdf();
    }

    static ResponseEntity<byte[]> stickerPdf() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"clearskin-calibration-stickers.pdf\"")
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1)).cachePrivate()).body(StickerSheet.pdf());
    }

    @GetMapping("/api/v1/clinics/{slug}/marketing-photos")
    @Operation(summary = "Photos the clinic may use in its marketing now (owner, admin)", description = "Only photos of "
            + "clients whose newest consent that holds says yes to marketing; a withdrawn or expired consent, or an "
            + "erased client, takes theirs out at once. Every listing is audited per client.")
    MarketingPhotos marketing(@PathVariable String slug) {
        Membership m = clinicAccess.require(slug, Capability.EDIT_CLINIC_PROFILE);
        List<Photo> list = photos.forMarketing(m.clinic());
        list.stream().map(Photo::clientId).distinct().forEach(client -> audit.record(m, client, AuditAction.READ,
                AuditResource.PHOTO, "photos listed for marketing"));
        return new MarketingPhotos(list.stream().map(p -> new MarketingPhoto(p.id(), p.clientId(), p.view(), p.area(),
                p.takenAt(), base(slug, p) + "/" + p.id(), base(slug, p) + "/" + p.id() + "/thumbnail")).toList());
    }

    @GetMapping(value = "/api/v1/clinics/{slug}/clients/{id}/photos/{photoId}", produces = MediaType.IMAGE_JPEG_VALUE)
    @Operation(summary = "The photo (JPEG, upright, no metadata)")
    ResponseEntity<byte[]> image(@PathVariable String slug, @PathVariable String id, @PathVariable String photoId) {
        ClientAccess.Granted g = access.require(slug, id, Capability.READ_MEDICAL_ANSWERS);
        Photo p = photo(g, photoId);
        audit.record(g.membership(), g.client().id(), AuditAction.READ, AuditResource.PHOTO, "photo " + p.id());
        return jpeg(photos.image(g.clinic(), p.id()));
    }

    @GetMapping(value = "/api/v1/clinics/{slug}/clients/{id}/photos/{photoId}/thumbnail",
            produces = MediaType.IMAGE_JPEG_VALUE)
    @Operation(summary = "The photo's thumbnail (JPEG, at most 320 pixels a side)")
    ResponseEntity<byte[]> thumbnail(@PathVariable String slug, @PathVariable String id, @PathVariable String photoId) {
        ClientAccess.Granted g = access.require(slug, id, Capability.READ_MEDICAL_ANSWERS);
        Photo p = photo(g, photoId);
        audit.record(g.membership(), g.client().id(), AuditAction.READ, AuditResource.PHOTO, "thumbnail of photo " + p.id());
        return jpeg(photos.thumbnail(g.clinic(), p.id()));
    }

    @PostMapping("/api/v1/clinics/{slug}/clients/{id}/photos/{photoId}/analyses")
    @Operation(summary = "Measure the pores", description = "Body (optional): region {x, y, width, height} in pixels "
            + "(inside the photo, else 400 naming region), pxPerMm (else the photo's, else the calibration sticker found in "
            + "the photo: scale says given or sticker). Without a scale the millimetre figures are null and calibrated is "
            + "false.")
    ResponseEntity<AnalysisView> analyse(@PathVariable String slug, @PathVariable String id, @PathVariable String photoId,
            @RequestBody(required = false) AnalysisBody body) {
        ClientAccess.Granted g = access.require(slug, id, Capability.WRITE_RECORD);
        Photo p = photo(g, photoId);
        Region region = region(body == null ? null : body.region());
        Photos.Analysis a = photos.analyse(g.membership(), p, region, body == null ? null : body.pxPerMm(),
                userId());
        String overlay = base(slug, p) + "/" + p.id() + "/analyses/" + a.id() + "/overlay";
        return ResponseEntity.created(URI.create(overlay)).body(new AnalysisView(a.id(), a.calibrated(),
                new Pores(a.count(), a.densityPerCm2(), a.meanDiameterMm(), a.medianDiameterMm(), a.areaPercent()),
                overlay, a.scale()));
    }

    @GetMapping(value = "/api/v1/clinics/{slug}/clients/{id}/photos/{photoId}/analyses/{analysisId}/overlay",
            produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(summary = "The analysed region with a circle on each pore found (PNG)")
    ResponseEntity<byte[]> overlay(@PathVariable String slug, @PathVariable String id, @PathVariable String photoId,
            @PathVariable String analysisId) {
        ClientAccess.Granted g = access.require(slug, id, Capability.READ_MEDICAL_ANSWERS);
        Photo p = photo(g, photoId);
        UUID analysis = Ids.parse(analysisId).orElse(null);
        if (!photos.clientOfAnalysis(g.clinic(), p.id(), analysis).isPresent()) {
            throw new NotFoundException("No analysis " + analysisId + ".");
        }
        audit.record(g.membership(), g.client().id(), AuditAction.READ, AuditResource.PHOTO, "pore overlay " + analysis);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
                .body(photos.overlay(g.clinic(), analysis));
    }

    @GetMapping("/api/v1/clinics/{slug}/clients/{id}/progress")
    @Operation(summary = "Pore measurements over time (each photo's latest analysis) and the change first to last")
    Progress progress(@PathVariable String slug, @PathVariable String id, @RequestParam(required = false) String area) {
        ClientAccess.Granted g = access.require(slug, id, Capability.READ_MEDICAL_ANSWERS);
        List<Photos.Point> series = photos.progress(g.clinic(), g.client().id(), area(area));
        audit.record(g.membership(), g.client().id(), AuditAction.READ, AuditResource.PHOTO, "pore progress");
        return new Progress(series, ProgressChart.change(series), ProgressChart.sentence(series,
                photos.sessionsBetween(g.clinic(), g.client().id(), series), g.clinic().timeZone()));
    }

    @GetMapping(value = "/api/v1/clinics/{slug}/clients/{id}/progress.svg", produces = "image/svg+xml")
    @Operation(summary = "The progress as a chart (SVG, no JavaScript)")
    ResponseEntity<String> progressSvg(@PathVariable String slug, @PathVariable String id,
            @RequestParam(required = false) String area) {
        ClientAccess.Granted g = access.require(slug, id, Capability.READ_MEDICAL_ANSWERS);
        List<Photos.Point> series = photos.progress(g.clinic(), g.client().id(), area(area));
        audit.record(g.membership(), g.client().id(), AuditAction.READ, AuditResource.PHOTO, "pore progress chart");
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml")).cacheControl(CacheControl.noStore())
                .body(ProgressChart.svg(series, g.clinic().timeZone()));
    }

    private Photo photo(ClientAccess.Granted g, String photoId) {
        return photos.find(g.clinic(), Ids.parse(photoId).orElse(null))
                .filter(p -> p.clientId().equals(g.client().id()))
                .orElseThrow(() -> new NotFoundException("No photo " + photoId + "."));
    }

    static String code(PhotoPermission permission) {
        return permission.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private UUID userId() {
        return clinicAccess.currentUser().orElseThrow().id();
    }

    private static String area(String area) {
        if (area == null || area.isBlank()) {
            return null;
        }
        if (!Photos.AREAS.contains(area.strip())) {
            throw new InvalidInputException("area", "must be one of " + String.join(", ", Photos.AREAS.stream().sorted().toList()));
        }
        return area.strip();
    }

    private static Region region(RegionBody r) {
        if (r == null) {
            return null;
        }
        if (r.x() == null || r.y() == null || r.width() == null || r.height() == null || r.x() < 0 || r.y() < 0
                || r.width() <= 0 || r.height() <= 0) {
            throw new InvalidInputException("region", "needs x, y (0 or more), width and height (more than 0) in pixels");
        }
        return new Region(r.x(), r.y(), r.width(), r.height());
    }

    private static ResponseEntity<byte[]> jpeg(byte[] bytes) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).cacheControl(CacheControl.noStore()).body(bytes);
    }

    private static String base(String slug, Photo p) {
        return "/api/v1/clinics/" + slug + "/clients/" + p.clientId() + "/photos";
    }
}
