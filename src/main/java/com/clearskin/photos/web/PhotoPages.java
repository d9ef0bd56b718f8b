package com.clearskin.photos.web;

import com.clearskin.accounts.Capability;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.audit.AuditAction;
import com.clearskin.audit.AuditLog;
import com.clearskin.audit.AuditResource;
import com.clearskin.clients.Client;
import com.clearskin.clients.ClientAccess;
import com.clearskin.clients.Clients;
import com.clearskin.platform.Ids;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.NotFoundException;
import com.clearskin.platform.RuleRefusedException;
import com.clearskin.photos.PhotoTooLargeException;
import com.clearskin.photos.Photos;
import com.clearskin.photos.Photos.Photo;
import com.clearskin.photos.ProgressChart;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The client's photos page: upload (phone camera or file), thumbnails, analyse, the progress chart. */
@Controller
class PhotoPages {

    private final ClientAccess access;
    private final ClinicAccess clinicAccess;
    private final Photos photos;
    private final AuditLog audit;
    private final Clients clients;

    PhotoPages(ClientAccess access, ClinicAccess clinicAccess, Photos photos, AuditLog audit, Clients clients) {
        this.access = access;
        this.clinicAccess = clinicAccess;
        this.photos = photos;
        this.audit = audit;
        this.clients = clients;
    }

