package com.clearskin.recommendation;

import com.clearskin.assessment.Cause;
import com.clearskin.assessment.MedicalFlag;
import com.clearskin.catalog.BodyArea;
import com.clearskin.catalog.Concern;
import com.clearskin.catalog.SkinType;
import com.clearskin.catalog.Treatment;
import com.clearskin.catalog.Treatment.Contraindication;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One treatment made ready for the rules: its contraindications by code, what it suits and treats,
 * its cadence and course for each skin type, and the reasons that do not depend on the client
 * beyond a small key (worked out the first time a rule asks, then reused), and the settings that
 * concern it. Thread-safe. Belongs to one {@link PreparedCatalog}, so to one set of rule settings
 * and one source register.
 */
public final class PreparedTreatment {

    /** What {@link #memo} keeps when a rule has nothing to say for a key. */
    static final Reason NONE = new Reason("", "", "");

    private static final SkinType[] SKIN_TYPES = SkinType.values();
    private static final MedicalFlag[] FLAGS = MedicalFlag.values();

    private final Treatment treatment;
    private final Map<String, Contraindication> contraindications;
    private final Contraindication[] byFlag = new Contraindication[FLAGS.length];
    private final Contraindication[] floorByFlag = new Contraindication[FLAGS.length];
    private final boolean anyFloor;
    private final int washoutMonths;
    private final int retinoidPauseDays;
    private final Integer minimumAge;
    private final int[] concernBit = new int[Concern.values().length];
    private final int causesAddressed;
    private final boolean[] treats = new boolean[BodyArea.values().length];
    private final Treatment.Cadence[] cadence = new Treatment.Cadence[SKIN_TYPES.length];
    private final CoursePlan[] courses = new CoursePlan[SKIN_TYPES.length + 1];
    private final List<String> washoutSources;
    private final List<String> retinoidPauseSources;
    private final List<String> minimumAgeSources;
    private final Reason[][] memo = new Reason[Memo.values().length][];
    private volatile Applicable applicable;

    /** The rules of one engine that may find something for this treatment. */
    private record Applicable(Rule[] of, Rule[] rules) {
    }

    /** What a memoised reason is for, and how many values it takes (0 to size - 1). */
    enum Memo {
        MEDICAL_ANSWER(MedicalFlag.values().length * 2), SKIN_EFFECT(MedicalFlag.values().length * 2),
        ISOTRETINOIN_UNKNOWN(1), RETINOID_UNKNOWN(1),
        FITZPATRICK_UNKNOWN(1), FITZPATRICK(7), AGE_UNKNOWN(1), SKIN_TYPE_UNKNOWN(1), SENSITIVE_SKIN(1),
        CHECKED_AT_VISIT(1), SCOPE_OF_PRACTICE(16), CADENCE(SkinType.values().length),
        /** The value is a set of the treatment's concerns: bit i for {@code concerns().get(i)} ({@link #concernBit}). */
        CONCERNS_SUITED(0),
        AREAS_TREATED(1 << BodyArea.values().length), AREAS_NOT_TREATED(1 << BodyArea.values().length),
        CAUSES_ADDRESSED(1 << Cause.values().length);

        final int size;

        Memo(int size) {
            this.size = size;
        }
    }

    PreparedTreatment(Treatment treatment, RuleSettings settings) {
        this.treatment = treatment;
        Map<String, Contraindication> byCode = new HashMap<>();
        for (Contraindication c : treatment.contraindications()) {
            byCode.putIfAbsent(c.code(), c);
        }
        this.contraindications = byCode;
        boolean floors = false;
        for (MedicalFlag flag : FLAGS) {
            Contraindication listed = byCode.get(flag.contraindication());
            Contraindication floor = SkinEffectSafety.floor(treatment, flag, listed);
            byFlag[flag.ordinal()] = floor == null ? listed : null;
            floorByFlag[flag.ordinal()] = floor;
            floors |= floor != null;
        }
        this.anyFloor = floors;
        this.washoutMonths = settings.washoutMonths(treatment.code());
        this.retinoidPauseDays = settings.retinoidPauseDays(treatment.code());
        this.minimumAge = settings.minimumAge(treatment.code());
        this.washoutSources = sources(settings.isotretinoinWashoutMonths(), treatment.code());
        this.retinoidPauseSources = sources(settings.topicalRetinoidPauseDays(), treatment.code());
        this.minimumAgeSources = sources(settings.minimumAge(), treatment.code());
        Arrays.fill(concernBit, -1);
        List<Concern> concerns = treatment.concerns();
        for (int i = 0; i < concerns.size() && i < 16; i++) {
            if (concernBit[concerns.get(i).ordinal()] < 0) {
                concernBit[concerns.get(i).ordinal()] = i;
            }
        }
        this.causesAddressed = FitRules.causesAddressed(treatment);
        treatment.bodyAreas().forEach(a -> treats[a.ordinal()] = true);
        for (SkinType type : SKIN_TYPES) {
            cadence[type.ordinal()] = treatment.cadence().stream().filter(c -> c.skinTypes().contains(type))
                    .findFirst().orElse(null);
        }
    }

