package com.clearskin.assessment;

import java.util.Arrays;
import java.util.Optional;

/**
 * The medical questions of the intake. Each names the JSON field it travels as, the question a
 * client answers, and the catalog contraindication code a "yes" matches.
 */
public enum MedicalFlag {
    PREGNANT_OR_BREASTFEEDING("pregnantOrBreastfeeding", "pregnancy",
            "Are you pregnant or breastfeeding?"),
    ACTIVE_INFECTION_IN_AREA("activeInfectionInArea", "active-infection",
            "Do you have an active skin infection in the area (cold sore, warts, impetigo)?"),
    COLD_SORE_HISTORY("coldSoreHistory", "cold-sore-history",
            "Have you ever had cold sores?"),
    SUNBURN_OR_RECENT_TAN("sunburnOrRecentTan", "sunburn-or-tan",
            "Do you have a sunburn or a recent tan?"),
    OPEN_WOUNDS_IN_AREA("openWoundsInArea", "open-wounds",
            "Do you have open wounds or broken skin in the area?"),
    KELOID_TENDENCY("keloidTendency", "keloid-tendency",
            "Do you tend to form keloid (raised, thick) scars?"),
    ROSACEA_OR_ECZEMA_FLARE("rosaceaOrEczemaFlare", "rosacea-or-eczema-flare",
            "Is your rosacea or eczema flaring now?"),
    PSORIASIS_FLARE("psoriasisFlare", "psoriasis-flare",
            "Is your psoriasis flaring now?"),
    PHOTOSENSITIZING_MEDICATION("photosensitizingMedication", "photosensitizing-medication",
            "Do you take medication that makes you sensitive to light?"),
    AUTOIMMUNE_OR_IMMUNOSUPPRESSED("autoimmuneOrImmunosuppressed", "autoimmune-or-immunosuppressed",
            "Do you have an autoimmune disease or a weakened immune system?"),
    RECENT_CHEMOTHERAPY("recentChemotherapy", "recent-chemotherapy",
            "Have you had chemotherapy recently?"),
    SKIN_CANCER_IN_AREA("skinCancerInArea", "skin-cancer-in-area",
            "Do you have skin cancer in the area?"),
    PACEMAKER_OR_METAL_IN_AREA("pacemakerOrMetalInArea", "pacemaker-or-metal",
            "Do you have a pacemaker, or metal implants in the area?"),
    EPILEPSY("epilepsy", "epilepsy",
            "Do you have epilepsy?"),
    SALICYLATE_ALLERGY("salicylateAllergy", "salicylate-allergy",
            "Are you allergic to salicylates (aspirin, salicylic acid)?");

    private final String field;
    private final String contraindication;
    private final String question;

    MedicalFlag(String field, String contraindication, String question) {
        this.field = field;
        this.contraindication = contraindication;
        this.question = question;
    }

    /** The JSON field name, e.g. {@code pregnantOrBreastfeeding}. */
    public String field() {
        return field;
    }

    /** The catalog contraindication code a "yes" matches, e.g. {@code pregnancy}. */
    public String contraindication() {
        return contraindication;
    }

    public String question() {
        return question;
    }

    public static Optional<MedicalFlag> byField(String field) {
        return Arrays.stream(values()).filter(f -> f.field.equals(field)).findFirst();
    }
}
