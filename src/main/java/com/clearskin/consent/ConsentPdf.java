package com.clearskin.consent;

import com.clearskin.clinics.Clinic;
import com.clearskin.platform.PdfTemplates;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The signed consent as a PDF: the exact text of the version signed, then the evidence (signer,
 * typed and drawn signature, "I agree", time, address, browser, witness, withdrawal) and the
 * SHA-256 of the text, so that anyone can check the text against the hash.
 */
@Service
public class ConsentPdf {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm:ss xxx", Locale.ENGLISH);
    private final PdfTemplates templates = new PdfTemplates("templates/consent/pdf/");

    /** People's names for the accounts the evidence refers to. */
    public record Names(String clientName, String signedBy, String witness, String withdrawnBy) {
    }

    public byte[] render(Clinic clinic, ConsentForm version, Signature s, byte[] drawing, Names names, Instant now) {
        Map<String, Object> context = new HashMap<>();
        context.put("clinic", clinic.name());
        context.put("form", version);
        context.put("paragraphs", List.of(version.text().split("\n")));
        context.put("s", s);
        context.put("names", names);
        context.put("status", s.status(now));
        context.put("signedAt", when(s.signedAt(), clinic));
        context.put("validUntil", when(s.validUntil(), clinic));
        context.put("withdrawnAt", s.withdrawn() ? when(s.withdrawal().at(), clinic) : null);
        context.put("printedAt", when(now, clinic));
        context.put("drawing", drawing == null ? null
                : "data:image/png;base64," + Base64.getEncoder().encodeToString(drawing));
        return templates.render("consent", context);
    }

    static String when(Instant instant, Clinic clinic) {
        return instant.atZone(clinic.timeZone()).format(WHEN) + " (" + clinic.timeZone().getId() + ")";
    }
}
