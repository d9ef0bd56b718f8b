package com.clearskin.recommendation;

import com.clearskin.assessment.Answer;
import com.clearskin.assessment.LastUse;
import com.clearskin.assessment.MedicalFlag;
import com.clearskin.catalog.Performer;
import com.clearskin.catalog.Severity;
import com.clearskin.catalog.SkinType;
import com.clearskin.catalog.Treatment;
import com.clearskin.catalog.Treatment.Contraindication;
import com.clearskin.recommendation.PreparedTreatment.Memo;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The safety rules: each one small named method, each with its test, each listed in the README.
 * Which treatment a contraindication concerns, and how strongly, is catalog data a clinic can edit;
 * the rules only read the client's answers against it.
 */
final class SafetyRules {

    /** Contraindication codes the intake asks about; the others are checked by the practitioner at the visit. */
    static final Set<String> ASKED;

    static {
        Set<String> asked = new java.util.HashSet<>();
        for (MedicalFlag flag : MedicalFlag.values()) {
            asked.add(flag.contraindication());
        }
        asked.addAll(List.of("isotretinoin", "topical-retinoid", "fitzpatrick-iv-vi", "under-minimum-age",
                "thin-or-sensitive-skin"));
        ASKED = Set.copyOf(asked);
    }

    static final String FITZPATRICK_IV_VI = "fitzpatrick-iv-vi";
    static final String THIN_OR_SENSITIVE_SKIN = "thin-or-sensitive-skin";
    private static final MedicalFlag[] FLAGS = MedicalFlag.values();

    private SafetyRules() {
    }

    /** Every safety rule, in the order they are applied. */
    static List<Rule> all() {
        List<Rule> rules = new ArrayList<>();
        for (MedicalFlag flag : MedicalFlag.values()) {
            rules.add(Rule.of(flag.contraindication(), t -> t.contraindication(flag) != null,
                    (in, f) -> medicalAnswer(flag, in, f)));
        }
        rules.add(Rule.of(SkinEffectSafety.RULE, PreparedTreatment::anyFloor, SafetyRules::skinEffectSafety));
        rules.add(Rule.of("isotretinoin-washout", t -> t.washoutMonths() > 0, SafetyRules::isotretinoinWashout));
        rules.add(Rule.of("topical-retinoid-pause", t -> t.retinoidPauseDays() > 0, SafetyRules::topicalRetinoidPause));
        rules.add(Rule.of("fitzpatrick-pigmentation-risk", t -> t.contraindication(FITZPATRICK_IV_VI) != null,
                SafetyRules::fitzpatrickPigmentationRisk));
        rules.add(Rule.of("minimum-age", t -> t.minimumAge() != null, SafetyRules::minimumAge));
        rules.add(Rule.of("thin-or-sensitive-skin", t -> t.contraindication(THIN_OR_SENSITIVE_SKIN) != null,
                SafetyRules::thinOrSensitiveSkin));
        rules.add(Rule.of("checked-at-visit", t -> !t.treatment().contraindications().isEmpty(),
                SafetyRules::checkedAtVisit));
        rules.add(Rule.of("scope-of-practice", t -> t.treatment().qualification() != null
                && !t.treatment().qualification().scope().isEmpty(), SafetyRules::scopeOfPractice));
        return List.copyOf(rules);
    }

    /**
     * A medical answer against the treatment's contraindication of the same code: yes excludes an
     * absolute one and asks for caution with a relative one; unknown asks for the answer.
     */
    static void medicalAnswer(MedicalFlag flag, Rule.Input in, Findings f) {
        Contraindication c = in.prepared().contraindication(flag);
        if (c == null) {
            return;
        }
        Answer answer = in.assessment().answer(flag);
        if (answer == Answer.UNKNOWN) {
            f.needsInformation(in.prepared().memo(Memo.MEDICAL_ANSWER, flag.ordinal(), in, (input, v) -> {
                MedicalFlag asked = FLAGS[v];
                Contraindication ci = input.prepared().contraindication(asked);
                return new Reason(asked.contraindication(), "We need your answer to: \"" + asked.question()
                        + "\" It matters for this treatment: " + lower(ci.text()),
                        input.sources().describe(ci.sources()));
            }));
        } else if (answer == Answer.YES) {
            severe(f, c, in.prepared().memo(Memo.MEDICAL_ANSWER, FLAGS.length + flag.ordinal(), in, (input, v) -> {
                MedicalFlag asked = FLAGS[v - FLAGS.length];
                Contraindication ci = input.prepared().contraindication(asked);
                return severeReason(ci, asked.contraindication(), "You answered yes to: \"" + asked.question() + "\" "
                        + ci.text(), input.sources().describe(ci.sources()));
            }), null);
        }
    }

