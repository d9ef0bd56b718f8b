package com.clearskin.recommendation.web;

import com.clearskin.assessment.Assessment;
import com.clearskin.assessment.AssessmentParser;
import com.clearskin.assessment.Cause;
import com.clearskin.assessment.MedicalFlag;
import com.clearskin.catalog.BodyArea;
import com.clearskin.catalog.Concern;
import com.clearskin.catalog.SkinType;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.InvalidInputException.Violation;
import com.clearskin.recommendation.Recommendation;
import com.clearskin.recommendation.Recommendations;
import com.clearskin.recommendation.TreatmentVerdict;
import com.clearskin.recommendation.Verdict;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public skin consultation: a guided form, a few questions at a time, and its results. Nothing is
 * stored; the answers travel with the page. The form becomes the same assessment JSON the API reads,
 * so the same parser checks it and the same messages come back, next to their fields.
 */
@Controller
class ConsultationPages {

    /** A step of the form. */
    public record Step(int number, String id, String title) {
    }

    /** A choice with a plain-language description. */
    public record Choice(String value, String label, String description) {
    }

    /** A field the client must correct, with its label and why. */
    public record FieldError(String field, String label, String message) {
    }

    /** The treatments of one verdict, with what the verdict means for the client. */
    public record Group(Verdict verdict, String id, String title, String description, List<TreatmentVerdict> treatments) {
    }

    static final List<Step> STEPS = List.of(new Step(1, "about", "About you"), new Step(2, "concerns", "Your skin"),
            new Step(3, "health", "Your health"), new Step(4, "budget", "Budget"));

    static final List<Choice> SKIN_TYPES = List.of(
            new Choice(SkinType.OILY.code(), "Oily", "Shiny by midday, with visible pores."),
            new Choice(SkinType.ACNE_PRONE.code(), "Acne-prone", "Breakouts come back regularly."),
            new Choice(SkinType.NORMAL.code(), "Normal", "Balanced: neither oily nor dry."),
            new Choice(SkinType.COMBINATION.code(), "Combination", "Oily forehead, nose and chin; normal or dry cheeks."),
            new Choice(SkinType.DRY.code(), "Dry", "Feels tight, may flake."),
            new Choice(SkinType.SENSITIVE.code(), "Sensitive", "Reddens or stings easily."));

    /** The Fitzpatrick scale in plain words (treatment facts, section 6). */
    static final List<Choice> FITZPATRICK = List.of(
            new Choice("1", "Type I", "Very fair, white skin: always burns, never tans."),
            new Choice("2", "Type II", "Fair skin: always burns, tans with difficulty."),
            new Choice("3", "Type III", "Medium skin: sometimes burns a little, tans about average."),
            new Choice("4", "Type IV", "Light brown skin: rarely burns, tans easily."),
            new Choice("5", "Type V", "Brown skin: never burns, tans very easily."),
            new Choice("6", "Type VI", "Dark brown or black skin: deeply pigmented, never burns."));

    private final Recommendations recommendations;
    private final Clock clock;
    private final com.clearskin.clinics.Clinics clinics;
    private final com.clearskin.catalog.ClinicCatalog clinicCatalog;
    private final com.clearskin.branding.ClinicProfiles profiles;

    ConsultationPages(Recommendations recommendations, Clock clock, com.clearskin.clinics.Clinics clinics,
            com.clearskin.catalog.ClinicCatalog clinicCatalog, com.clearskin.branding.ClinicProfiles profiles) {
        this.recommendations = recommendations;
        this.clock = clock;
        this.clinics = clinics;
        this.clinicCatalog = clinicCatalog;
        this.profiles = profiles;
    }

    /** The clinic the consultation was reached through (?clinic=slug): its name and where each of its treatments is booked. */
    public record AtClinic(String slug, String name, java.util.Map<String, String> bookHrefs) {
    }

