package com.clearskin.recommendation;

import com.clearskin.assessment.Answer;
import com.clearskin.assessment.LastUse;
import com.clearskin.assessment.MedicalFlag;
import com.clearskin.catalog.Performer;
import com.clearskin.catalog.Severity;
import com.clearskin.catalog.SkinType;
import com.clearskin.catalog.Treatment;
import com.clearskin.catalog.Treatment.Contraindication;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
        java.util.Set<String> asked = new java.util.HashSet<>();
        for (MedicalFlag flag : MedicalFlag.values()) {
            asked.add(flag.contraindication());
        }
        asked.addAll(List.of("isotretinoin", "topical-retinoid", "fitzpatrick-iv-vi", "under-minimum-age",
                "thin-or-sensitive-skin"));
        ASKED = Set.copyOf(asked);
    }

    private SafetyRules() {
    }

    /** Every safety rule, in the order they are applied. */
    static List<Rule> all() {
        List<Rule> rules = new ArrayList<>();
        for (MedicalFlag flag : MedicalFlag.values()) {
            rules.add(Rule.of(flag.contraindication(), (in, f) -> medicalAnswer(flag, in, f)));
        }
        rules.add(Rule.of("isotretinoin-washout", SafetyRules::isotretinoinWashout));
        rules.add(Rule.of("topical-retinoid-pause", SafetyRules::topicalRetinoidPause));
        rules.add(Rule.of("fitzpatrick-pigmentation-risk", SafetyRules::fitzpatrickPigmentationRisk));
        rules.add(Rule.of("minimum-age", SafetyRules::minimumAge));
        rules.add(Rule.of("thin-or-sensitive-skin", SafetyRules::thinOrSensitiveSkin));
        rules.add(Rule.of("checked-at-visit", SafetyRules::checkedAtVisit));
        rules.add(Rule.of("scope-of-practice", SafetyRules::scopeOfPractice));
        return List.copyOf(rules);
    }

    /**
     * A medical answer against the treatment's contraindication of the same code: yes excludes an
     * absolute one and asks for caution with a relative one; unknown asks for the answer.
     */
    static void medicalAnswer(MedicalFlag flag, Rule.Input in, Findings f) {
        Optional<Contraindication> c = contraindication(in.treatment(), flag.contraindication());
        if (c.isEmpty()) {
            return;
        }
        Answer answer = in.assessment().answer(flag);
        String source = in.sources().describe(c.get().sources());
        if (answer == Answer.UNKNOWN) {
            f.needsInformation(flag.contraindication(), "We need your answer to: \"" + flag.question()
                    + "\" It matters for this treatment: " + lower(c.get().text()), source);
        } else if (answer == Answer.YES) {
            severe(f, c.get(), flag.contraindication(), "You answered yes to: \"" + flag.question() + "\" "
                    + c.get().text(), source, null);
        }
    }

    /** Isotretinoin taken within the treatment's washout (a clinic setting) excludes it until the washout ends. */
    static void isotretinoinWashout(Rule.Input in, Findings f) {
        int months = in.settings().washoutMonths(in.treatment().code());
        if (months <= 0) {
            return;
        }
        String source = in.sources().describe(settingSources(in.settings().isotretinoinWashoutMonths(), in));
        LastUse last = in.assessment().isotretinoinLastTaken();
        if (last.unknown()) {
            f.needsInformation("isotretinoin-washout", "Tell us when you last took isotretinoin (Accutane), or "
                    + "that you never have: this treatment needs a " + months + "-month pause after it.", source);
            return;
        }
        last.lastDate().ifPresent(taken -> {
            LocalDate until = taken.plusMonths(months);
            if (until.isAfter(asOf(in))) {
                f.exclude("isotretinoin-washout", "You took isotretinoin on " + taken + ". This treatment needs "
                        + months + " months without it, so it can be reconsidered on " + until + ".", source, until);
            }
        });
    }

    /** A topical retinoid used within the treatment's pause (a clinic setting) excludes it until the pause ends. */
    static void topicalRetinoidPause(Rule.Input in, Findings f) {
        int days = in.settings().retinoidPauseDays(in.treatment().code());
        if (days <= 0) {
            return;
        }
        String source = in.sources().describe(settingSources(in.settings().topicalRetinoidPauseDays(), in));
        LastUse last = in.assessment().topicalRetinoidLastUsed();
        if (last.unknown()) {
            f.needsInformation("topical-retinoid-pause", "Tell us when you last used a retinoid cream (such as "
                    + "tretinoin or retinol), or that you never have: stop it " + days + " days before this treatment.",
                    source);
            return;
        }
        last.lastDate().ifPresent(used -> {
            LocalDate until = used.plusDays(days);
            if (until.isAfter(asOf(in))) {
                f.exclude("topical-retinoid-pause", "You used a retinoid on " + used + ". Stop it " + days
                        + " days before this treatment: it can be done from " + until + ".", source, until);
            }
        });
    }

    /** Fitzpatrick types IV-VI (the threshold is a setting) risk dark and light patches after some treatments. */
    static void fitzpatrickPigmentationRisk(Rule.Input in, Findings f) {
        Optional<Contraindication> c = contraindication(in.treatment(), "fitzpatrick-iv-vi");
        if (c.isEmpty()) {
            return;
        }
        String source = in.sources().describe(c.get().sources());
        Integer type = in.assessment().fitzpatrick();
        if (type == null) {
            f.needsInformation("fitzpatrick-pigmentation-risk", "Tell us your skin type on the Fitzpatrick scale "
                    + "(how your skin burns and tans): darker skin can change colour after this treatment.", source);
        } else if (type >= in.settings().fitzpatrickRiskFrom().value()) {
            severe(f, c.get(), "fitzpatrick-pigmentation-risk", "Your skin (Fitzpatrick " + roman(type) + ") is at "
                    + "risk of dark or light patches after this treatment. " + c.get().text(), source, null);
        }
    }

    /** Under the treatment's minimum age (a clinic setting, e.g. 22 for microneedling devices) it is not done. */
    static void minimumAge(Rule.Input in, Findings f) {
        Integer minimum = in.settings().minimumAge(in.treatment().code());
        if (minimum == null) {
            return;
        }
        String source = in.sources().describe(settingSources(in.settings().minimumAge(), in));
        Integer age = in.assessment().age();
        if (age == null) {
            f.needsInformation("minimum-age", "Tell us your age: this treatment is for people aged " + minimum
                    + " and over.", source);
        } else if (age < minimum) {
            Contraindication c = contraindication(in.treatment(), "under-minimum-age").orElse(null);
            String text = "This treatment is for people aged " + minimum + " and over.";
            if (c != null && c.severity() == Severity.RELATIVE) {
                f.caution("minimum-age", text + " " + c.text(), source);
            } else {
                f.exclude("minimum-age", text, source, null);
            }
        }
    }

    /** Sensitive (thin) skin takes only gentle suction and exfoliation where the catalog says so. */
    static void thinOrSensitiveSkin(Rule.Input in, Findings f) {
        Optional<Contraindication> c = contraindication(in.treatment(), "thin-or-sensitive-skin");
        if (c.isEmpty()) {
            return;
        }
        String source = in.sources().describe(c.get().sources());
        SkinType type = in.assessment().skinType();
        if (type == null) {
            f.needsInformation("thin-or-sensitive-skin", "Tell us your skin type: sensitive skin needs a gentler "
                    + "approach here.", source);
        } else if (type == SkinType.SENSITIVE) {
            severe(f, c.get(), "thin-or-sensitive-skin", "Your skin is sensitive. " + c.get().text(), source, null);
        }
    }

    /** Contraindications the intake does not ask about are named, so that the client knows they will be checked. */
    static void checkedAtVisit(Rule.Input in, Findings f) {
        List<Contraindication> unasked = in.treatment().contraindications().stream()
                .filter(c -> !ASKED.contains(c.code())).toList();
        if (unasked.isEmpty()) {
            return;
        }
        String what = unasked.stream().map(c -> lower(stripDot(c.text()))).collect(Collectors.joining("; "));
        f.note("checked-at-visit", "Your practitioner will check at the visit for: " + what + ".",
                in.sources().describe(unasked.stream().flatMap(c -> c.sources().stream()).distinct().toList()));
    }

    /** Who may perform the treatment where the clinic practises, when the catalog knows that jurisdiction. */
    static void scopeOfPractice(Rule.Input in, Findings f) {
        Treatment.Qualification q = in.treatment().qualification();
        if (q == null || in.jurisdiction() == null) {
            return;
        }
        q.scope().stream().filter(s -> s.jurisdiction().equals(in.jurisdiction())).findFirst().ifPresent(s ->
                f.note("scope-of-practice", "In " + s.jurisdiction() + " this treatment is performed by: "
                        + s.performers().stream().map(Performer::label).collect(Collectors.joining(", ")) + "."
                        + (s.note() == null ? "" : " " + s.note()), in.sources().describe(s.sources())));
    }

    private static void severe(Findings f, Contraindication c, String rule, String text, String source,
            LocalDate until) {
        if (c.severity() == Severity.ABSOLUTE) {
            f.exclude(rule, text, source, until);
        } else {
            f.caution(rule, text + " Your practitioner will decide whether it is right for you.", source);
        }
    }

    static Optional<Contraindication> contraindication(Treatment t, String code) {
        return t.contraindications().stream().filter(c -> c.code().equals(code)).findFirst();
    }

    private static List<String> settingSources(java.util.Map<String, RuleSettings.Setting> map, Rule.Input in) {
        RuleSettings.Setting s = map.get(in.treatment().code());
        return s == null ? List.of() : s.sources();
    }

    private static LocalDate asOf(Rule.Input in) {
        return in.assessment().asOf();
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
