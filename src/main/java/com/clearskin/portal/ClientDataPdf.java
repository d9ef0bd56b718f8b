package com.clearskin.portal;

import com.clearskin.platform.PdfTemplates;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The client's data as a readable PDF: an XHTML template (escaped by Thymeleaf in XML mode, so a
 * name like {@code <script>} prints as text) laid out by openhtmltopdf.
 */
@Service
public class ClientDataPdf {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH);

    private final PdfTemplates templates = new PdfTemplates("templates/portal/pdf/");

    /** Answers as lines a person reads: nested answers flattened, lists joined, an unknown said so. */
    static Map<String, String> readable(Map<String, Object> answers) {
        Map<String, String> lines = new LinkedHashMap<>();
        flatten("", answers, lines);
        return lines;
    }

    /** The words a person reads for an answer's field name: the question, never the JSON field. */
    static String label(String key) {
        return com.clearskin.assessment.MedicalFlag.byField(key).map(com.clearskin.assessment.MedicalFlag::question)
                .orElseGet(() -> switch (key) {
                    case "age" -> "Age";
                    case "skinType" -> "Skin type";
                    case "fitzpatrick" -> "Fitzpatrick skin type (1 to 6)";
                    case "concerns" -> "Concerns";
                    case "bodyAreas" -> "Areas to treat";
                    case "causes" -> "What contributes to it";
                    case "isotretinoinLastTaken" -> "Isotretinoin (acne tablets) last taken";
                    case "topicalRetinoidLastUsed" -> "Retinoid cream last used";
                    case "asOf" -> "Answers as of";
                    case "budgetUsd" -> "Budget (US dollars)";
                    case "jurisdiction" -> "Where you are treated";
                    default -> key.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
                });
    }

    /** A coded value in words: "acne-prone" reads "acne prone". */
    static String words(Object value) {
        String text = String.valueOf(value);
        return text.matches("^[a-z]+(-[a-z]+)+$") ? text.replace('-', ' ') : text;
    }

    private static void flatten(String prefix, Map<String, Object> answers, Map<String, String> lines) {
        answers.forEach((key, value) -> {
            // the medical answers are shown by their questions, without the group's name
            String name = prefix.isEmpty() || prefix.equals("medical") ? label(key) : prefix + " · " + label(key);
            if (key.equals("medical") && value instanceof Map<?, ?>) {
                name = "medical";
            }
            if (value instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                Map<String, Object> inner = (Map<String, Object>) nested;
                flatten(name, inner, lines);
            } else if (value instanceof Collection<?> list) {
                lines.put(name, list.isEmpty() ? "none" : list.stream().map(ClientDataPdf::words).collect(Collectors.joining(", ")));
            } else if (value == null) {
                lines.put(name, "not known");
            } else if (value instanceof Boolean yes) {
                lines.put(name, yes ? "yes" : "no");
            } else if ("never".equals(value)) {
                lines.put(name, "never");
            } else {
                lines.put(name, words(value));
            }
        });
    }

    public byte[] render(ClientData data) {
        Map<UUID, Map<String, String>> answers = new HashMap<>();
        data.assessments().forEach(a -> answers.put(a.id(), readable(a.answers())));
        return templates.render("client-data", Map.of("data", data, "answers", answers, "exportedAt",
                ZonedDateTime.ofInstant(data.exportedAt(), ZoneId.of(data.timeZone())).format(WHEN)
                        + " (" + data.timeZone() + ")"));
    }
}
