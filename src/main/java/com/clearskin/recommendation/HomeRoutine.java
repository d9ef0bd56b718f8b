package com.clearskin.recommendation;

import com.clearskin.assessment.Answer;
import com.clearskin.assessment.Assessment;
import com.clearskin.assessment.MedicalFlag;
import com.clearskin.catalog.Concern;
import com.clearskin.catalog.SkinType;
import com.clearskin.catalog.Treatment;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the at-home deep pore cleansing routine of seed text 001 for one client: each choice is a
 * small named method, so that each can be tested and explained.
 */
final class HomeRoutine {

    static final String SEED = "seed-001";

    private HomeRoutine() {
    }

    static HomeCare write(Assessment a, RuleSettings settings, List<Treatment> catalog, Rule.Sources sources) {
        Treatment facial = catalog.stream().filter(t -> t.code().equals(PreparedCatalog.EXTRACTION_FACIAL))
                .findFirst().orElse(null);
        return write(a, settings, facial, sources);
    }

    /** The routine; {@code extractionFacial} gives the professional cadence (null: the clinic offers none). */
    static HomeCare write(Assessment a, RuleSettings settings, Treatment extractionFacial, Rule.Sources sources) {
        HomeCare.Pause pause = pause(a, settings, sources);
        if (pause != null) {
            return gentle(a, pause, sources);
        }
        HomeCare.Exfoliant exfoliant = exfoliant(a, sources);
        List<HomeCare.Step> steps = List.of(
                new HomeCare.Step(1, "Prepare the skin", "Wash with a gentle cleanser that does not strip the skin "
                        + "(a hydrating gel or low-foam cleanser), then warm the skin to loosen build-up in the pores.",
                        List.of("a warm shower beforehand", "a warm, damp towel for 3-5 minutes",
                                "a facial steamer for 5-10 minutes"), sources.describe(List.of(SEED))),
                new HomeCare.Step(2, "Exfoliate gently", "Apply " + exfoliant.ingredient() + " as its instructions "
                        + "say. The goal is to loosen build-up, not to strip the skin.", List.of(exfoliant.ingredient()),
                        exfoliant.source()),
                new HomeCare.Step(3, "Deep-cleanse", "Lift impurities without forcing or squeezing the pores.",
                        deepCleansingMethods(a), sources.describe(List.of(SEED, "ref-30"))),
                new HomeCare.Step(4, "Soothe and calm", "Apply a soothing product while the skin feels warm or tender.",
                        List.of("aloe vera", "centella asiatica (cica)", "green tea extract", "niacinamide",
                                "chamomile", "hyaluronic acid", "optionally a cool jade roller or gua sha stone"),
                        sources.describe(List.of(SEED))),
                new HomeCare.Step(5, "Hydrate and lock in moisture", "Replenish moisture to keep the skin barrier healthy.",
                        hydration(a), sources.describe(List.of(SEED))));
        return new HomeCare(steps, exfoliant, homeCadence(a, settings, sources),
                professionalCadence(a, extractionFacial, sources), warnings(a, exfoliant, sources));
    }

    /** The gentle-only routine's sources: seed 001 (soothing), exfoliation on broken or burnt skin (ref-40), sun (ref-25, ref-38). */
    static final List<String> GENTLE_SOURCES = List.of(SEED, "ref-40", "ref-25", "ref-38");