    public Treatment treatment() {
        return treatment;
    }

    public String code() {
        return treatment.code();
    }

    /** The treatment's contraindication of that code (the first, if the catalog lists it twice), or null. */
    Contraindication contraindication(String code) {
        return contraindications.get(code);
    }

    /** Those of {@code rules} (an engine's, always the same array) that may find something for this treatment. */
    Rule[] applicable(Rule[] rules) {
        Applicable known = applicable;
        if (known == null || known.of() != rules) {
            known = new Applicable(rules, Arrays.stream(rules).filter(r -> r.mayApplyTo(this)).toArray(Rule[]::new));
            applicable = known;
        }
        return known.rules();
    }

    /**
     * The catalog's contraindication a yes to that medical question matches, or null (also where the
     * skin effects' floor replaces it: see {@link #floor}).
     */
    Contraindication contraindication(MedicalFlag flag) {
        return byFlag[flag.ordinal()];
    }

    /** The contraindication the treatment's skin effects require where the catalog lists none as strong, or null. */
    Contraindication floor(MedicalFlag flag) {
        return floorByFlag[flag.ordinal()];
    }

    /** Whether the skin effects add any contraindication to the catalog's. */
    boolean anyFloor() {
        return anyFloor;
    }

    /** The settings' isotretinoin washout for this treatment, in months (0: none). */
    int washoutMonths() {
        return washoutMonths;
    }

    /** The settings' topical retinoid pause for this treatment, in days (0: none). */
    int retinoidPauseDays() {
        return retinoidPauseDays;
    }

    /** The settings' minimum age for this treatment, or null. */
    Integer minimumAge() {
        return minimumAge;
    }

    boolean suits(Concern concern) {
        return concernBit[concern.ordinal()] >= 0;
    }

    /** Where the concern stands in the treatment's list of concerns (its bit in a set of them), or -1. */
    int concernBit(Concern concern) {
        return concernBit[concern.ordinal()];
    }

    /** The causes the treatment addresses, bit i for {@code Cause.values()[i]}: see {@link FitRules#causeMatch}. */
    int causesAddressed() {
        return causesAddressed;
    }

    boolean treats(BodyArea area) {
        return treats[area.ordinal()];
    }

    /** The catalog's cadence for that skin type, or null (also for an unknown skin type). */
    Treatment.Cadence cadence(SkinType type) {
        return type == null ? null : cadence[type.ordinal()];
    }

    /** The course for a client of that skin type (null: unknown), planned once (plans are immutable). */
    CoursePlan course(SkinType type) {
        int at = type == null ? SKIN_TYPES.length : type.ordinal();
        CoursePlan plan = courses[at];
        if (plan == null) {
            plan = Courses.plan(treatment, type);
            courses[at] = plan;
        }
        return plan;
    }

    /** The sources of the isotretinoin washout setting for this treatment. */
    List<String> washoutSources() {
        return washoutSources;
    }

    /** The sources of the topical retinoid pause setting for this treatment. */
    List<String> retinoidPauseSources() {
        return retinoidPauseSources;
    }

    /** The sources of the minimum age setting for this treatment. */
    List<String> minimumAgeSources() {
        return minimumAgeSources;
    }

    /** Makes a reason from the rule's input and the memo's value alone (so a non-capturing lambda). */
    @FunctionalInterface
    interface Maker {
        Reason make(Rule.Input in, int value);
    }

    /**
     * The reason {@code make} gives for {@code what} and {@code value}, made once (at most a few
     * times when threads race, all equal); {@link #NONE} stands for no reason. The reason may depend
     * on this treatment, the settings, the sources and {@code value}, and on nothing else of
     * {@code in}. Reasons are immutable, so that sharing them between threads without locks is safe.
     */
    Reason memo(Memo what, int value, Rule.Input in, Maker make) {
        Reason[] made = memo[what.ordinal()];
        if (made == null) {
            int size = what == Memo.CONCERNS_SUITED ? 1 << Math.min(16, treatment.concerns().size()) : what.size;
            made = new Reason[size];
            memo[what.ordinal()] = made;
        }
        if (value < 0 || value >= made.length) {
            return make.make(in, value);
        }
        Reason reason = made[value];
        if (reason == null) {
            reason = make.make(in, value);
            made[value] = reason;
        }
        return reason;
    }

    private static List<String> sources(Map<String, RuleSettings.Setting> settings, String treatment) {
        RuleSettings.Setting s = settings.get(treatment);
        return s == null ? List.of() : s.sources();
    }
}