    @GetMapping(value = "/app/clinics/{slug}/clients/{id}/photos/{photoId}/image", produces = MediaType.IMAGE_JPEG_VALUE)
    ResponseEntity<byte[]> image(@PathVariable String slug, @PathVariable String id, @PathVariable String photoId) {
        ClientAccess.Granted g = access.require(slug, id, Capability.READ_MEDICAL_ANSWERS);
        Photo p = photo(g, photoId);
        audit.record(g.membership(), g.client().id(), AuditAction.READ, AuditResource.PHOTO, "photo " + p.id());
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).cacheControl(CacheControl.noStore())
                .body(photos.image(g.clinic(), p.id()));
    }

    /**
     * Two photos of the same view side by side, and one over the other with a slider (JavaScript
     * moves the divide; without it the side-by-side stays). Default: the first and the latest photo of
     * the latest photo's view and area.
     */
    @GetMapping("/app/clinics/{slug}/clients/{id}/photos/compare")
    String compare(@PathVariable String slug, @PathVariable String id, @RequestParam(required = false) String before,
            @RequestParam(required = false) String after, Model model, HttpServletResponse response) {
        ClientAccess.Granted g = access.require(slug, id, Capability.READ_MEDICAL_ANSWERS);
        List<Photo> list = photos.forClient(g.clinic(), g.client().id());
        Photo latest = after == null || after.isBlank()
                ? list.stream().max(java.util.Comparator.comparing(Photo::takenAt)).orElse(null) : photo(g, after);
        Photo a = latest;
        Photo b = before == null || before.isBlank()
                ? latest == null ? null : list.stream().filter(p -> p.view().equals(latest.view()) && p.area().equals(latest.area())
                        && !p.id().equals(latest.id())).min(java.util.Comparator.comparing(Photo::takenAt)).orElse(null)
                : photo(g, before);
        String problem = null;
        if (a == null || b == null) {
            problem = "Two photos of the same view are needed to compare.";
        } else if (!a.view().equals(b.view())) {
            response.setStatus(400);
            problem = "These photos are of different views (" + b.view() + " and " + a.view() + "): choose two of the same view.";
        }
        if (a != null && b != null && b.takenAt().isAfter(a.takenAt())) {
            Photo t = a;
            a = b;
            b = t;
        }
        audit.record(g.membership(), g.client().id(), AuditAction.READ, AuditResource.PHOTO, "photo comparison");
        model.addAttribute("clinic", g.clinic());
        model.addAttribute("client", g.client());
        model.addAttribute("before", problem == null ? b : null);
        model.addAttribute("after", problem == null ? a : null);
        model.addAttribute("photos", list);
        model.addAttribute("problem", problem);
        return "photos/compare";
    }

    /** The client's own progress in the portal: the sentence and the chart for each measured area. */
    @GetMapping("/app/clinics/{slug}/portal/progress")
    String myProgress(@PathVariable String slug, Model model) {
        com.clearskin.accounts.Membership m = clinicAccess.member(slug);
        UUID own = clients.ownedBy(m.clinic(), clinicAccess.currentUser().orElseThrow().id()).map(Client::id)
                .orElseThrow(() -> new NotFoundException("No client record of yours here."));
        ClientAccess.Granted g = access.require(slug, own.toString(), Capability.READ_MEDICAL_ANSWERS);
        List<Photos.Point> all = photos.progress(g.clinic(), own, null);
        audit.record(g.membership(), own, AuditAction.READ, AuditResource.PHOTO, "own pore progress");
        java.util.Map<String, String> sentences = new java.util.LinkedHashMap<>();
        for (String area : photos.forClient(g.clinic(), own).stream().map(Photo::area).distinct().sorted().toList()) {
            List<Photos.Point> series = photos.progress(g.clinic(), own, area);
            if (!series.isEmpty()) {
                String sentence = ProgressChart.sentence(series, photos.sessionsBetween(g.clinic(), own, series), g.clinic().timeZone());
                sentences.put(area, sentence == null ? "One measurement so far: the next one will show the change." : sentence);
            }
        }
        model.addAttribute("clinic", g.clinic());
        model.addAttribute("client", g.client());
        model.addAttribute("areas", sentences);
        model.addAttribute("measured", !all.isEmpty());
        return "photos/my-progress";
    }

    @GetMapping("/app/clinics/{slug}/clients/{id}/photos")
    String page(@PathVariable String slug, @PathVariable String id, @RequestParam(required = false) String area,
            Model model) {
        ClientAccess.Granted g = access.require(slug, id, Capability.READ_MEDICAL_ANSWERS);
        return render(model, g, area, null);
    }

    @PostMapping("/app/clinics/{slug}/clients/{id}/photos")
    String upload(@PathVariable String slug, @PathVariable String id, @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String view, @RequestParam(required = false) String area,
            Model model, HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        ClientAccess.Granted g = access.require(slug, id, Capability.WRITE_RECORD);
        try {
            photos.upload(g.membership(), g.client().id(), new Photos.Upload(file == null || file.isEmpty() ? null
                    : file.getBytes(), view, area, null, null, null), userId());
        } catch (InvalidInputException e) {
            response.setStatus(400);
            InvalidInputException.Violation v = e.violations().get(0);
            return render(model, g, area, label(v.field()) + " " + v.reason() + ".");
        } catch (PhotoTooLargeException e) {
            response.setStatus(413);
            return render(model, g, area, "Photo " + e.getMessage() + ".");
        } catch (RuleRefusedException e) {
            response.setStatus(422);
            return render(model, g, area, e.getMessage());
        }
        redirect.addFlashAttribute("saved", "The photo is saved.");
        return "redirect:/app/clinics/" + slug + "/clients/" + id + "/photos?area=" + area;
    }

    @PostMapping("/app/clinics/{slug}/clients/{id}/photos/{photoId}/analyse")
    String analyse(@PathVariable String slug, @PathVariable String id, @PathVariable String photoId,
            RedirectAttributes redirect) {
        ClientAccess.Granted g = access.require(slug, id, Capability.WRITE_RECORD);
        Photo p = photo(g, photoId);
        Photos.Analysis a = photos.analyse(g.membership(), p, null, null, userId());
        redirect.addFlashAttribute("saved", a.count() + " pores found" + ("sticker".equals(a.scale())
                ? ", measured in millimetres from the calibration sticker in the photo." : a.calibrated() ? "."
                : " (no scale: stick a calibration sticker next to the area for millimetre figures)."));
        return "redirect:/app/clinics/" + slug + "/clients/" + id + "/photos?area=" + p.area();
    }

    @GetMapping(value = "/app/clinics/{slug}/clients/{id}/photos/{photoId}/thumbnail", produces = MediaType.IMAGE_JPEG_VALUE)
    ResponseEntity<byte[]> thumbnail(@PathVariable String slug, @PathVariable String id, @PathVariable String photoId) {
        ClientAccess.Granted g = access.require(slug, id, Capability.READ_MEDICAL_ANSWERS);
        Photo p = photo(g, photoId);
        audit.record(g.membership(), g.client().id(), AuditAction.READ, AuditResource.PHOTO, "thumbnail of photo " + p.id());
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).cacheControl(CacheControl.noStore())
                .body(photos.thumbnail(g.clinic(), p.id()));
    }

    @GetMapping(value = "/app/clinics/{slug}/clients/{id}/progress.svg", produces = "image/svg+xml")
    ResponseEntity<String> progress(@PathVariable String slug, @PathVariable String id,
            @RequestParam(required = false) String area) {
        ClientAccess.Granted g = access.require(slug, id, Capability.READ_MEDICAL_ANSWERS);
        String a = area != null && Photos.AREAS.contains(area) ? area : null;
        audit.record(g.membership(), g.client().id(), AuditAction.READ, AuditResource.PHOTO, "pore progress chart");
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml")).cacheControl(CacheControl.noStore())
                .body(ProgressChart.svg(photos.progress(g.clinic(), g.client().id(), a), g.clinic().timeZone()));
    }

    private String render(Model model, ClientAccess.Granted g, String area, String problem) {
        List<Photo> list = photos.forClient(g.clinic(), g.client().id());
        audit.record(g.membership(), g.client().id(), AuditAction.READ, AuditResource.PHOTO, list.size() + " photo(s) listed");
        String chosen = area != null && Photos.AREAS.contains(area) ? area
                : list.isEmpty() ? null : list.get(0).area();
        model.addAttribute("clinic", g.clinic());
        model.addAttribute("client", g.client());
        model.addAttribute("photos", list);
        model.addAttribute("views", Photos.VIEWS.stream().sorted().toList());
        model.addAttribute("areas", Photos.AREAS.stream().sorted().toList());
        model.addAttribute("area", chosen);
        model.addAttribute("mayWrite", access.may(g, Capability.WRITE_RECORD));
        model.addAttribute("photoConsent", photos.permission(g.clinic(), g.client().id()));
        model.addAttribute("problem", problem);
        if (chosen != null) {
            List<Photos.Point> series = photos.progress(g.clinic(), g.client().id(), chosen);
            model.addAttribute("summary", ProgressChart.sentence(series, photos.sessionsBetween(g.clinic(), g.client().id(), series),
                    g.clinic().timeZone()));
        }
        java.util.Map<String, UUID> latestByView = new java.util.LinkedHashMap<>();
        list.stream().sorted(java.util.Comparator.comparing(Photo::takenAt))
                .forEach(p -> latestByView.put(p.view(), p.id()));
        model.addAttribute("latestByView", latestByView);
        return "photos/photos";
    }

    /** The printable sheet of calibration stickers (any member of the clinic). */
    @GetMapping(value = "/app/clinics/{slug}/calibration-stickers.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> stickers(@PathVariable String slug) {
        clinicAccess.member(slug);
        return PhotoApi.stickerPdf();
    }

    /** The photos the clinic may use in its marketing now, with their thumbnails (owner, admin). */
    @GetMapping("/app/clinics/{slug}/marketing-photos")
    String marketing(@PathVariable String slug, Model model) {
        com.clearskin.accounts.Membership m = clinicAccess.require(slug, Capability.EDIT_CLINIC_PROFILE);
        List<Photo> list = photos.forMarketing(m.clinic());
        list.stream().map(Photo::clientId).distinct().forEach(client -> audit.record(m, client, AuditAction.READ,
                AuditResource.PHOTO, "photos listed for marketing"));
        model.addAttribute("clinic", m.clinic());
        model.addAttribute("photos", list);
        return "photos/marketing";
    }

    private Photo photo(ClientAccess.Granted g, String photoId) {
        return photos.find(g.clinic(), Ids.parse(photoId).orElse(null)).filter(p -> p.clientId().equals(g.client().id()))
                .orElseThrow(() -> new NotFoundException("No photo " + photoId + "."));
    }

    private UUID userId() {
        return clinicAccess.currentUser().orElseThrow().id();
    }

    private static String label(String field) {
        return switch (field) {
            case "file" -> "Photo:";
            case "view" -> "View:";
            case "area" -> "Area:";
            default -> field + ":";
        };
    }
}
