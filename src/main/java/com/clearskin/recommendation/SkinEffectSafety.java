package com.clearskin.recommendation;

import com.clearskin.assessment.MedicalFlag;
import com.clearskin.catalog.Severity;
import com.clearskin.catalog.SkinEffect;
import com.clearskin.catalog.Treatment;
import com.clearskin.catalog.Treatment.Contraindication;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The safety that follows from what a treatment does to the skin, whatever its contraindication
 * list says: sunburn or a recent tan, open wounds, an active infection and flares exclude every
 * treatment that wounds, heats or exfoliates the skin; a tendency to keloid or hypertrophic scars
 * is at least a caution for every treatment that wounds or reaches the dermis. A catalog (a
 * clinic's edited copy included) may say more, never less: where it lists the contraindication at
 * least as strongly, its own entry applies; where it lists it more weakly or not at all, this floor
 * applies, as the rule {@code skin-effect-safety}.
 */
final class SkinEffectSafety {

    static final String RULE = "skin-effect-safety";

    /** What one medical question requires of a treatment with some skin effects. */
    record Floor(MedicalFlag flag, Severity severity, boolean forCompromisedSkin, String text, List<String> sources) {
        boolean appliesTo(Treatment t) {
            for (SkinEffect e : SkinEffect.values()) {
                if (has(t, e) && (forCompromisedSkin ? e.stressesCompromisedSkin() : e.risksRaisedScars())) {
                    return true;
                }
            }
            return false;
        }
    }

    static final Map<MedicalFlag, Floor> FLOORS = new EnumMap<>(Map.of(
            MedicalFlag.SUNBURN_OR_RECENT_TAN, new Floor(MedicalFlag.SUNBURN_OR_RECENT_TAN, Severity.ABSOLUTE, true,
                    "Sunburnt or freshly tanned skin must not be treated this way: wait until it has recovered.",
                    List.of("ref-40", "ref-24", "ref-25")),
            MedicalFlag.OPEN_WOUNDS_IN_AREA, new Floor(MedicalFlag.OPEN_WOUNDS_IN_AREA, Severity.ABSOLUTE, true,
                    "Broken skin or open wounds must heal first.", List.of("ref-40", "ref-22")),
            MedicalFlag.ACTIVE_INFECTION_IN_AREA, new Floor(MedicalFlag.ACTIVE_INFECTION_IN_AREA, Severity.ABSOLUTE,
                    true, "An active skin infection must clear first: treating over it can spread it.",
                    List.of("ref-15", "ref-22", "ref-24")),
            MedicalFlag.ROSACEA_OR_ECZEMA_FLARE, new Floor(MedicalFlag.ROSACEA_OR_ECZEMA_FLARE, Severity.ABSOLUTE,
                    true, "A rosacea or eczema flare must settle first.", List.of("ref-22", "ref-29", "inference")),
            MedicalFlag.PSORIASIS_FLARE, new Floor(MedicalFlag.PSORIASIS_FLARE, Severity.ABSOLUTE, true,
                    "A psoriasis flare must settle first.", List.of("ref-22", "inference")),
            MedicalFlag.KELOID_TENDENCY, new Floor(MedicalFlag.KELOID_TENDENCY, Severity.RELATIVE, false,
                    "A tendency to keloid or hypertrophic (raised) scars: it may scar.",
                    List.of("ref-3", "ref-22", "ref-24"))));

    private SkinEffectSafety() {
    }

    /** A treatment without an invasiveness fact is read as doing everything to the skin, never as harmless. */
    static boolean has(Treatment t, SkinEffect effect) {
        return t.invasiveness() == null || t.has(effect);
    }

    /**
     * The contraindication the floor adds for that question, or null where the treatment's own is at
     * least as strong (or the floor does not concern it).
     */
    static Contraindication floor(Treatment t, MedicalFlag flag, Contraindication listed) {
        Floor floor = FLOORS.get(flag);
        if (floor == null || !floor.appliesTo(t)) {
            return null;
        }
        if (listed != null && (listed.severity() == Severity.ABSOLUTE || listed.severity() == floor.severity())) {
            return null;
        }
        return new Contraindication(flag.contraindication(), floor.severity(), "It " + effects(t, floor) + ". "
                + floor.text(), floor.sources(), null, false);
    }

    /** The effects that bring the floor about, as words: "wounds and heats the skin". */
    static String effects(Treatment t, Floor floor) {
        List<String> words = new java.util.ArrayList<>();
        for (SkinEffect e : SkinEffect.values()) {
            if (has(t, e) && (floor.forCompromisedSkin() ? e.stressesCompromisedSkin() : e.risksRaisedScars())) {
                words.add(switch (e) {
                    case WOUNDS -> "wounds";
                    case HEATS -> "heats";
                    case EXFOLIATES -> "exfoliates";
                    case BREACHES_DERMIS -> "reaches into the deeper layer (dermis) of";
                });
            }
        }
        String joined = words.size() <= 1 ? String.join("", words)
                : String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
        return joined + " the skin";
    }
}