    /**
     * What the treatment does to the skin (its invasiveness effects) decides where it is never safe,
     * whatever its contraindication list says: see {@link SkinEffectSafety}. Yes to a question the
     * floor concerns excludes (or asks for caution, for scarring); unknown asks for the answer.
     */
    static void skinEffectSafety(Rule.Input in, Findings f) {
        for (MedicalFlag flag : FLAGS) {
            Contraindication c = in.prepared().floor(flag);
            if (c == null) {
                continue;
            }
            Answer answer = in.assessment().answer(flag);
            if (answer == Answer.UNKNOWN) {
                f.needsInformation(in.prepared().memo(Memo.SKIN_EFFECT, flag.ordinal(), in, (input, v) -> {
                    MedicalFlag asked = FLAGS[v];
                    Contraindication ci = input.prepared().floor(asked);
                    return new Reason(SkinEffectSafety.RULE, "We need your answer to: \"" + asked.question()
                            + "\" It matters for this treatment: " + lower(ci.text()),
                            input.sources().describe(ci.sources()));
                }));
            } else if (answer == Answer.YES) {
                severe(f, c, in.prepared().memo(Memo.SKIN_EFFECT, FLAGS.length + flag.ordinal(), in, (input, v) -> {
                    MedicalFlag asked = FLAGS[v - FLAGS.length];
                    Contraindication ci = input.prepared().floor(asked);
                    return severeReason(ci, SkinEffectSafety.RULE, "You answered yes to: \"" + asked.question()
                            + "\" " + ci.text(), input.sources().describe(ci.sources()));
                }), null);
            }
        }
    }

    /** Isotretinoin taken within the treatment's washout (a clinic setting) excludes it until the washout ends. */
    static void isotretinoinWashout(Rule.Input in, Findings f) {
        int months = in.prepared().washoutMonths();
        if (months <= 0) {
            return;
        }
        LastUse last = in.assessment().isotretinoinLastTaken();
        if (last.never()) {
            return;
        }
        if (last.unknown()) {
            f.needsInformation(in.prepared().memo(Memo.ISOTRETINOIN_UNKNOWN, 0, in, (input, v) -> new Reason(
                    "isotretinoin-washout", "Tell us when you last took isotretinoin (Accutane), or that you never "
                    + "have: this treatment needs a " + input.prepared().washoutMonths() + "-month pause after it.",
                    input.sources().describe(input.prepared().washoutSources()))));
            return;
        }
        LocalDate taken = last.date();
        LocalDate until = taken.plusMonths(months);
        if (until.isAfter(in.assessment().asOf())) {
            f.exclude("isotretinoin-washout", "You took isotretinoin on " + taken + ". This treatment needs "
                    + months + " months without it, so it can be reconsidered on " + until + ".",
                    in.sources().describe(in.prepared().washoutSources()), until);
        }
    }