    /**
     * Whether the skin is compromised now, so that the routine must stay gentle: a sunburn or recent
     * tan, a flare, open wounds or an active infection answered yes, or isotretinoin taken within the
     * routine's pause (a setting, 6 months by default: ref-4). Null when none applies. Unknown answers
     * keep the full routine, with its warnings.
     */
    static HomeCare.Pause pause(Assessment a, RuleSettings settings, Rule.Sources sources) {
        List<String> because = new ArrayList<>();
        List<String> until = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        if (a.answer(MedicalFlag.SUNBURN_OR_RECENT_TAN) == Answer.YES) {
            because.add("you have a sunburn or a recent tan");
            until.add("the sunburn has healed and stopped peeling and the tan has faded (usually 1-2 weeks)");
            ids.add("ref-40");
        }
        if (a.answer(MedicalFlag.OPEN_WOUNDS_IN_AREA) == Answer.YES) {
            because.add("you have open wounds or broken skin");
            until.add("the skin has closed and healed");
            ids.add("ref-40");
        }
        if (a.answer(MedicalFlag.ACTIVE_INFECTION_IN_AREA) == Answer.YES) {
            because.add("you have an active skin infection");
            until.add("the infection has cleared");
            ids.add("ref-31");
        }
        if (a.answer(MedicalFlag.ROSACEA_OR_ECZEMA_FLARE) == Answer.YES) {
            because.add("your rosacea or eczema is flaring");
            until.add("the flare has settled");
            ids.add("ref-30");
        }
        if (a.answer(MedicalFlag.PSORIASIS_FLARE) == Answer.YES) {
            because.add("your psoriasis is flaring");
            until.add("the flare has settled");
            ids.add("ref-22");
        }
        java.time.LocalDate isotretinoinUntil = null;
        int months = settings.homeIsotretinoinMonths();
        if (months > 0 && a.isotretinoinLastTaken().date() != null && a.asOf() != null) {
            java.time.LocalDate end = a.isotretinoinLastTaken().date().plusMonths(months);
            if (end.isAfter(a.asOf())) {
                isotretinoinUntil = end;
                because.add("you took isotretinoin within the last " + months + " months, which leaves the skin "
                        + "fragile");
                until.add(end + ", " + months + " months after your last dose of isotretinoin");
                ids.addAll(settings.homeRoutineIsotretinoinMonths() == null ? List.of("ref-4")
                        : settings.homeRoutineIsotretinoinMonths().sources());
            }
        }
        if (because.isEmpty()) {
            return null;
        }
        ids.addAll(GENTLE_SOURCES);
        return new HomeCare.Pause(because, isotretinoinUntil, "Until " + String.join(", and until ",
                until.stream().distinct().toList()) + ".", sources.describe(ids.stream().distinct().toList()));
    }

    /** Only gentle cleansing, soothing and sun protection, saying why and until when. */
    static HomeCare gentle(Assessment a, HomeCare.Pause pause, Rule.Sources sources) {
        String why = "Because " + String.join(" and ", pause.because()) + ".";
        String source = pause.source();
        List<HomeCare.Step> steps = List.of(
                new HomeCare.Step(1, "Cleanse gently", "Wash with lukewarm water and a mild, fragrance-free "
                        + "cleanser; pat dry. No steam, hot towels, scrubs or brushes.",
                        List.of("a mild, fragrance-free cleanser", "lukewarm water"), source),
                new HomeCare.Step(2, "Soothe and moisturise", "Calm the skin and keep its barrier moist.",
                        List.of("aloe vera", "centella asiatica (cica)", "niacinamide", "chamomile", "hyaluronic acid",
                                "a plain, non-comedogenic moisturiser"), sources.describe(List.of(SEED))),
                new HomeCare.Step(3, "Protect from the sun", "A broad-spectrum sunscreen (SPF 30 or higher) every "
                        + "morning, reapplied outdoors; shade and a hat.", List.of("broad-spectrum sunscreen SPF 30+"),
                        sources.describe(List.of("ref-25", "ref-38"))));
        HomeCare.Exfoliant none = new HomeCare.Exfoliant("none for now", "No acids or scrubs (AHA, BHA, "
                + "retinol-type exfoliants) while the skin is compromised. " + why, source);
        HomeCare.Cadence cadence = new HomeCare.Cadence(null, null, "Gentle cleansing, soothing and sunscreen every "
                + "day. " + pause.untilText() + " Then the full deep pore cleansing routine can resume.", source);
        List<String> warnings = List.of(
                "No steaming, acids, masks or pore vacuum for now. " + why + " " + pause.untilText(),
                "Do not squeeze or pick: it can scar and infect the skin. Leave extractions to a professional.");
        return new HomeCare(steps, none, cadence, null, warnings, pause);
    }

