package com.clearskin.consent;

import com.clearskin.clinics.Clinic;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The signed consent as a PDF: the exact text of the version signed, then the evidence (signer,
 * typed and drawn signature, "I agree", time, address, browser, witness, withdrawal) and the
 * SHA-256 of the text, so that anyone can check the text against the hash.
 */
@Service
public class ConsentPdf {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm:ss xxx", Locale.ENGLISH);
    private final SpringTemplateEngine templates = new SpringTemplateEngine();

    ConsentPdf() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/consent/pdf/");
        resolver.setSuffix(".xhtml");
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setCharacterEncoding("UTF-8");
        templates.setTemplateResolver(resolver);
    }

    /** People's names for the accounts the evidence refers to. */
    public record Names(String clientName, String signedBy, String witness, String withdrawnBy) {
    }

    public byte[] render(Clinic clinic, ConsentForm version, Signature s, byte[] drawing, Names names, Instant now) {
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("clinic", clinic.name());
        context.setVariable("form", version);
        context.setVariable("paragraphs", List.of(version.text().split("\n")));
        context.setVariable("s", s);
        context.setVariable("names", names);
        context.setVariable("status", s.status(now));
        context.setVariable("signedAt", when(s.signedAt(), clinic));
        context.setVariable("validUntil", when(s.validUntil(), clinic));
        context.setVariable("withdrawnAt", s.withdrawn() ? when(s.withdrawal().at(), clinic) : null);
        context.setVariable("printedAt", when(now, clinic));
        context.setVariable("drawing", drawing == null ? null
                : "data:image/png;base64," + Base64.getEncoder().encodeToString(drawing));
        return pdf(templates.process("consent", context));
    }

    static String when(Instant instant, Clinic clinic) {
        return instant.atZone(clinic.timeZone()).format(WHEN) + " (" + clinic.timeZone().getId() + ")";
    }

    static byte[] pdf(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
