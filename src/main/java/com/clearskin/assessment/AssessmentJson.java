package com.clearskin.assessment;

import com.clearskin.platform.Coded;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON form of an assessment, the same shape {@link AssessmentParser} reads. */
public final class AssessmentJson {

    private AssessmentJson() {
    }

    public static Map<String, Object> toMap(Assessment a) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("age", a.age());
        json.put("skinType", a.skinType() == null ? null : a.skinType().code());
        json.put("fitzpatrick", a.fitzpatrick());
        json.put("concerns", a.concerns().stream().map(Coded::code).toList());
        json.put("bodyAreas", a.bodyAreas().stream().map(Coded::code).toList());
        json.put("causes", a.causes().stream().map(Coded::code).toList());
        Map<String, Object> medical = new LinkedHashMap<>();
        a.medical().forEach((flag, answer) -> medical.put(flag.field(), answer.json()));
        medical.put("isotretinoinLastTaken", a.isotretinoinLastTaken().json());
        medical.put("topicalRetinoidLastUsed", a.topicalRetinoidLastUsed().json());
        json.put("medical", medical);
        json.put("asOf", a.asOf() == null ? null : a.asOf().toString());
        json.put("budgetUsd", a.budgetUsd());
        json.put("jurisdiction", a.jurisdiction());
        Map<String, Object> severity = new LinkedHashMap<>();
        a.concerns().forEach(c -> severity.put(c.code(), a.severityOf(c).code()));
        json.put("severity", severity);
        json.put("triedWithoutEnoughImprovement", a.triedWithoutEnoughImprovement().stream().map(Coded::code).toList());
        return json;
    }
}
