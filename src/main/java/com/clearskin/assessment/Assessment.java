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

    /** A copy with the concerns in another order (or others). */
    public Assessment withConcerns(List<Concern> other) {
        return new Assessment(age, skinType, fitzpatrick, other, bodyAreas, causes, medical,
                isotretinoinLastTaken, topicalRetinoidLastUsed, asOf, budgetUsd, jurisdiction);
    }
}
