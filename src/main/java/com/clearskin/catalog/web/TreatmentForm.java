package com.clearskin.catalog.web;

import com.clearskin.catalog.Treatment;
import com.clearskin.platform.InvalidInputException.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The edit form of a clinic's treatment, as the browser sends it: every value a string, so that a
 * typo comes back next to its field instead of failing the whole request.
 */
public record TreatmentForm(String name, String summary, String priceMin, String priceMax, String durationMin,
        String durationMax, String durationTypical, String sessionsMin, String sessionsMax, String intervalDaysMin,
        String intervalDaysMax, String downtimeText, List<String> stepOrder, List<String> stepName,
        List<String> stepDescription, List<String> stepMin, List<String> stepMax, String revision,
        String invasivenessLevel, List<String> skinEffects, String skinEffectsShown) {

    public record Step(String order, String name, String description, String min, String max) {
    }

    public TreatmentForm {
        stepOrder = nonNull(stepOrder);
        stepName = nonNull(stepName);
        stepDescription = nonNull(stepDescription);
        stepMin = nonNull(stepMin);
        stepMax = nonNull(stepMax);
        skinEffects = nonNull(skinEffects);
    }

    public boolean hasEffect(String code) {
        return skinEffects.contains(code);
    }

    static TreatmentForm of(Treatment t, int revision) {
        List<Treatment.ProtocolStep> steps = t.protocol();
        return new TreatmentForm(t.name(), t.summary(), plain(t.price().min()), plain(t.price().max()),
                str(t.duration().minMinutes()), str(t.duration().maxMinutes()), str(t.duration().typicalMinutes()),
                str(t.course().sessionsMin()), str(t.course().sessionsMax()), str(t.course().intervalDaysMin()),
                str(t.course().intervalDaysMax()), t.downtime().text(),
                steps.stream().map(s -> str(s.order())).toList(), steps.stream().map(Treatment.ProtocolStep::name).toList(),
                steps.stream().map(s -> s.description() == null ? "" : s.description()).toList(),
                steps.stream().map(s -> str(s.minMinutes())).toList(), steps.stream().map(s -> str(s.maxMinutes())).toList(),
                Integer.toString(revision), t.level() == null ? "" : t.level().code(),
                t.invasiveness() == null ? List.of() : t.invasiveness().effects().stream()
                        .map(com.clearskin.platform.Coded::code).toList(), "1");
    }

    /** The rows to show: each step, plus one blank row to add a step. */
    public List<Step> steps() {
        List<Step> rows = new ArrayList<>();
        for (int i = 0; i < stepName.size(); i++) {
            rows.add(new Step(at(stepOrder, i), at(stepName, i), at(stepDescription, i), at(stepMin, i), at(stepMax, i)));
        }
        return rows;
    }

    public List<Step> stepsWithBlank() {
        List<Step> rows = new ArrayList<>(steps().stream().filter(s -> !s.name().isBlank()).toList());
        rows.add(new Step(Integer.toString(rows.size() + 1), "", "", "", ""));
        return rows;
    }

    /** Applies the form to the clinic's current copy; reports every unreadable value by field. */
    Treatment applyTo(Treatment base, List<Violation> violations) {
        Parser p = new Parser(violations);
        BigDecimal min = p.decimal("priceMin", priceMin);
        BigDecimal max = p.decimal("priceMax", priceMax);
        Integer dMin = p.integer("durationMin", durationMin, true);
        Integer dMax = p.integer("durationMax", durationMax, true);
        Integer dTyp = p.integer("durationTypical", durationTypical, true);
        Integer sMin = p.integer("sessionsMin", sessionsMin, true);
        Integer sMax = p.integer("sessionsMax", sessionsMax, false);
        Integer iMin = p.integer("intervalDaysMin", intervalDaysMin, true);
        Integer iMax = p.integer("intervalDaysMax", intervalDaysMax, false);
        List<Treatment.ProtocolStep> protocol = protocol(p, base);
        Treatment.Invasiveness invasiveness = invasiveness(base, violations);
        if (!violations.isEmpty()) {
            return null;
        }
        Treatment.PriceRange price = new Treatment.PriceRange(base.price().currency(), min, max,
                base.price().sources(), base.price().note());
        Treatment.SessionLength duration = new Treatment.SessionLength(dMin, dMax, dTyp, base.duration().sources());
        Treatment.Course course = new Treatment.Course(sMin, sMax, iMin, iMax, base.course().sources(),
                base.course().note(), base.course().disputed());
        Treatment.Downtime downtime = new Treatment.Downtime(base.downtime().minDays(), base.downtime().maxDays(),
                downtimeText == null ? null : downtimeText.strip(), base.downtime().sources());
        return new Treatment(base.code(), trim(name), base.category(), base.setting(), trim(summary),
                base.description(), base.bodyAreas(), base.concerns(), protocol, duration, price, course, downtime,
                base.cadence(), base.qualification(), base.equipment(), base.contraindications(), base.beforeCare(),
                base.aftercare(), invasiveness);
    }

    /**
     * The level and effects as chosen; a form that does not show them (no level, no {@code skinEffectsShown})
     * keeps the base's. Whether they changed, and so whose sources they carry, is for {@code ClinicEdits}.
     */
    private Treatment.Invasiveness invasiveness(Treatment base, List<Violation> violations) {
        Treatment.Invasiveness old = base.invasiveness();
        com.clearskin.catalog.InvasivenessLevel level = old == null ? null : old.level();
        if (invasivenessLevel != null && !invasivenessLevel.isBlank()) {
            level = com.clearskin.platform.Coded.find(com.clearskin.catalog.InvasivenessLevel.class,
                    invasivenessLevel.strip()).orElse(null);
            if (level == null) {
                violations.add(new Violation("invasivenessLevel", "must be one of "
                        + com.clearskin.platform.Coded.codes(com.clearskin.catalog.InvasivenessLevel.class)));
                return old;
            }
        }
        List<com.clearskin.catalog.SkinEffect> effects = old == null ? List.of() : old.effects();
        if (skinEffectsShown != null) {
            List<com.clearskin.catalog.SkinEffect> chosen = new ArrayList<>();
            for (String code : skinEffects) {
                com.clearskin.platform.Coded.find(com.clearskin.catalog.SkinEffect.class, code.strip())
                        .ifPresentOrElse(chosen::add, () -> violations.add(new Violation("skinEffects",
                                "'" + code + "' is not one of "
                                + com.clearskin.platform.Coded.codes(com.clearskin.catalog.SkinEffect.class))));
            }
            effects = chosen;
        }
        if (level == null && old == null) {
            return null;
        }
        return new Treatment.Invasiveness(level, effects, old == null ? List.of() : old.sources(),
                old == null ? null : old.note());
    }

    /**
     * The steps in the order their numbers give, renumbered 1..n. A row shown for one of the base's
     * steps keeps that step's sources, as the other facts keep theirs here; whether the clinic changed
     * the step, and so whether the sources still vouch for it, is for {@code ClinicEdits} to decide.
     */
    private List<Treatment.ProtocolStep> protocol(Parser p, Treatment base) {
        record Row(int order, int index, Step step) {
        }
        List<Row> rows = new ArrayList<>();
        List<Step> steps = steps();
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            if (s.name().isBlank()) {
                continue; // a blank name removes the step (or leaves the spare row unused)
            }
            Integer order = p.integer("stepOrder[" + i + "]", s.order(), false);
            rows.add(new Row(order == null ? i + 1 : order, i, s));
        }
        rows.sort(Comparator.comparingInt(Row::order).thenComparingInt(Row::index));
        List<Treatment.ProtocolStep> protocol = new ArrayList<>();
        for (Row row : rows) {
            Integer min = p.integer("stepMin[" + row.index() + "]", row.step().min(), false);
            Integer max = p.integer("stepMax[" + row.index() + "]", row.step().max(), false);
            List<String> sources = row.index() < base.protocol().size()
                    ? base.protocol().get(row.index()).sources() : List.of();
            protocol.add(new Treatment.ProtocolStep(protocol.size() + 1, row.step().name().strip(),
                    blankToNull(row.step().description()), min, max, sources));
        }
        return protocol;
    }

    private static final class Parser {
        private final List<Violation> violations;

        Parser(List<Violation> violations) {
            this.violations = violations;
        }

        BigDecimal decimal(String field, String value) {
            if (value == null || value.isBlank()) {
                violations.add(new Violation(field, "is required"));
                return null;
            }
            try {
                return new BigDecimal(value.strip());
            } catch (NumberFormatException e) {
                violations.add(new Violation(field, "must be a number such as 120 or 99.50"));
                return null;
            }
        }

        Integer integer(String field, String value, boolean required) {
            if (value == null || value.isBlank()) {
                if (required) {
                    violations.add(new Violation(field, "is required"));
                }
                return null;
            }
            try {
                return Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                violations.add(new Violation(field, "must be a whole number"));
                return null;
            }
        }
    }

    private static String at(List<String> list, int i) {
        return i < list.size() && list.get(i) != null ? list.get(i) : "";
    }

    private static String trim(String s) {
        return s == null ? null : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String str(Integer i) {
        return i == null ? "" : Integer.toString(i);
    }

    private static String plain(BigDecimal d) {
        return d == null ? "" : d.stripTrailingZeros().toPlainString();
    }

    private static List<String> nonNull(List<String> list) {
        return list == null ? List.of() : list;
    }
}
