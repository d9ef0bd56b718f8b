package com.clearskin.demo;

import com.clearskin.clinics.Clinic;
import com.clearskin.hygiene.Hygiene;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A demo clinic's sterilization room: a prevacuum autoclave, two instrument sets, and three weeks
 * of history (a cycle each working morning, a passing spore test each Monday), recorded through the
 * hygiene module's own rules so every package and status is what a real clinic would see.
 */
@Component
class DemoHygiene {

    static final int WEEKS = 3;

    private final Hygiene hygiene;
    private final JsonMapper json;

    DemoHygiene(Hygiene hygiene, JsonMapper json) {
        this.hygiene = hygiene;
        this.json = json;
    }

    /** Adds the room once: a clinic that has a sterilizer already keeps what it has. */
    void addOnce(Clinic clinic, UUID by) {
        if (!hygiene.sterilizers(clinic).isEmpty()) {
            return;
        }
        ObjectNode sterilizer = json.createObjectNode();
        sterilizer.put("name", "Autoclave, treatment wing");
        sterilizer.put("kind", "steam-prevacuum");
        sterilizer.put("serial", "STATIM-5000-0417");
        UUID sterilizerId = hygiene.addSterilizer(clinic, sterilizer, by).id();
        UUID extraction = set(clinic, "Extraction set", List.of("comedone extractor", "lancet holder", "tweezers"), by);
        UUID microneedling = set(clinic, "Microneedling tray", List.of("pen handle", "stainless bowl", "tweezers"), by);
        Instant now = hygiene.now();
        LocalDate today = LocalDate.ofInstant(now, clinic.timeZone());
        for (LocalDate day = today.minusWeeks(WEEKS); !day.isAfter(today); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            Instant start = day.atTime(LocalTime.of(8, 0)).atZone(clinic.timeZone()).toInstant();
            if (start.isAfter(now)) {
                break;
            }
            ObjectNode cycle = json.createObjectNode();
            cycle.put("sterilizerId", sterilizerId.toString());
            cycle.put("operator", "Nadia Nurse");
            cycle.put("startedAt", start.toString());
            cycle.put("temperatureC", 134);
            cycle.put("exposureMinutes", 4);
            cycle.put("dryingMinutes", 20);
            cycle.put("chemicalIndicator", "pass");
            var packages = cycle.putArray("packages");
            packages.addObject().put("setId", extraction.toString());
            packages.addObject().put("setId", extraction.toString());
            packages.addObject().put("setId", microneedling.toString());
            UUID cycleId = hygiene.recordCycle(clinic, cycle, by).id();
            Instant read = start.plusSeconds(26 * 3600);
            if (day.getDayOfWeek() == DayOfWeek.MONDAY && read.isBefore(now)) {
                ObjectNode test = json.createObjectNode();
                test.put("sterilizerId", sterilizerId.toString());
                test.put("cycleId", cycleId.toString());
                test.put("result", "pass");
                test.put("readAt", read.toString());
                hygiene.recordSporeTest(clinic, test, by);
            }
        }
    }

    private UUID set(Clinic clinic, String name, List<String> instruments, UUID by) {
        ObjectNode body = json.createObjectNode();
        body.put("name", name);
        var list = body.putArray("instruments");
        instruments.forEach(list::add);
        return hygiene.addSet(clinic, body, by).id();
    }
}
