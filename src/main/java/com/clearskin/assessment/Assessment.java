package com.clearskin.assessment;

import com.clearskin.catalog.BodyArea;
import com.clearskin.catalog.Concern;
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
 * named twice must not weigh twice.
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
        String jurisdiction) {

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
                isotretinoinLastTaken, topicalRetinoidLastUsed, asOf, budgetUsd, jurisdiction);
    }

    /**
     * The time-bound facts (isotretinoin, retinoid creams, pregnancy or breastfeeding) as the
     * client's history knows them: this assessment's answer where it gives one, otherwise the one
     * the {@code earlier} assessment knew. A later unknown never erases an earlier known answer, and
     * unknown stays unknown (never "no"); a later explicit answer replaces an earlier one (see
     * {@link Answer#latestKnown} and {@link LastUse#latestKnown}). Everything else is this assessment's.
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
                jurisdiction);
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
                isotretinoinLastTaken, topicalRetinoidLastUsed, asOf, budgetUsd, jurisdiction);
    }
}
