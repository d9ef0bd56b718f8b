package com.clearskin.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * When a clinic changes a fact, the fact's sources no longer vouch for it: the changed fact is
 * marked as the clinic's own ({@link Treatment#CLINIC_SOURCE}); untouched facts keep their sources.
 */
final class ClinicEdits {

    private static final List<String> CLINIC = List.of(Treatment.CLINIC_SOURCE);

    private ClinicEdits() {
    }

    static Treatment attribute(Treatment before, Treatment after) {
        return new Treatment(after.code(), after.name(), after.category(), after.setting(), after.summary(),
                after.description(), after.bodyAreas(), after.concerns(), protocol(before, after),
                duration(before.duration(), after.duration()), price(before.price(), after.price()),
                course(before.course(), after.course()), downtime(before.downtime(), after.downtime()),
                after.cadence(), after.qualification(), after.equipment(), after.contraindications(),
                after.beforeCare(), after.aftercare());
    }

    static Treatment.PriceRange price(Treatment.PriceRange before, Treatment.PriceRange after) {
        boolean same = Objects.equals(before.currency(), after.currency())
                && before.min().compareTo(after.min()) == 0 && before.max().compareTo(after.max()) == 0;
        return same ? new Treatment.PriceRange(after.currency(), after.min(), after.max(), before.sources(), after.note())
                : new Treatment.PriceRange(after.currency(), after.min(), after.max(), CLINIC, after.note());
    }

    static Treatment.SessionLength duration(Treatment.SessionLength before, Treatment.SessionLength after) {
        boolean same = before.minMinutes() == after.minMinutes() && before.maxMinutes() == after.maxMinutes()
                && before.typicalMinutes() == after.typicalMinutes();
        return new Treatment.SessionLength(after.minMinutes(), after.maxMinutes(), after.typicalMinutes(),
                same ? before.sources() : CLINIC);
    }

    static Treatment.Course course(Treatment.Course before, Treatment.Course after) {
        boolean same = before.sessionsMin() == after.sessionsMin()
                && Objects.equals(before.sessionsMax(), after.sessionsMax())
                && before.intervalDaysMin() == after.intervalDaysMin()
                && Objects.equals(before.intervalDaysMax(), after.intervalDaysMax());
        return new Treatment.Course(after.sessionsMin(), after.sessionsMax(), after.intervalDaysMin(),
                after.intervalDaysMax(), same ? before.sources() : CLINIC, after.note(), same && after.disputed());
    }

    static Treatment.Downtime downtime(Treatment.Downtime before, Treatment.Downtime after) {
        boolean same = before.minDays() == after.minDays() && before.maxDays() == after.maxDays()
                && Objects.equals(before.text(), after.text());
        return new Treatment.Downtime(after.minDays(), after.maxDays(), after.text(), same ? before.sources() : CLINIC);
    }

    static List<Treatment.ProtocolStep> protocol(Treatment before, Treatment after) {
        List<Treatment.ProtocolStep> steps = new ArrayList<>();
        for (Treatment.ProtocolStep step : after.protocol()) {
            Treatment.ProtocolStep original = before.protocol().stream()
                    .filter(s -> sameStep(s, step)).findFirst().orElse(null);
            steps.add(new Treatment.ProtocolStep(step.order(), step.name(), step.description(), step.minMinutes(),
                    step.maxMinutes(), original == null ? CLINIC : original.sources()));
        }
        return steps;
    }

    private static boolean sameStep(Treatment.ProtocolStep a, Treatment.ProtocolStep b) {
        return Objects.equals(a.name(), b.name()) && Objects.equals(a.description(), b.description())
                && Objects.equals(a.minMinutes(), b.minMinutes()) && Objects.equals(a.maxMinutes(), b.maxMinutes());
    }
}
