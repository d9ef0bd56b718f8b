package com.clearskin.publicbooking.web;

import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.SignedInUser;
import com.clearskin.assessment.MedicalFlag;
import com.clearskin.branding.ClinicProfile;
import com.clearskin.branding.ClinicProfiles;
import com.clearskin.catalog.ClinicCatalog;
import com.clearskin.catalog.ClinicTreatment;
import com.clearskin.catalog.Treatment;
import com.clearskin.clinics.Clinic;
import com.clearskin.clinics.Clinics;
import com.clearskin.mail.Outbox;
import com.clearskin.platform.ConflictException;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.NotFoundException;
import com.clearskin.platform.RuleRefusedException;
import com.clearskin.platform.TooManyRequestsException;
import com.clearskin.publicbooking.PublicBookingRequest;
import com.clearskin.publicbooking.PublicBookings;
import com.clearskin.clients.ClientAccounts;
import com.clearskin.resources.ClinicResources;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The booking page's last steps for a new client: their details, the short intake the treatment
 * needs (unknown allowed), the clinic's cancellation policy; then "check your email", and the
 * emailed link's page that confirms the booking. A signed-in client of the clinic goes on to the
 * booking confirmation they know.
 */
@Controller
class PublicBookingPages {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.US);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);

    private final Clinics clinics;
    private final ClinicCatalog catalog;
    private final PublicBookings bookings;
    private final ClinicProfiles profiles;
    private final ClinicResources resources;
    private final ClinicAccess access;
    private final ClientAccounts clientAccounts;
    private final Outbox outbox;
    private final JsonMapper json;

    PublicBookingPages(Clinics clinics, ClinicCatalog catalog, PublicBookings bookings, ClinicProfiles profiles,
            ClinicResources resources, ClinicAccess access, ClientAccounts clientAccounts, Outbox outbox,
            JsonMapper json) {
        this.clinics = clinics;
        this.catalog = catalog;
        this.bookings = bookings;
        this.profiles = profiles;
        this.resources = resources;
        this.access = access;
        this.clientAccounts = clientAccounts;
        this.outbox = outbox;
        this.json = json;
    }

    /** One intake question: the field, the question, the answer given (yes, no, unknown). */
    public record Question(String field, String question, String answer) {
    }

    /** What the booking is about, as the page shows it. */
    public record Summary(String treatmentCode, String treatmentName, String date, String time, String zone,
            int minutes, String currency, java.math.BigDecimal priceMin, java.math.BigDecimal priceMax) {
    }

    @GetMapping("/clinics/{slug}/book/details")
    String details(@PathVariable String slug, @RequestParam(required = false) String treatment,
            @RequestParam(required = false) String start, @RequestParam(required = false) String practitioner,
            Model model, HttpServletResponse response) {
        Clinic clinic = clinic(slug);
        if (signedInClient(clinic)) {
            return "redirect:" + confirmHref(clinic, treatment, start, practitioner);
        }
        return form(model, clinic, treatment, start, practitioner, Map.of(), Map.of(), null, response);
    }

    @PostMapping("/clinics/{slug}/book/details")
    String book(@PathVariable String slug, @RequestParam MultiValueMap<String, String> form, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        Clinic clinic = clinic(slug);
        String treatment = one(form, "treatment");
        String start = one(form, "start");
        String practitioner = one(form, "practitioner");
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((k, v) -> values.put(k, v.isEmpty() ? "" : v.get(0)));
        String website = one(form, "website");
        if (website != null && !website.isEmpty()) {
            // the honeypot: a person never sees the field; a bot is told what it wants to hear, and nothing is kept
            model.addAttribute("clinic", clinic);
            model.addAttribute("clinicName", profiles.of(clinic).displayName());
            model.addAttribute("email", one(form, "email"));
            model.addAttribute("until", null);
            return "publicbooking/check-email";
        }
        PublicBookingRequest body = new PublicBookingRequest(treatment, start, practitioner,
                new PublicBookingRequest.ClientDetails(one(form, "firstName"), one(form, "lastName"),
                        one(form, "email"), one(form, "phone"), one(form, "dateOfBirth")),
                assessment(clinic, treatment, form), "on".equals(one(form, "acceptPolicy")) || "true".equals(
                        one(form, "acceptPolicy")), emptyToNull(one(form, "password")), null);
        try {
            PublicBookings.Held held = bookings.hold(clinic, body, request.getRemoteAddr(), Links.base(outbox, request));
            model.addAttribute("clinic", clinic);
            model.addAttribute("clinicName", profiles.of(clinic).displayName());
            model.addAttribute("email", held.email());
            model.addAttribute("until", TIME.format(held.holdExpiresAt().atZone(clinic.timeZone())));
            return "publicbooking/check-email";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            Map<String, String> errors = new LinkedHashMap<>();
            e.violations().forEach(v -> errors.putIfAbsent(formField(v.field()), sentence(v.field(), v.reason())));
            return form(model, clinic, treatment, start, practitioner, values, errors, null, response);
        } catch (RuleRefusedException e) {
            response.setStatus(422);
            boolean signIn = e.rule().equals("sign-in-required");
            return form(model, clinic, treatment, start, practitioner, values, Map.of(),
                    new Refusal(signIn ? "Please sign in to book" : "This treatment cannot be booked for you then",
                            e.getMessage(), signIn ? confirmHref(clinic, treatment, start, practitioner) : null,
                            e.allowedFrom() == null ? null : DATE.format(e.allowedFrom())), response);
        } catch (ConflictException e) {
            response.setStatus(409);
            return form(model, clinic, treatment, start, practitioner, values, Map.of(),
                    new Refusal("That time is no longer free", e.getMessage(), null, null), response);
        } catch (TooManyRequestsException e) {
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
            return form(model, clinic, treatment, start, practitioner, values, Map.of(),
                    new Refusal("Please try again later", e.getMessage(), null, null), response);
        }
    }

    /** A refusal as the page shows it: a title, a sentence, perhaps where to sign in, the first allowed date. */
    public record Refusal(String title, String message, String signInHref, String allowedFrom) {
    }

    @GetMapping("/public-bookings/{token}")
    String link(@PathVariable String token, Model model) {
        PublicBookings.View view = bookings.find(token);
        return linkPage(model, view, token, null);
    }

    @PostMapping("/public-bookings/{token}")
    String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
        try {
            PublicBookings.View view = bookings.confirm(token);
            return linkPage(model, view, token, null);
        } catch (ConflictException e) {
            response.setStatus(409);
            return linkPage(model, bookings.find(token), token, e.getMessage());
        }
    }

    private String linkPage(Model model, PublicBookings.View view, String token, String problem) {
        Clinic clinic = view.clinic();
        ZoneId zone = clinic.timeZone();
        model.addAttribute("clinic", clinic);
        model.addAttribute("face", profiles.of(clinic));
        model.addAttribute("clinicName", profiles.of(clinic).displayName());
        model.addAttribute("faceSlug", clinic.slug());
        model.addAttribute("view", view);
        model.addAttribute("token", token);
        model.addAttribute("problem", problem);
        model.addAttribute("date", DATE.format(view.start().atZone(zone)));
        model.addAttribute("time", TIME.format(view.start().atZone(zone)) + " to " + TIME.format(view.end().atZone(zone)));
        model.addAttribute("zone", zone.getDisplayName(TextStyle.FULL, Locale.US));
        model.addAttribute("until", TIME.format(view.holdExpiresAt().atZone(zone)));
        model.addAttribute("bookHref", "/clinics/" + clinic.slug() + "/book?treatment=" + view.treatment());
        model.addAttribute("portalHref", "/app/clinics/" + clinic.slug() + "/portal");
        model.addAttribute("signUpHref", UriComponentsBuilder.fromPath("/clinics/" + clinic.slug() + "/sign-up")
                .queryParam("email", view.email()).build().encode().toUriString());
        return "publicbooking/link";
    }

    private String form(Model model, Clinic clinic, String treatment, String start, String practitioner,
            Map<String, String> values, Map<String, String> errors, Refusal refusal, HttpServletResponse response) {
        ClinicTreatment chosen = treatment == null ? null : catalog.find(clinic, treatment.strip())
                .filter(ClinicTreatment::active).orElse(null);
        Instant at = parse(start);
        model.addAttribute("clinic", clinic);
        model.addAttribute("values", values);
        model.addAttribute("clinicName", profiles.of(clinic).displayName());
        model.addAttribute("errors", errors);
        model.addAttribute("refusal", refusal);
        model.addAttribute("treatment", treatment == null ? "" : treatment);
        model.addAttribute("start", start == null ? "" : start);
        model.addAttribute("practitioner", practitioner == null ? "" : practitioner);
        model.addAttribute("bookHref", bookHref(clinic, chosen == null ? null : chosen.code()));
        model.addAttribute("signInHref", confirmHref(clinic, treatment, start, practitioner));
        ClinicProfile profile = profiles.of(clinic);
        model.addAttribute("policy", profile.cancellationPolicyOr(
                resources.schedule(clinic).settings().clientCancelHours()));
        if (chosen == null || at == null) {
            response.setStatus(400);
            model.addAttribute("summary", null);
            model.addAttribute("questions", List.of());
            if (refusal == null) {
                model.addAttribute("refusal", new Refusal("Please choose a treatment and a time first",
                        chosen == null ? "Please choose a treatment this clinic offers online." : "Please choose a time.",
                        null, null));
            }
            return "publicbooking/details";
        }
        ZoneId zone = clinic.timeZone();
        Treatment t = chosen.treatment();
        model.addAttribute("summary", new Summary(chosen.code(), t.name(), DATE.format(at.atZone(zone)),
                TIME.format(at.atZone(zone)), zone.getDisplayName(TextStyle.FULL, Locale.US),
                t.duration() == null ? 0 : t.duration().typicalMinutes(), t.price() == null ? null : t.price().currency(),
                t.price() == null ? null : t.price().min(), t.price() == null ? null : t.price().max()));
        model.addAttribute("questions", questions(t, values));
        return "publicbooking/details";
    }

    /** The intake questions this treatment's contraindications concern, in the catalog's words. */
    static List<Question> questions(Treatment t, Map<String, String> values) {
        List<Question> questions = new ArrayList<>();
        for (MedicalFlag flag : MedicalFlag.values()) {
            boolean concerns = t.contraindications().stream().anyMatch(c -> c.code().equals(flag.contraindication()));
            if (concerns) {
                String answer = values.getOrDefault("medical." + flag.field(), "unknown");
                questions.add(new Question(flag.field(), flag.question(),
                        List.of("yes", "no", "unknown").contains(answer) ? answer : "unknown"));
            }
        }
        return questions;
    }

    private ObjectNode assessment(Clinic clinic, String treatment, MultiValueMap<String, String> form) {
        ObjectNode node = json.createObjectNode();
        boolean any = false;
        for (MedicalFlag flag : MedicalFlag.values()) {
            String answer = one(form, "medical." + flag.field());
            if ("yes".equals(answer)) {
                node.put(flag.field(), true);
                any = true;
            } else if ("no".equals(answer)) {
                node.put(flag.field(), false);
                any = true;
            }
        }
        String skin = one(form, "skinType");
        if (skin != null && !skin.isBlank()) {
            node.put("skinType", skin.strip());
            any = true;
        }
        return any || form.containsKey("intake") ? node : null;
    }

    private boolean signedInClient(Clinic clinic) {
        SignedInUser user = access.currentUser().orElse(null);
        return user != null && clientAccounts.clientOf(clinic, user.id()).isPresent();
    }

    private Clinic clinic(String slug) {
        return clinics.bySlug(slug).orElseThrow(() -> new NotFoundException("No clinic '" + slug + "'."));
    }

    static String bookHref(Clinic clinic, String treatment) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/clinics/" + clinic.slug() + "/book");
        if (treatment != null) {
            b.queryParam("treatment", treatment);
        }
        return b.build().encode().toUriString();
    }

    static String confirmHref(Clinic clinic, String treatment, String start, String practitioner) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/clinics/" + clinic.slug() + "/book/confirm")
                .queryParam("treatment", treatment == null ? "" : treatment)
                .queryParam("start", start == null ? "" : start);
        if (practitioner != null && !practitioner.isBlank()) {
            b.queryParam("practitioner", practitioner);
        }
        return b.build().encode().toUriString();
    }

    /** The form's name of an API field (client.email is the form's email). */
    static String formField(String field) {
        return field.startsWith("client.") ? field.substring("client.".length())
                : field.startsWith("assessment.") ? "intake" : field;
    }

    /** A reason as a sentence next to its field: the booking rules' words start with a capital already. */
    static String sentence(String field, String reason) {
        if (reason == null || reason.isEmpty()) {
            return "Please check this field.";
        }
        if (Character.isUpperCase(reason.charAt(0))) {
            return reason;
        }
        String subject = switch (field) {
            case "start" -> "The time you chose ";
            case "practitionerId" -> "The practitioner you chose ";
            case "treatment" -> "The treatment you chose ";
            default -> field.startsWith("assessment.") ? "One of your intake answers " : "This ";
        };
        return subject + reason.replace("the clinic's least notice", "the notice the clinic needs") + ".";
    }

    private static Instant parse(String start) {
        if (start == null || start.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(start.strip()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(start.strip());
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    private static String one(MultiValueMap<String, String> form, String name) {
        List<String> v = form.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
