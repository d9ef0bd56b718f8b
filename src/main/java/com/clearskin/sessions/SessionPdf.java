package com.clearskin.sessions;

import com.clearskin.clinics.Clinic;
import com.clearskin.platform.PdfTemplates;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;

/** The clinical record of a session as a PDF: the day's check, the steps, the chart, signatures and addenda. */
@Service
public class SessionPdf {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);
    private final PdfTemplates templates = new PdfTemplates("templates/sessions/pdf/");

    /** A time in the clinic's zone, for people. */
    public static String when(Instant instant, Clinic clinic) {
        return instant == null ? "" : instant.atZone(clinic.timeZone()).format(WHEN);
    }

    public byte[] render(Clinic clinic, SessionView s) {
        return templates.render("record", Map.of("clinic", clinic, "s", s, "fmt", new Formatter(clinic),
                "questions", TodayCheck.QUESTIONS));
    }

    /** Formats times for a template. */
    public record Formatter(Clinic clinic) {
        public String when(Instant instant) {
            return SessionPdf.when(instant, clinic);
        }
    }
}
