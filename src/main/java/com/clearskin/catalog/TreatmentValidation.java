package com.clearskin.catalog;

import com.clearskin.platform.InvalidInputException.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What makes a treatment definition coherent, whether it ships as a default or a clinic edits it.
 * Each rule is one small method; each reports the field it is about.
 */
final class TreatmentValidation {

    private static final Pattern CODE = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");
    static final int MAX_SESSION_MINUTES = 8 * 60;
    static final BigDecimal MAX_PRICE = new BigDecimal("1000000");

    private TreatmentValidation() {
    }

    static List<Violation> check(Treatment t) {
        List<Violation> v = new ArrayList<>();
        codeIsWellFormed(t, v);
        textIsPresent("name", t.name(), 120, v);
        textIsPresent("summary", t.summary(), 1000, v);
        textIsOptional("description", t.description(), 5000, v);
        present("category", t.category(), v);
        present("setting", t.setting(), v);
        treatsSomeArea(t, v);
        protocolIsOrdered(t, v);
        durationIsCoherent(t, v);
        priceIsCoherent(t, v);
        courseIsCoherent(t, v);
        downtimeIsCoherent(t, v);
        cadenceIsCoherent(t, v);
        qualificationIsGiven(t, v);
        contraindicationsAreNamed(t, v);
        careNotesHaveText("beforeCare", t.beforeCare(), v);
        careNotesHaveText("aftercare", t.aftercare(), v);
        invasivenessIsCoherent(t, v);
        return v;
    }

    static void codeIsWellFormed(Treatment t, List<Violation> v) {
        if (t.code() == null || !CODE.matcher(t.code()).matches() || t.code().length() > 60) {
            v.add(new Violation("code", "must be lower-case words joined by hyphens, such as extraction-facial"));
        }
    }

    static void treatsSomeArea(Treatment t, List<Violation> v) {
        if (t.bodyAreas().isEmpty()) {
            v.add(new Violation("bodyAreas", "must name at least one body area"));
        }
    }

    static void protocolIsOrdered(Treatment t, List<Violation> v) {
        if (t.protocol().isEmpty()) {
            v.add(new Violation("protocol", "must have at least one step"));
        }
        for (int i = 0; i < t.protocol().size(); i++) {
            Treatment.ProtocolStep step = t.protocol().get(i);
            String at = "protocol[" + i + "]";
            if (step.order() != i + 1) {
                v.add(new Violation(at + ".order", "must be " + (i + 1) + ": steps are numbered 1, 2, 3 in order"));
            }
            textIsPresent(at + ".name", step.name(), 120, v);
            textIsOptional(at + ".description", step.description(), 2000, v);
            minutesAreARange(at, step.minMinutes(), step.maxMinutes(), v);
        }
    }

    static void durationIsCoherent(Treatment t, List<Violation> v) {
        Treatment.SessionLength d = t.duration();
        if (d == null) {
            v.add(new Violation("duration", "is required"));
            return;
        }
        if (d.minMinutes() < 1 || d.minMinutes() > MAX_SESSION_MINUTES) {
            v.add(new Violation("duration.minMinutes", "must be between 1 and " + MAX_SESSION_MINUTES));
        }
        if (d.maxMinutes() < d.minMinutes() || d.maxMinutes() > MAX_SESSION_MINUTES) {
            v.add(new Violation("duration.maxMinutes", "must be at least minMinutes and at most " + MAX_SESSION_MINUTES));
        }
        if (d.typicalMinutes() < d.minMinutes() || d.typicalMinutes() > d.maxMinutes()) {
            v.add(new Violation("duration.typicalMinutes", "must lie between minMinutes and maxMinutes"));
        }
    }

    static void priceIsCoherent(Treatment t, List<Violation> v) {
        Treatment.PriceRange p = t.price();
        if (p == null) {
            v.add(new Violation("price", "is required"));
            return;
        }
        if (p.currency() == null || !CURRENCY.matcher(p.currency()).matches()) {
            v.add(new Violation("price.currency", "must be a three-letter ISO 4217 code such as USD"));
        }
        if (p.min() == null || p.min().signum() < 0 || p.min().compareTo(MAX_PRICE) > 0) {
            v.add(new Violation("price.min", "must be between 0 and " + MAX_PRICE));
        }
        if (p.max() == null || (p.min() != null && p.max().compareTo(p.min()) < 0) || p.max().compareTo(MAX_PRICE) > 0) {
            v.add(new Violation("price.max", "must be at least price.min and at most " + MAX_PRICE));
        }
        if (p.min() != null && p.min().scale() > 2 || p.max() != null && p.max().scale() > 2) {
            v.add(new Violation("price", "must have at most two decimals"));
        }
    }

    static void courseIsCoherent(Treatment t, List<Violation> v) {
        Treatment.Course c = t.course();
        if (c == null) {
            v.add(new Violation("course", "is required"));
            return;
        }
        if (c.sessionsMin() < 1 || c.sessionsMin() > 100) {
            v.add(new Violation("course.sessionsMin", "must be between 1 and 100"));
        }
        if (c.sessionsMax() != null && (c.sessionsMax() < c.sessionsMin() || c.sessionsMax() > 100)) {
            v.add(new Violation("course.sessionsMax", "must be at least sessionsMin and at most 100, or null"));
        }
        if (c.intervalDaysMin() < 0 || c.intervalDaysMin() > 3650) {
            v.add(new Violation("course.intervalDaysMin", "must be between 0 and 3650"));
        }
        if (c.intervalDaysMax() != null && (c.intervalDaysMax() < c.intervalDaysMin() || c.intervalDaysMax() > 3650)) {
            v.add(new Violation("course.intervalDaysMax", "must be at least intervalDaysMin and at most 3650, or null"));
        }
    }