    /** A topical retinoid used within the treatment's pause (a clinic setting) excludes it until the pause ends. */
    static void topicalRetinoidPause(Rule.Input in, Findings f) {
        int days = in.prepared().retinoidPauseDays();
        if (days <= 0) {
            return;
        }
        LastUse last = in.assessment().topicalRetinoidLastUsed();
        if (last.never()) {
            return;
        }
        if (last.unknown()) {
            f.needsInformation(in.prepared().memo(Memo.RETINOID_UNKNOWN, 0, in, (input, v) -> new Reason(
                    "topical-retinoid-pause", "Tell us when you last used a retinoid cream (such as tretinoin or "
                    + "retinol), or that you never have: stop it " + input.prepared().retinoidPauseDays()
                    + " days before this treatment.",
                    input.sources().describe(input.prepared().retinoidPauseSources()))));
            return;
        }
        LocalDate used = last.date();
        LocalDate until = used.plusDays(days);
        if (until.isAfter(in.assessment().asOf())) {
            f.exclude("topical-retinoid-pause", "You used a retinoid on " + used + ". Stop it " + days
                    + " days before this treatment: it can be done from " + until + ".",
                    in.sources().describe(in.prepared().retinoidPauseSources()), until);
        }
    }

    /** Fitzpatrick types IV-VI (the threshold is a setting) risk dark and light patches after some treatments. */
    static void fitzpatrickPigmentationRisk(Rule.Input in, Findings f) {
        Contraindication c = in.prepared().contraindication(FITZPATRICK_IV_VI);
        if (c == null) {
            return;
        }
        Integer type = in.assessment().fitzpatrick();
        if (type == null) {
            f.needsInformation(in.prepared().memo(Memo.FITZPATRICK_UNKNOWN, 0, in, (input, v) -> new Reason(
                    "fitzpatrick-pigmentation-risk", "Tell us your skin type on the Fitzpatrick scale (how your skin "
                    + "burns and tans): darker skin can change colour after this treatment.",
                    input.sources().describe(input.prepared().contraindication(FITZPATRICK_IV_VI).sources()))));
        } else if (type >= in.settings().fitzpatrickRiskFrom().value()) {
            severe(f, c, in.prepared().memo(Memo.FITZPATRICK, type, in, (input, v) -> {
                Contraindication ci = input.prepared().contraindication(FITZPATRICK_IV_VI);
                return severeReason(ci, "fitzpatrick-pigmentation-risk", "Your skin (Fitzpatrick " + roman(v)
                        + ") is at risk of dark or light patches after this treatment. " + ci.text(),
                        input.sources().describe(ci.sources()));
            }), null);
        }
    }

    /** Under the treatment's minimum age (a clinic setting, e.g. 22 for microneedling devices) it is not done. */
    static void minimumAge(Rule.Input in, Findings f) {
        Integer minimum = in.prepared().minimumAge();
        if (minimum == null) {
            return;
        }
        Integer age = in.assessment().age();
        if (age != null && age >= minimum) {
            return;
        }
        if (age == null) {
            f.needsInformation(in.prepared().memo(Memo.AGE_UNKNOWN, 0, in, (input, v) -> new Reason("minimum-age",
                    "Tell us your age: this treatment is for people aged " + input.prepared().minimumAge()
                    + " and over.", input.sources().describe(input.prepared().minimumAgeSources()))));
            return;
        }
        String source = in.sources().describe(in.prepared().minimumAgeSources());
        Contraindication c = in.prepared().contraindication("under-minimum-age");
        String text = "This treatment is for people aged " + minimum + " and over.";
        if (c != null && c.severity() == Severity.RELATIVE) {
            f.caution("minimum-age", text + " " + c.text(), source);
        } else {
            f.exclude("minimum-age", text, source, null);
        }
    }

    /** Sensitive (thin) skin takes only gentle suction and exfoliation where the catalog says so. */
    static void thinOrSensitiveSkin(Rule.Input in, Findings f) {
        Contraindication c = in.prepared().contraindication(THIN_OR_SENSITIVE_SKIN);
        if (c == null) {
            return;
        }
        SkinType type = in.assessment().skinType();
        if (type == null) {
            f.needsInformation(in.prepared().memo(Memo.SKIN_TYPE_UNKNOWN, 0, in, (input, v) -> new Reason(
                    "thin-or-sensitive-skin", "Tell us your skin type: sensitive skin needs a gentler approach here.",
                    input.sources().describe(input.prepared().contraindication(THIN_OR_SENSITIVE_SKIN).sources()))));
        } else if (type == SkinType.SENSITIVE) {
            severe(f, c, in.prepared().memo(Memo.SENSITIVE_SKIN, 0, in, (input, v) -> {
                Contraindication ci = input.prepared().contraindication(THIN_OR_SENSITIVE_SKIN);
                return severeReason(ci, "thin-or-sensitive-skin", "Your skin is sensitive. " + ci.text(),
                        input.sources().describe(ci.sources()));
            }), null);
        }
    }

