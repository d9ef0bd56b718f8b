package com.clearskin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The data download reads in labels and questions, never in field names. */
class ClientDataPdfLabelsTest {

    @Test
    void answersAreShownByTheirLabelsAndQuestions() {
        Map<String, Object> medical = new LinkedHashMap<>();
        medical.put("pregnantOrBreastfeeding", false);
        medical.put("epilepsy", null);
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("skinType", "acne-prone");
        answers.put("bodyAreas", List.of("face", "upper-back"));
        answers.put("isotretinoinLastTaken", "never");
        answers.put("medical", medical);
        Map<String, String> lines = ClientDataPdf.readable(answers);
        assertThat(lines).containsEntry("Skin type", "acne prone")
                .containsEntry("Areas to treat", "face, upper back")
                .containsEntry("Isotretinoin (acne tablets) last taken", "never")
                .containsEntry("Are you pregnant or breastfeeding?", "no")
                .containsEntry("Do you have epilepsy?", "not known");
        assertThat(lines.keySet()).noneMatch(k -> k.matches(".*[a-z][A-Z].*") || k.startsWith("medical"));
    }
}
