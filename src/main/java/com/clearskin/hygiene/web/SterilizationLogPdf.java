package com.clearskin.hygiene.web;

import com.clearskin.clinics.Clinic;
import com.clearskin.hygiene.Hygiene;
import com.clearskin.platform.PdfTemplates;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The sterilization log as PDF, what a state board inspector asks to see; times in the clinic's zone. */
final class SterilizationLogPdf {

    private static final PdfTemplates TEMPLATES = new PdfTemplates("templates/hygiene/pdf/");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

    record CycleLine(String startedAt, String sterilizer, String operator, String parameters, String indicator, String status,
            String reasons, String codes) {
    }

    record TestLine(String readAt, String sterilizer, String result, int recalled) {
    }

    private SterilizationLogPdf() {
    }

    static byte[] render(Clinic clinic, Hygiene.Log log, Map<UUID, String> sterilizers) {
        List<CycleLine> cycles = log.cycles().stream().map(c -> new CycleLine(when(clinic, c.startedAt()),
                sterilizers.getOrDefault(c.sterilizerId(), ""), c.operator(),
                c.temperatureC() + " °C, " + c.exposureMinutes() + " min, drying " + c.dryingMinutes() + " min",
                c.chemicalIndicator(), c.status(), String.join(", ", c.reasons()),
                String.join(" ", c.packages().stream().map(Hygiene.PackageRef::code).toList()))).toList();
        List<TestLine> tests = log.sporeTests().stream().map(t -> new TestLine(when(clinic, t.readAt()),
                sterilizers.getOrDefault(t.sterilizerId(), ""), t.result(), t.recalled().size())).toList();
        return TEMPLATES.render("log", Map.of("clinic", clinic, "log", log, "cycles", cycles, "tests", tests));
    }

    private static String when(Clinic clinic, Instant at) {
        return WHEN.format(at.atZone(clinic.timeZone()));
    }
}