    /**
     * Seed 001: salicylic acid for oily and acne-prone skin, glycolic for texture, lactic for dry
     * or sensitive skin; never salicylic with a salicylate allergy, nor (as for peels) in pregnancy.
     */
    static HomeCare.Exfoliant exfoliant(Assessment a, Rule.Sources sources) {
        SkinType type = a.skinType();
        boolean noSalicylic = a.answer(MedicalFlag.SALICYLATE_ALLERGY) == Answer.YES
                || a.answer(MedicalFlag.PREGNANT_OR_BREASTFEEDING) == Answer.YES;
        if (type == null) {
            return new HomeCare.Exfoliant("lactic acid", "The gentlest choice until we know your skin type.",
                    sources.describe(List.of(SEED)));
        }
        if (type == SkinType.DRY || type == SkinType.SENSITIVE) {
            return new HomeCare.Exfoliant("lactic acid", "A gentle option for dry or sensitive skin.",
                    sources.describe(List.of(SEED, "ref-57")));
        }
        if ((type == SkinType.OILY || type == SkinType.ACNE_PRONE) && !noSalicylic) {
            return new HomeCare.Exfoliant("salicylic acid (BHA)", "Oil-soluble, it reaches into the pores: "
                    + "excellent for oily and acne-prone skin.", sources.describe(List.of(SEED, "ref-56")));
        }
        String why = a.concerns().contains(Concern.TEXTURE) ? "It smooths texture and boosts cell turnover."
                : "It smooths the skin and boosts cell turnover.";
        if (noSalicylic && (type == SkinType.OILY || type == SkinType.ACNE_PRONE)) {
            why += " Salicylic acid is left out because of "
                    + (a.answer(MedicalFlag.SALICYLATE_ALLERGY) == Answer.YES ? "your salicylate allergy"
                    : "pregnancy or breastfeeding") + ".";
            return new HomeCare.Exfoliant("glycolic acid (AHA)", why, sources.describe(List.of(SEED, "ref-9")));
        }
        return new HomeCare.Exfoliant("glycolic acid (AHA)", why, sources.describe(List.of(SEED)));
    }

    /** Seed 001's at-home methods; the pore vacuum only on low suction, and never with rosacea or thin skin (ref 30). */
    static List<String> deepCleansingMethods(Assessment a) {
        List<String> methods = new ArrayList<>(List.of("a clay mask to draw out impurities and absorb oil",
                "a charcoal mask for congested areas", "an enzyme mask to dissolve debris gently"));
        if (!vacuumUnsafe(a)) {
            methods.add("a pore vacuum on low suction only (higher suction can bruise)");
        }
        return List.copyOf(methods);
    }

    /** How many different routines there are: see {@link #variant}. */
    static final int VARIANTS = (SkinType.values().length + 1) * 3 * 3 * 3 * 3 * 3 * 2;

    /**
     * Which routine the assessment gets, as a number below {@link #VARIANTS}: the routine depends on
     * the skin type, five medical answers and whether texture is a concern, and on nothing else of
     * the assessment. Two assessments with the same variant get the same routine, so it may be
     * written once per variant (see {@link PreparedCatalog}). A change to what the routine reads
     * must be made here too.
     */
    static int variant(Assessment a) {
        int v = a.skinType() == null ? SkinType.values().length : a.skinType().ordinal();
        v = v * 3 + a.answer(MedicalFlag.SALICYLATE_ALLERGY).ordinal();
        v = v * 3 + a.answer(MedicalFlag.PREGNANT_OR_BREASTFEEDING).ordinal();
        v = v * 3 + a.answer(MedicalFlag.ROSACEA_OR_ECZEMA_FLARE).ordinal();
        v = v * 3 + a.answer(MedicalFlag.SUNBURN_OR_RECENT_TAN).ordinal();
        v = v * 3 + a.answer(MedicalFlag.OPEN_WOUNDS_IN_AREA).ordinal();
        return v * 2 + (a.concerns().contains(Concern.TEXTURE) ? 1 : 0);
    }

    static boolean vacuumUnsafe(Assessment a) {
        return a.skinType() == SkinType.SENSITIVE || a.answer(MedicalFlag.ROSACEA_OR_ECZEMA_FLARE) == Answer.YES;
    }

    static List<String> hydration(Assessment a) {
        List<String> items = new ArrayList<>(List.of("a lightweight hydrating serum", "a non-comedogenic moisturiser"));
        if (a.skinType() != SkinType.OILY && a.skinType() != SkinType.ACNE_PRONE) {
            items.add("a facial oil, if you like, for extra nourishment");
        }
        return List.copyOf(items);
    }

