package com.clearskin.sessions;

import com.clearskin.clinics.Clinic;
import com.clearskin.platform.PdfTemplates;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;

/** The clinical record of a session as a PDF: the day's check, the steps, the chart, signatures and addenda. */
@Service
public class SessionPdf {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);
    private final PdfTemplates templates = new PdfTemplates("templates/sessions/pdf/");
    private final List<RecordProgress> progress;

    SessionPdf(List<RecordProgress> progress) {
        this.progress = List.copyOf(progress);
    }

    /** A time in the clinic's zone, for people. */
    public static String when(Instant instant, Clinic clinic) {
        return instant == null ? "" : instant.atZone(clinic.timeZone()).format(WHEN);
    }

    /** The record; the client's progress charts cover the photos taken up to its signing (or now, unsigned). */
    public byte[] render(Clinic clinic, SessionView s) {
        Instant upTo = s.signedAt() != null ? s.signedAt() : s.serverTime();
        List<Map<String, String>> areas = new ArrayList<>();
        for (RecordProgress source : progress) {
            for (RecordProgress.Area a : source.upTo(clinic, s.clientId(), upTo)) {
                areas.add(Map.of("area", a.area(), "sentence", a.sentence() == null ? "" : a.sentence(),
                        "chart", "data:image/png;base64," + Base64.getEncoder().encodeToString(a.chartPng())));
            }
        }
        return templates.render("record", Map.of("clinic", clinic, "s", s, "fmt", new Formatter(clinic),
                "questions", TodayCheck.QUESTIONS, "progress", areas));
    }

    /** Formats times for a template. */
    public record Formatter(Clinic clinic) {
        public String when(Instant instant) {
            return SessionPdf.when(instant, clinic);
        }
    }
}
