package com.clearskin.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Brings a clinic's copy of a treatment up to a newer default without losing what the clinic
 * changed (decision 0003): a fact the clinic never changed (its sources are still the published
 * ones) takes the new default; a fact the clinic set itself ({@code "sources": ["clinic"]}) stays
 * the clinic's, and where the new default says otherwise about safety (a contraindication, the
 * invasiveness) it is reported as a conflict. A contraindication new in the default is added.
 * Pure: no database, no clock.
 */
public final class CatalogMerge {

    /** A safety fact where the clinic's own value and the current default disagree. */
    public record Conflict(String code, String field, String clinicValue, String defaultValue) {
    }

    /** The merged treatment and what the merge added or replaced, in words. */
    public record Result(Treatment merged, List<String> changes) {
        public Result {
            changes = List.copyOf(changes);
        }
    }

    private CatalogMerge() {
    }

    static boolean clinicOwn(List<String> sources) {
        return sources.contains(Treatment.CLINIC_SOURCE);
    }

    public static Result merge(Treatment clinic, Treatment defaults) {
        List<String> changes = new ArrayList<>();
        Treatment.Invasiveness invasiveness = clinic.invasiveness();
        if (invasiveness == null || !clinicOwn(invasiveness.sources()) && !invasiveness.equals(defaults.invasiveness())) {
            invasiveness = defaults.invasiveness();
            changes.add("invasiveness");
        }
        List<Treatment.Contraindication> merged = new ArrayList<>();
        for (Treatment.Contraindication own : clinic.contraindications()) {
            Treatment.Contraindication def = find(defaults.contraindications(), own.code());
            if (def != null && !clinicOwn(own.sources()) && !sameContraindication(own, def)) {
                merged.add(def);
                changes.add("contraindications." + own.code());
            } else {
                merged.add(own);
            }
        }
        for (Treatment.Contraindication def : defaults.contraindications()) {
            if (find(clinic.contraindications(), def.code()) == null) {
                merged.add(def);
                changes.add("contraindications." + def.code() + " (added)");
            }
        }
        Treatment t = clinic.withInvasiveness(invasiveness).withContraindications(merged);
        return new Result(t, changes);
    }

    /** The safety facts the clinic set itself that the current default says otherwise about. */
    public static List<Conflict> conflicts(Treatment clinic, Treatment defaults) {
        List<Conflict> conflicts = new ArrayList<>();
        if (defaults == null) {
            return conflicts;
        }
        Treatment.Invasiveness own = clinic.invasiveness();
        Treatment.Invasiveness def = defaults.invasiveness();
        if (own != null && def != null && clinicOwn(own.sources())
                && (own.level() != def.level() || !own.effects().equals(def.effects()))) {
            conflicts.add(new Conflict(clinic.code(), "invasiveness", describe(own), describe(def)));
        }
        for (Treatment.Contraindication d : defaults.contraindications()) {
            Treatment.Contraindication c = find(clinic.contraindications(), d.code());
            if (c == null) {
                conflicts.add(new Conflict(clinic.code(), "contraindications." + d.code(), "not listed",
                        d.severity().code() + ": " + d.text()));
            } else if (clinicOwn(c.sources()) && !sameContraindication(c, d)) {
                conflicts.add(new Conflict(clinic.code(), "contraindications." + d.code(),
                        c.severity().code() + ": " + c.text(), d.severity().code() + ": " + d.text()));
            }
        }
        return conflicts;
    }

    private static String describe(Treatment.Invasiveness i) {
        return (i.level() == null ? "no level" : i.level().code())
                + (i.effects().isEmpty() ? "" : " (" + String.join(", ", i.effects().stream().map(SkinEffect::code)
                .toList()) + ")");
    }

    private static boolean sameContraindication(Treatment.Contraindication a, Treatment.Contraindication b) {
        return a.severity() == b.severity() && Objects.equals(a.text(), b.text());
    }

    private static Treatment.Contraindication find(List<Treatment.Contraindication> list, String code) {
        return list.stream().filter(c -> Objects.equals(c.code(), code)).findFirst().orElse(null);
    }
}