    /**
     * Contraindications the intake does not ask about are named, so that the client knows they will
     * be checked. Isotretinoin, retinoids and age count as asked only where a setting gives this
     * treatment a washout, a pause or a minimum age; otherwise the practitioner checks them too.
     */
    static void checkedAtVisit(Rule.Input in, Findings f) {
        Reason reason = in.prepared().memo(Memo.CHECKED_AT_VISIT, 0, in, SafetyRules::checkedAtVisitReason);
        if (reason != PreparedTreatment.NONE) {
            f.note(reason);
        }
    }

    private static Reason checkedAtVisitReason(Rule.Input in, int unused) {
        List<Contraindication> unasked = in.treatment().contraindications().stream()
                .filter(c -> !asked(c.code(), in)).toList();
        if (unasked.isEmpty()) {
            return PreparedTreatment.NONE;
        }
        String what = unasked.stream().map(c -> lower(stripDot(c.text()))).collect(Collectors.joining("; "));
        return new Reason("checked-at-visit", "Your practitioner will check at the visit for: " + what + ".",
                in.sources().describe(unasked.stream().flatMap(c -> c.sources().stream()).distinct().toList()));
    }

    /** Whether the intake's answers settle a contraindication of this code for this treatment. */
    static boolean asked(String code, Rule.Input in) {
        return switch (code) {
            case "isotretinoin" -> in.prepared().washoutMonths() > 0;
            case "topical-retinoid" -> in.prepared().retinoidPauseDays() > 0;
            case "under-minimum-age" -> in.prepared().minimumAge() != null;
            default -> ASKED.contains(code);
        };
    }

    /** Who may perform the treatment where the clinic practises, when the catalog knows that jurisdiction. */
    static void scopeOfPractice(Rule.Input in, Findings f) {
        Treatment.Qualification q = in.treatment().qualification();
        if (q == null || in.jurisdiction() == null) {
            return;
        }
        List<Treatment.Scope> scope = q.scope();
        for (int i = 0; i < scope.size(); i++) {
            if (scope.get(i).jurisdiction().equals(in.jurisdiction())) {
                f.note(in.prepared().memo(Memo.SCOPE_OF_PRACTICE, i, in, SafetyRules::scopeReason));
                return;
            }
        }
    }

    private static Reason scopeReason(Rule.Input in, int index) {
        Treatment.Scope s = in.treatment().qualification().scope().get(index);
        return new Reason("scope-of-practice", "In " + s.jurisdiction() + " this treatment is performed by: "
                + s.performers().stream().map(Performer::label).collect(Collectors.joining(", ")) + "."
                + (s.note() == null ? "" : " " + s.note()), in.sources().describe(s.sources()));
    }

    /** An absolute contraindication excludes; a relative one asks for the practitioner's judgement. */
    private static void severe(Findings f, Contraindication c, Reason reason, LocalDate until) {
        if (c.severity() == Severity.ABSOLUTE) {
            f.exclude(reason, until);
        } else {
            f.caution(reason);
        }
    }

    /** The reason {@link #severe} records: a relative contraindication adds who decides. */
    private static Reason severeReason(Contraindication c, String rule, String text, String source) {
        return c.severity() == Severity.ABSOLUTE ? new Reason(rule, text, source)
                : new Reason(rule, text + " Your practitioner will decide whether it is right for you.", source);
    }

    static String roman(int type) {
        return List.of("I", "II", "III", "IV", "V", "VI").get(Math.max(1, Math.min(6, type)) - 1);
    }

    private static String lower(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static String stripDot(String text) {
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
}
