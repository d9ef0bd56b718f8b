package com.clearskin.support;

import com.clearskin.assessment.MedicalFlag;
import com.clearskin.clients.Client;
import com.clearskin.clients.ClientAssessments;
import com.clearskin.clinics.Clinic;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A healthy adult's intake on file, so that the booking rules let a test client book: every medical
 * answer no, never took isotretinoin or a retinoid. Recorded by one of the clinic's owners.
 */
@Component
public class TestIntakes {

    private final ClientAssessments assessments;
    private final JdbcClient jdbc;

    TestIntakes(ClientAssessments assessments, JdbcClient jdbc) {
        this.assessments = assessments;
        this.jdbc = jdbc;
    }

    public static ObjectNode healthyAdult(String skinType) {
        ObjectNode intake = JsonNodeFactory.instance.objectNode();
        intake.put("age", 35);
        intake.put("skinType", skinType);
        intake.put("fitzpatrick", 2);
        intake.putArray("bodyAreas").add("face").add("back");
        ObjectNode medical = intake.putObject("medical");
        for (MedicalFlag flag : MedicalFlag.values()) {
            medical.put(flag.field(), false);
        }
        intake.put("isotretinoinLastTaken", "never");
        intake.put("topicalRetinoidLastUsed", "never");
        return intake;
    }

    /**
     * A healthy adult's intake of {@code skinType} as a map whose answers a test changes (the medical
     * ones under {@link #medical(Map)}): every flag no, concerns acne scars and texture, the face.
     */
    public static Map<String, Object> healthy(String skinType) {
        Map<String, Object> medical = new LinkedHashMap<>();
        for (String flag : List.of("pregnantOrBreastfeeding", "activeInfectionInArea", "coldSoreHistory",
                "sunburnOrRecentTan", "openWoundsInArea", "keloidTendency", "rosaceaOrEczemaFlare", "psoriasisFlare",
                "photosensitizingMedication", "autoimmuneOrImmunosuppressed", "recentChemotherapy", "skinCancerInArea",
                "pacemakerOrMetalInArea", "epilepsy", "salicylateAllergy")) {
            medical.put(flag, false);
        }
        medical.put("isotretinoinLastTaken", "never");
        medical.put("topicalRetinoidLastUsed", "never");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("age", 35);
        body.put("skinType", skinType);
        body.put("fitzpatrick", 2);
        body.put("concerns", List.of("acne-scars", "texture"));
        body.put("bodyAreas", List.of("face"));
        body.put("medical", medical);
        return body;
    }

    /** The medical answers of an intake made by {@link #healthy(String)}, to change. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> medical(Map<String, Object> intake) {
        return (Map<String, Object>) intake.get("medical");
    }

    public void recordHealthy(Clinic clinic, Client client) {
        UUID owner = jdbc.sql("""
                select user_id from clinic_member where clinic_id = :clinic and role = 'owner'
                order by created_at limit 1""").param("clinic", clinic.id()).query(UUID.class).single();
        assessments.record(clinic, client, healthyAdult("normal"), owner);
    }
}
