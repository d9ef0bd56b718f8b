package com.clearskin.sessions;

import com.clearskin.clinics.Clinic;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The clinical record of a session as a PDF: the day's check, the steps, the chart, signatures and addenda. */
@Service
public class SessionPdf {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);
    private final SpringTemplateEngine templates = new SpringTemplateEngine();

    SessionPdf() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/sessions/pdf/");
        resolver.setSuffix(".xhtml");
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setCharacterEncoding("UTF-8");
        templates.setTemplateResolver(resolver);
    }

    /** A time in the clinic's zone, for people. */
    public static String when(Instant instant, Clinic clinic) {
        return instant == null ? "" : instant.atZone(clinic.timeZone()).format(WHEN);
    }

    public byte[] render(Clinic clinic, SessionView s) {
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("clinic", clinic);
        context.setVariable("s", s);
        context.setVariable("fmt", new Formatter(clinic));
        context.setVariable("questions", TodayCheck.QUESTIONS);
        String xhtml = templates.process("record", context);
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

    /** Formats times for a template. */
    public record Formatter(Clinic clinic) {
        public String when(Instant instant) {
            return SessionPdf.when(instant, clinic);
        }
    }
}
