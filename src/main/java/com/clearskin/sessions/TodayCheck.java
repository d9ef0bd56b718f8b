package com.clearskin.sessions;

import com.clearskin.assessment.Answer;
import com.clearskin.assessment.Assessment;
import com.clearskin.assessment.LastUse;
import com.clearskin.assessment.MedicalFlag;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.InvalidInputException.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The safety check of the day, asked at the visit: five yes-or-no questions, every one required
 * (unknown is never no). Laid over the client's latest assessment before the engine runs again.
 */
public record TodayCheck(boolean sunburnOrRecentTan, boolean activeInfectionInArea, boolean openWoundsInArea,
        boolean pregnantOrBreastfeeding, boolean newMedicationSinceAssessment) {

    /** The fields, in the order they are asked, with the question a practitioner reads out. */
    public static final Map<String, String> QUESTIONS = questions();

    private static Map<String, String> questions() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("sunburnOrRecentTan", "Sunburn or a recent tan?");
        q.put("activeInfectionInArea", "An active infection in the area (a cold sore, warts, impetigo)?");
        q.put("openWoundsInArea", "Open wounds or broken skin in the area?");
        q.put("pregnantOrBreastfeeding", "Pregnant or breastfeeding?");
        q.put("newMedicationSinceAssessment", "A new medication since the last assessment?");
        return java.util.Collections.unmodifiableMap(q);
    }

    /**
     * The check from a JSON object: each of the five must be true or false; a missing one (or null,
     * or anything else) is a 400 naming {@code todayCheck.<field>}.
     */
    public static TodayCheck parse(JsonNode node) {
        List<Violation> violations = new ArrayList<>();
        if (node == null || node.isNull() || node.isMissingNode()) {
            QUESTIONS.keySet().forEach(f -> violations.add(new Violation("todayCheck." + f, "is required: answer yes or no")));
            throw new InvalidInputException(violations);
        }
        if (!node.isObject()) {
            throw new InvalidInputException("todayCheck", "must be an object with the five answers");
        }
        boolean[] answers = new boolean[QUESTIONS.size()];
        int i = 0;
        for (String field : QUESTIONS.keySet()) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull() || value.isMissingNode()) {
                violations.add(new Violation("todayCheck." + field, "is required: answer yes or no (unknown is never no)"));
            } else if (!value.isBoolean()) {
                violations.add(new Violation("todayCheck." + field, "must be true or false"));
            } else {
                answers[i] = value.booleanValue();
            }
            i++;
        }
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            String name = property.getKey();
            if (!QUESTIONS.containsKey(name)) {
                violations.add(new Violation("todayCheck." + name, "is not a known field"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new TodayCheck(answers[0], answers[1], answers[2], answers[3], answers[4]);
    }

    /**
     * The assessment as it stands today: the day's four medical answers replace the assessment's;
     * a new medication makes the medication answers unknown again where they said no or never
     * (photosensitising medication, isotretinoin), so the engine asks about them rather than assume.
     */
    public Assessment layOver(Assessment a) {
        Assessment today = a.with(MedicalFlag.SUNBURN_OR_RECENT_TAN, Answer.of(sunburnOrRecentTan))
                .with(MedicalFlag.ACTIVE_INFECTION_IN_AREA, Answer.of(activeInfectionInArea))
                .with(MedicalFlag.OPEN_WOUNDS_IN_AREA, Answer.of(openWoundsInArea))
                .with(MedicalFlag.PREGNANT_OR_BREASTFEEDING, Answer.of(pregnantOrBreastfeeding));
        if (!newMedicationSinceAssessment) {
            return today;
        }
        if (today.answer(MedicalFlag.PHOTOSENSITIZING_MEDICATION) == Answer.NO) {
            today = today.with(MedicalFlag.PHOTOSENSITIZING_MEDICATION, Answer.UNKNOWN);
        }
        LastUse isotretinoin = today.isotretinoinLastTaken().never() ? LastUse.UNKNOWN : today.isotretinoinLastTaken();
        return new Assessment(today.age(), today.skinType(), today.fitzpatrick(), today.concerns(), today.bodyAreas(),
                today.causes(), today.medical(), isotretinoin, today.topicalRetinoidLastUsed(), today.asOf(),
                today.budgetUsd(), today.jurisdiction());
    }

    public Map<String, Boolean> asMap() {
        Map<String, Boolean> m = new LinkedHashMap<>();
        m.put("sunburnOrRecentTan", sunburnOrRecentTan);
        m.put("activeInfectionInArea", activeInfectionInArea);
        m.put("openWoundsInArea", openWoundsInArea);
        m.put("pregnantOrBreastfeeding", pregnantOrBreastfeeding);
        m.put("newMedicationSinceAssessment", newMedicationSinceAssessment);
        return m;
    }
}