    private void atClinic(Model model, String slug) {
        AtClinic at = slug == null || slug.isBlank() ? null : clinics.bySlug(slug.strip()).map(c -> {
            java.util.Map<String, String> hrefs = new java.util.HashMap<>();
            clinicCatalog.list(c).stream().filter(com.clearskin.catalog.ClinicTreatment::active)
                    .forEach(t -> hrefs.put(t.code(), "/clinics/" + c.slug() + "/book?treatment=" + t.code()));
            return new AtClinic(c.slug(), profiles.of(c).displayName(), hrefs);
        }).orElse(null);
        model.addAttribute("atClinic", at);
    }

    /** The invasiveness levels in a client's words, for "already tried". */
    static final Map<String, String> TRIED_LABELS = Map.of(
            "non-invasive", "Facials, extractions or light therapy",
            "superficial", "Light peels or microdermabrasion",
            "dermal", "Microneedling, medium peels or fractional laser",
            "ablative", "Laser resurfacing");

    @GetMapping("/consultation")
    String start(@RequestParam(required = false) String clinic, Model model) {
        atClinic(model, clinic);
        return form(model, ConsultationForm.empty(), List.of());
    }

    @PostMapping("/consultation")
    String submit(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response) {
        atClinic(model, params.getFirst("clinic"));
        ConsultationForm form = ConsultationForm.read(params);
        Assessment assessment;
        try {
            assessment = AssessmentParser.parse(form.toJson(), LocalDate.now(clock));
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(model, form, e.violations());
        }
        Recommendation recommendation = recommendations.forPublic(assessment);
        model.addAttribute("form", form);
        model.addAttribute("assessment", assessment);
        model.addAttribute("recommendation", recommendation);
        model.addAttribute("groups", groups(recommendation));
        com.clearskin.recommendation.TreatmentPlan plan = recommendations.publicPlan(recommendation, assessment,
                LocalDate.now(clock));
        model.addAttribute("plan", plan);
        model.addAttribute("planConcerns", plan == null ? "" : planConcerns(plan, assessment));
        model.addAttribute("profile", profile(assessment));
        return "consultation/results";
    }

    /** Back from the results to the form, with the answers as they were. */
    @PostMapping("/consultation/answers")
    String change(@RequestParam MultiValueMap<String, String> params, Model model) {
        atClinic(model, params.getFirst("clinic"));
        return form(model, ConsultationForm.read(params), List.of());
    }

    private String form(Model model, ConsultationForm form, List<Violation> violations) {
        Map<String, String> errors = new LinkedHashMap<>();
        violations.forEach(v -> errors.merge(formField(v.field()), v.reason(), (a, b) -> a + "; " + b));
        int firstStep = errors.keySet().stream().mapToInt(ConsultationPages::step).min().orElse(1);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("errorList", errors.entrySet().stream()
                .map(e -> new FieldError(e.getKey(), label(e.getKey()), e.getValue())).toList());
        model.addAttribute("startStep", firstStep);
        model.addAttribute("steps", STEPS);
        model.addAttribute("skinTypes", SKIN_TYPES);
        model.addAttribute("fitzpatrickTypes", FITZPATRICK);
        model.addAttribute("concerns", Concern.values());
        model.addAttribute("bodyAreas", BodyArea.values());
        model.addAttribute("causes", Cause.values());
        model.addAttribute("medicalFlags", MedicalFlag.values());
        model.addAttribute("levels", com.clearskin.catalog.InvasivenessLevel.values());
        model.addAttribute("triedLabels", TRIED_LABELS);
        model.addAttribute("today", LocalDate.now(clock));
        return "consultation/form";
    }