    static void downtimeIsCoherent(Treatment t, List<Violation> v) {
        Treatment.Downtime d = t.downtime();
        if (d == null) {
            v.add(new Violation("downtime", "is required"));
            return;
        }
        if (d.minDays() < 0 || d.minDays() > 365) {
            v.add(new Violation("downtime.minDays", "must be between 0 and 365"));
        }
        if (d.maxDays() < d.minDays() || d.maxDays() > 365) {
            v.add(new Violation("downtime.maxDays", "must be at least minDays and at most 365"));
        }
        textIsPresent("downtime.text", d.text(), 500, v);
    }

    static void cadenceIsCoherent(Treatment t, List<Violation> v) {
        for (int i = 0; i < t.cadence().size(); i++) {
            Treatment.Cadence c = t.cadence().get(i);
            String at = "cadence[" + i + "]";
            if (c.skinTypes().isEmpty()) {
                v.add(new Violation(at + ".skinTypes", "must name at least one skin type"));
            }
            if (c.intervalDaysMin() < 1 || c.intervalDaysMin() > 3650) {
                v.add(new Violation(at + ".intervalDaysMin", "must be between 1 and 3650"));
            }
            if (c.intervalDaysMax() < c.intervalDaysMin() || c.intervalDaysMax() > 3650) {
                v.add(new Violation(at + ".intervalDaysMax", "must be at least intervalDaysMin and at most 3650"));
            }
            if (!"professional".equals(c.view()) && !"at-home".equals(c.view())) {
                v.add(new Violation(at + ".view", "must be professional or at-home"));
            }
        }
    }

    static void qualificationIsGiven(Treatment t, List<Violation> v) {
        if (t.qualification() == null || t.qualification().minimum() == null) {
            v.add(new Violation("qualification.minimum", "is required"));
        }
    }

    static void contraindicationsAreNamed(Treatment t, List<Violation> v) {
        for (int i = 0; i < t.contraindications().size(); i++) {
            Treatment.Contraindication c = t.contraindications().get(i);
            String at = "contraindications[" + i + "]";
            if (c.code() == null || !CODE.matcher(c.code()).matches()) {
                v.add(new Violation(at + ".code", "must be lower-case words joined by hyphens"));
            }
            present(at + ".severity", c.severity(), v);
            textIsPresent(at + ".text", c.text(), 1000, v);
        }
    }

    /**
     * The level and the effects must tell the same story: a treatment that wounds is not
     * non-invasive, one that reaches the dermis is at least dermal, an ablative one wounds.
     */
    static void invasivenessIsCoherent(Treatment t, List<Violation> v) {
        Treatment.Invasiveness i = t.invasiveness();
        if (i == null) {
            v.add(new Violation("invasiveness", "is required: its level (" + String.join(", ",
                    com.clearskin.platform.Coded.codes(InvasivenessLevel.class)) + ") and effects"));
            return;
        }
        if (i.level() == null) {
            v.add(new Violation("invasiveness.level", "is required: one of "
                    + com.clearskin.platform.Coded.codes(InvasivenessLevel.class)));
            return;
        }
        if (i.level() == InvasivenessLevel.NON_INVASIVE
                && (i.has(SkinEffect.WOUNDS) || i.has(SkinEffect.BREACHES_DERMIS))) {
            v.add(new Violation("invasiveness.level", "cannot be non-invasive for a treatment that wounds the skin "
                    + "or reaches the dermis"));
        }
        if (i.has(SkinEffect.BREACHES_DERMIS) && i.level().gentlerThan(InvasivenessLevel.DERMAL)) {
            v.add(new Violation("invasiveness.level", "must be dermal or ablative for a treatment that reaches the "
                    + "dermis"));
        }
        if (i.level() == InvasivenessLevel.ABLATIVE && !i.has(SkinEffect.WOUNDS)) {
            v.add(new Violation("invasiveness.effects", "must include wounds for an ablative treatment"));
        }
        textIsOptional("invasiveness.note", i.note(), 1000, v);
    }

    static void careNotesHaveText(String field, List<Treatment.CareNote> notes, List<Violation> v) {
        for (int i = 0; i < notes.size(); i++) {
            textIsPresent(field + "[" + i + "].text", notes.get(i).text(), 1000, v);
        }
    }

    private static void minutesAreARange(String at, Integer min, Integer max, List<Violation> v) {
        if (min != null && (min < 0 || min > MAX_SESSION_MINUTES)) {
            v.add(new Violation(at + ".minMinutes", "must be between 0 and " + MAX_SESSION_MINUTES));
        }
        if (max != null && (max < (min == null ? 0 : min) || max > MAX_SESSION_MINUTES)) {
            v.add(new Violation(at + ".maxMinutes", "must be at least minMinutes and at most " + MAX_SESSION_MINUTES));
        }
    }

    private static void present(String field, Object value, List<Violation> v) {
        if (value == null) {
            v.add(new Violation(field, "is required"));
        }
    }

    private static void textIsPresent(String field, String text, int max, List<Violation> v) {
        if (text == null || text.isBlank()) {
            v.add(new Violation(field, "is required"));
        } else if (text.length() > max) {
            v.add(new Violation(field, "must be at most " + max + " characters"));
        }
    }

    private static void textIsOptional(String field, String text, int max, List<Violation> v) {
        if (text != null && text.length() > max) {
            v.add(new Violation(field, "must be at most " + max + " characters"));
        }
    }
}