    /** Seed 001's whole-session cadence by skin type (a clinic setting). */
    static HomeCare.Cadence homeCadence(Assessment a, RuleSettings settings, Rule.Sources sources) {
        RuleSettings.Range range = a.skinType() == null ? null : settings.homeCleansingCadenceDays().get(a.skinType());
        if (range == null) {
            return new HomeCare.Cadence(null, null, "Oily or acne-prone skin: every 1-2 weeks; normal or combination: "
                    + "every 2-3 weeks; dry or sensitive: about once a month.", sources.describe(List.of(SEED)));
        }
        return new HomeCare.Cadence(range.min(), range.max(), "For " + a.skinType().label().toLowerCase()
                + " skin: a whole session every " + range.min() + "-" + range.max() + " days. Overdoing it irritates "
                + "the skin.", sources.describe(range.sources()));
    }

    /** Professional extraction facials follow the dermatology cadence of the catalog, not the at-home one. */
    static HomeCare.Cadence professionalCadence(Assessment a, Treatment extractionFacial, Rule.Sources sources) {
        if (extractionFacial == null) {
            return null;
        }
        return FitRules.cadence(extractionFacial, a.skinType())
                .map(c -> new HomeCare.Cadence(c.intervalDaysMin(), c.intervalDaysMax(), "Professional facials with "
                        + "extractions: every " + c.intervalDaysMin() + "-" + c.intervalDaysMax() + " days for "
                        + a.skinType().label().toLowerCase() + " skin.", sources.describe(c.sources())))
                .orElse(null);
    }

    static List<String> warnings(Assessment a, HomeCare.Exfoliant exfoliant, Rule.Sources sources) {
        List<String> warnings = new ArrayList<>();
        warnings.add("Do not over-exfoliate: too much damages the skin barrier. Moderation is key.");
        warnings.add("Do not squeeze or pick: it can scar and infect the skin. Leave extractions to a professional.");
        if (vacuumUnsafe(a)) {
            warnings.add("Skip the pore vacuum: it is not for rosacea or thin, sensitive skin.");
        } else if (a.answer(MedicalFlag.ROSACEA_OR_ECZEMA_FLARE) == Answer.UNKNOWN || a.skinType() == null) {
            warnings.add("Use a pore vacuum on low suction only; high suction can bruise or break capillaries. "
                    + "Skip it " + (a.skinType() == null ? "if your skin is thin or sensitive" : "")
                    + (a.skinType() == null && a.answer(MedicalFlag.ROSACEA_OR_ECZEMA_FLARE) == Answer.UNKNOWN
                    ? ", and " : "")
                    + (a.answer(MedicalFlag.ROSACEA_OR_ECZEMA_FLARE) == Answer.UNKNOWN
                    ? "while rosacea or eczema flares" : "") + ".");
        } else {
            warnings.add("Use a pore vacuum on low suction only; high suction can bruise or break capillaries.");
        }
        if (exfoliant.ingredient().contains("glycolic") || exfoliant.ingredient().contains("lactic")) {
            warnings.add("AHAs (glycolic, lactic) raise the risk of sunburn for about a week: wear sunscreen.");
        }
        if (exfoliant.ingredient().contains("salicylic")
                && (a.answer(MedicalFlag.SALICYLATE_ALLERGY) == Answer.UNKNOWN
                || a.answer(MedicalFlag.PREGNANT_OR_BREASTFEEDING) == Answer.UNKNOWN)) {
            warnings.add("Do not use salicylic acid if you are pregnant or breastfeeding, or allergic to salicylates "
                    + "(aspirin): choose glycolic acid instead.");
        }
        if (a.answer(MedicalFlag.SUNBURN_OR_RECENT_TAN) != Answer.NO
                || a.answer(MedicalFlag.OPEN_WOUNDS_IN_AREA) != Answer.NO) {
            warnings.add("Do not exfoliate sunburnt or broken skin: wait until it has healed.");
        }
        if (a.skinType() == SkinType.DRY || a.skinType() == SkinType.SENSITIVE) {
            warnings.add("Masks at most once a week for dry or sensitive skin.");
        }
        return List.copyOf(warnings);
    }
}