    /** The form field a field of the assessment JSON is entered in: {@code medical.epilepsy} is {@code epilepsy}. */
    static String formField(String field) {
        String f = field.startsWith("medical.") ? field.substring("medical.".length()) : field;
        if (f.startsWith("severity.")) {
            return "severity";
        }
        int bracket = f.indexOf('[');
        if (bracket > 0) {
            f = f.substring(0, bracket);
        }
        return switch (f) {
            case "isotretinoinLastTaken" -> "isotretinoin";
            case "topicalRetinoidLastUsed" -> "retinoid";
            default -> f;
        };
    }

    /** What the form calls a field, for the list of errors at its top. */
    static String label(String formField) {
        return switch (formField) {
            case "age" -> "Your age";
            case "skinType" -> "Your skin type";
            case "fitzpatrick" -> "How your skin reacts to the sun";
            case "concerns" -> "What you would like to improve";
            case "bodyAreas" -> "Where";
            case "causes" -> "What contributes";
            case "isotretinoin" -> "Isotretinoin tablets";
            case "retinoid" -> "Retinoid on the skin";
            case "budgetUsd" -> "Your budget";
            case "severity" -> "How marked each one is";
            case "triedWithoutEnoughImprovement" -> "Already tried";
            default -> MedicalFlag.byField(formField).map(MedicalFlag::question).orElse(formField);
        };
    }

    /** The step of the form that holds a form field; fields the form does not show count as the first. */
    /** The concerns the first step is for, in words: "your severe acne scars". */
    static String planConcerns(com.clearskin.recommendation.TreatmentPlan plan, Assessment a) {
        String why = plan.firstStep().why();
        int at = why.indexOf(" for ");
        int end = why.lastIndexOf(" (");
        return at < 0 || end < at ? "your concerns" : "your " + why.substring(at + 5, end);
    }

    static int step(String formField) {
        return switch (formField) {
            case "age", "skinType", "fitzpatrick" -> 1;
            case "concerns", "bodyAreas", "causes", "severity", "triedWithoutEnoughImprovement" -> 2;
            case "isotretinoin", "retinoid" -> 3;
            case "budgetUsd" -> 4;
            default -> MedicalFlag.byField(formField).isPresent() ? 3 : 1;
        };
    }

    static List<Group> groups(Recommendation r) {
        List<Group> groups = new ArrayList<>();
        for (Verdict verdict : Verdict.values()) {
            List<TreatmentVerdict> treatments = r.treatments().stream().filter(t -> t.verdict() == verdict).toList();
            if (!treatments.isEmpty()) {
                groups.add(new Group(verdict, verdict.code(), verdict.label(), describe(verdict), treatments));
            }
        }
        return groups;
    }

    private static String describe(Verdict verdict) {
        return switch (verdict) {
            case RECOMMENDED -> "Safe for you on what you told us, and aimed at your concerns.";
            case POSSIBLE -> "Safe for you on what you told us, but a weaker fit for your concerns.";
            case CAUTION -> "Something you told us calls for care: your practitioner decides whether they are right "
                    + "for you.";
            case NEEDS_INFORMATION -> "A question that matters for these is still unanswered. We never read "
                    + "“not sure” as “no”: answer it and we can tell you more.";
            case EXCLUDED -> "Something you told us rules these out for now.";
        };
    }

    /** The answers in a line of words, for the top of the results. */
    static List<String> profile(Assessment a) {
        List<String> items = new ArrayList<>();
        if (a.age() != null) {
            items.add(a.age() + " years");
        }
        if (a.skinType() != null) {
            items.add(a.skinType().label() + " skin");
        }
        if (a.fitzpatrick() != null) {
            items.add("Fitzpatrick " + FITZPATRICK.get(a.fitzpatrick() - 1).label().substring("Type ".length()));
        }
        a.concerns().forEach(c -> items.add(c.label()));
        items.add("Areas: " + a.areasOrFace().stream().map(BodyArea::label).reduce((x, y) -> x + ", " + y).orElse(""));
        if (a.budgetUsd() != null) {
            items.add("Budget $" + a.budgetUsd().stripTrailingZeros().toPlainString());
        }
        return items;
    }
}
