package com.clearskin.assessment;

import com.clearskin.catalog.BodyArea;
import com.clearskin.catalog.Concern;
import com.clearskin.catalog.InvasivenessLevel;
import com.clearskin.catalog.SkinType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A client's skin and health at one moment: what the recommendation engine reads. Age, skin type
 * and Fitzpatrick type may be unknown (null); every medical answer is yes, no or unknown. Concerns,
 * body areas and causes are kept once each, in the order first given (nulls dropped): a concern
 * named twice must not weigh twice. {@code severity} gives some concerns a severity (the others are
 * moderate: see {@link #severityOf}); {@code triedWithoutEnoughImprovement} names the invasiveness
 * levels the client's history shows were tried without enough improvement (a completed course, or
 * the practitioner's statement), so that the step-up rule may go past them.
 */
public record Assessment(
        Integer age,
        SkinType skinType,
        Integer fitzpatrick,
        List<Concern> concerns,
        List<BodyArea> bodyAreas,
        List<Cause> causes,
        Map<MedicalFlag, Answer> medical,
        LastUse isotretinoinLastTaken,
        LastUse topicalRetinoidLastUsed,
        LocalDate asOf,
        BigDecimal budgetUsd,
        String jurisdiction,
        Map<Concern, ConcernSeverity> severity,
        List<InvasivenessLevel> triedWithoutEnoughImprovement) {

    /** An assessment without severities or treatment history (every concern moderate, nothing tried). */
    public Assessment(Integer age, SkinType skinType, Integer fitzpatrick, List<Concern> concerns,
            List<BodyArea> bodyAreas, List<Cause> causes, Map<MedicalFlag, Answer> medical,
            LastUse isotretinoinLastTaken, LastUse topicalRetinoidLastUsed, LocalDate asOf, BigDecimal budgetUsd,
            String jurisdiction) {
        this(age, skinType, fitzpatrick, concerns, bodyAreas, causes, medical, isotretinoinLastTaken,
                topicalRetinoidLastUsed, asOf, budgetUsd, jurisdiction, null, null);
    }

    public Assessment {
        concerns = distinct(concerns);
        bodyAreas = distinct(bodyAreas);
        causes = distinct(causes);
        EnumMap<MedicalFlag, Answer> answers = new EnumMap<>(MedicalFlag.class);
        for (MedicalFlag flag : MedicalFlag.values()) {
            Answer answer = medical == null ? null : medical.get(flag);
            answers.put(flag, answer == null ? Answer.UNKNOWN : answer);
        }
        medical = java.util.Collections.unmodifiableMap(answers);
        isotretinoinLastTaken = isotretinoinLastTaken == null ? LastUse.UNKNOWN : isotretinoinLastTaken;
        topicalRetinoidLastUsed = topicalRetinoidLastUsed == null ? LastUse.UNKNOWN : topicalRetinoidLastUsed;
        EnumMap<Concern, ConcernSeverity> severities = new EnumMap<>(Concern.class);
        if (severity != null) {
            severity.forEach((concern, level) -> {
                if (concern != null && level != null && level != ConcernSeverity.MODERATE) {
                    severities.put(concern, level);
                }
            });
        }
        severity = java.util.Collections.unmodifiableMap(severities);
        triedWithoutEnoughImprovement = triedWithoutEnoughImprovement == null ? List.of()
                : triedWithoutEnoughImprovement.stream().filter(java.util.Objects::nonNull).distinct().sorted()
                .toList();
    }

    /** The concern's severity: as given, moderate when not given. */
    public ConcernSeverity severityOf(Concern concern) {
        return severity.getOrDefault(concern, ConcernSeverity.MODERATE);
    }

    /** The most invasive level tried without enough improvement, or null when none was. */
    public InvasivenessLevel mostInvasiveTried() {
        return triedWithoutEnoughImprovement.isEmpty() ? null
                : triedWithoutEnoughImprovement.get(triedWithoutEnoughImprovement.size() - 1);
    }

    /** A copy with another severity for one concern. */
    public Assessment withSeverity(Concern concern, ConcernSeverity level) {
        Map<Concern, ConcernSeverity> other = new EnumMap<>(Concern.class);
        other.putAll(severity);
        other.put(concern, level);
        return new Assessment(age, skinType, fitzpatrick, concerns, bodyAreas, causes, medical,
                isotretinoinLastTaken, topicalRetinoidLastUsed, asOf, budgetUsd, jurisdiction, other,
                triedWithoutEnoughImprovement);
    }

    /** A copy with other levels tried without enough improvement. */
    public Assessment withTried(List<InvasivenessLevel> tried) {
        return new Assessment(age, skinType, fitzpatrick, concerns, bodyAreas, causes, medical,
                isotretinoinLastTaken, topicalRetinoidLastUsed, asOf, budgetUsd, jurisdiction, severity, tried);
    }

    /** A copy with another age and date (everything else the same). */
    public Assessment withAgeAndDate(Integer otherAge, LocalDate otherAsOf) {
        return new Assessment(otherAge, skinType, fitzpatrick, concerns, bodyAreas, causes, medical,
                isotretinoinLastTaken, topicalRetinoidLastUsed, otherAsOf, budgetUsd, jurisdiction, severity,
                triedWithoutEnoughImprovement);
    }

    private static <T> List<T> distinct(List<T> values) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        return values.stream().filter(java.util.Objects::nonNull).distinct().toList();
    }

    private static final List<BodyArea> FACE = List.of(BodyArea.FACE);

    public Answer answer(MedicalFlag flag) {
        return medical.get(flag);
    }

    /** The body areas the client wants treated; the face when none is named. */
    public List<BodyArea> areasOrFace() {
        return bodyAreas.isEmpty() ? FACE : bodyAreas;
    }

    /** A copy with one medical answer changed. */
    public Assessment with(MedicalFlag flag, Answer answer) {
        Map<MedicalFlag, Answer> answers = new EnumMap<>(medical);
        answers.put(flag, answer);
        return new Assessment(age, skinType, fitzpatrick, concerns, bodyAreas, causes, answers,
                isotretinoinLastTaken, topicalRetinoidLastUsed, asOf, budgetUsd, jurisdiction, severity,
                triedWithoutEnoughImprovement);
    }

    /**
     * The time-bound facts (isotretinoin, retinoid creams, pregnancy or breastfeeding) as the
     * client's history knows them: this assessment's answer where it gives one, otherwise the one
     * the {@code earlier} assessment knew. A later unknown never erases an earlier known answer, and
     * unknown stays unknown (never "no"); a later explicit answer replaces an earlier one (see
     * {@link Answer#latestKnown} and {@link LastUse#latestKnown}). The levels tried without enough
     * improvement add up over the history. Everything else is this assessment's.
     */
    public Assessment mergeKnown(Assessment earlier) {
        if (earlier == null) {
            return this;
        }
        Map<MedicalFlag, Answer> answers = new EnumMap<>(medical);
        for (MedicalFlag flag : TIME_BOUND) {
            answers.put(flag, Answer.latestKnown(answer(flag), earlier.answer(flag)));
        }
        return new Assessment(age, skinType, fitzpatrick, concerns, bodyAreas, causes, answers,
                LastUse.latestKnown(isotretinoinLastTaken, earlier.isotretinoinLastTaken),
                LastUse.latestKnown(topicalRetinoidLastUsed, earlier.topicalRetinoidLastUsed), asOf, budgetUsd,
                jurisdiction, severity, union(triedWithoutEnoughImprovement, earlier.triedWithoutEnoughImprovement));
    }

    private static List<InvasivenessLevel> union(List<InvasivenessLevel> a, List<InvasivenessLevel> b) {
        java.util.Set<InvasivenessLevel> all = java.util.EnumSet.noneOf(InvasivenessLevel.class);
        all.addAll(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /** The medical answers that hold for a while after they are given, so that an earlier one still counts. */
    public static final List<MedicalFlag> TIME_BOUND = List.of(MedicalFlag.PREGNANT_OR_BREASTFEEDING);

    /**
     * What a client's assessments, newest first, say together: the newest one, with each time-bound
     * fact it leaves unknown taken from the latest earlier assessment that knew it. Null for none.
     */
    public static Assessment effective(List<Assessment> newestFirst) {
        Assessment effective = null;
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            Assessment next = newestFirst.get(i);
            effective = next.mergeKnown(effective);
        }
        return effective;
    }

    /** A copy with the concerns in another order (or others). */
    public Assessment withConcerns(List<Concern> other) {
        return new Assessment(age, skinType, fitzpatrick, other, bodyAreas, causes, medical,
                isotretinoinLastTaken, topicalRetinoidLastUsed, asOf, budgetUsd, jurisdiction, severity,
                triedWithoutEnoughImprovement);
    }
}
