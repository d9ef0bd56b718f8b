package com.clearskin.catalog;

import java.math.BigDecimal;
import java.util.List;

/**
 * A treatment as the catalog describes it: what it is, how it is done step by step, what it costs,
 * how often, who may do it with what, who must not have it, and how to prepare and recover. Each
 * fact names its sources (ids of the source register, or {@code clinic} for a clinic's own value).
 */
public record Treatment(
        String code,
        String name,
        Category category,
        Setting setting,
        String summary,
        String description,
        List<BodyArea> bodyAreas,
        List<Concern> concerns,
        List<ProtocolStep> protocol,
        SessionLength duration,
        PriceRange price,
        Course course,
        Downtime downtime,
        List<Cadence> cadence,
        Qualification qualification,
        List<String> equipment,
        List<Contraindication> contraindications,
        List<CareNote> beforeCare,
        List<CareNote> aftercare,
        Invasiveness invasiveness) {

    /** The source id of a value the clinic set itself. */
    public static final String CLINIC_SOURCE = "clinic";

    public Treatment {
        bodyAreas = copy(bodyAreas);
        concerns = copy(concerns);
        protocol = copy(protocol);
        cadence = copy(cadence);
        equipment = copy(equipment);
        contraindications = copy(contraindications);
        beforeCare = copy(beforeCare);
        aftercare = copy(aftercare);
    }

    /** One step of the protocol; minutes are null where no source gives them. */
    public record ProtocolStep(int order, String name, String description, Integer minMinutes, Integer maxMinutes,
            List<String> sources) {
        public ProtocolStep {
            sources = copy(sources);
        }
    }

    /** How long a session takes, in minutes. */
    public record SessionLength(int minMinutes, int maxMinutes, int typicalMinutes, List<String> sources) {
        public SessionLength {
            sources = copy(sources);
        }
    }

    /** The price of one session, in whole or decimal units of {@code currency}. */
    public record PriceRange(String currency, BigDecimal min, BigDecimal max, List<String> sources, String note) {
        public PriceRange {
            sources = copy(sources);
        }
    }

    /** A typical course: how many sessions, how far apart. Null maxima mean open-ended. */
    public record Course(int sessionsMin, Integer sessionsMax, int intervalDaysMin, Integer intervalDaysMax,
            List<String> sources, String note, Boolean disputed) {
        public Course {
            sources = copy(sources);
            disputed = Boolean.TRUE.equals(disputed);
        }
    }

    /** Recovery after a session. */
    public record Downtime(int minDays, int maxDays, String text, List<String> sources) {
        public Downtime {
            sources = copy(sources);
        }
    }

    /** How often a skin type should have the treatment, in one view (professional or at-home). */
    public record Cadence(List<SkinType> skinTypes, int intervalDaysMin, int intervalDaysMax, String view,
            List<String> sources, String note, Boolean disputed) {
        public Cadence {
            skinTypes = copy(skinTypes);
            sources = copy(sources);
            disputed = Boolean.TRUE.equals(disputed);
        }
    }

    /** Who may perform the treatment: the least qualified performer, and scope of practice per jurisdiction. */
    public record Qualification(Performer minimum, List<Scope> scope) {
        public Qualification {
            scope = copy(scope);
        }
    }

    /** Who may perform the treatment in one jurisdiction (ISO 3166-2 code such as US-CA). */
    public record Scope(String jurisdiction, List<Performer> performers, String note, List<String> sources) {
        public Scope {
            performers = copy(performers);
            sources = copy(sources);
        }
    }

    /** A reason not to treat; {@code code} is what the safety rules match on. */
    public record Contraindication(String code, Severity severity, String text, List<String> sources, String note,
            Boolean disputed) {
        public Contraindication {
            sources = copy(sources);
            disputed = Boolean.TRUE.equals(disputed);
        }
    }

    /**
     * How invasive the treatment is and what it does to the skin: the level orders the step-up
     * (least invasive first); the effects decide, through a rule, where it is never safe.
     */
    public record Invasiveness(InvasivenessLevel level, List<SkinEffect> effects, List<String> sources, String note) {
        public Invasiveness {
            effects = effects == null ? List.of() : effects.stream().filter(java.util.Objects::nonNull).distinct()
                    .sorted().toList();
            sources = copy(sources);
        }

        public boolean has(SkinEffect effect) {
            return effects.contains(effect);
        }
    }

    /** An instruction for before or after the treatment. */
    public record CareNote(String text, List<String> sources, String note, Boolean disputed) {
        public CareNote {
            sources = copy(sources);
            disputed = Boolean.TRUE.equals(disputed);
        }
    }

    /** The treatment's invasiveness level, or null where the catalog does not give it. */
    public InvasivenessLevel level() {
        return invasiveness == null ? null : invasiveness.level();
    }

    /** Whether the catalog says the treatment has this effect on the skin. */
    public boolean has(SkinEffect effect) {
        return invasiveness != null && invasiveness.has(effect);
    }

    /** The treatment with another invasiveness fact (everything else the same). */
    public Treatment withInvasiveness(Invasiveness other) {
        return new Treatment(code, name, category, setting, summary, description, bodyAreas, concerns, protocol,
                duration, price, course, downtime, cadence, qualification, equipment, contraindications, beforeCare,
                aftercare, other);
    }

    /** The treatment with other contraindications (everything else the same). */
    public Treatment withContraindications(List<Contraindication> other) {
        return new Treatment(code, name, category, setting, summary, description, bodyAreas, concerns, protocol,
                duration, price, course, downtime, cadence, qualification, equipment, other, beforeCare,
                aftercare, invasiveness);
    }

    public boolean suits(Concern concern) {
        return concerns.contains(concern);
    }

    public boolean treats(BodyArea area) {
        return bodyAreas.contains(area);
    }

    /** Total of the protocol's known step minimums, the part of the session the protocol accounts for. */
    public int protocolMinutesKnown() {
        return protocol.stream().mapToInt(s -> s.minMinutes() == null ? 0 : s.minMinutes()).sum();
    }

    /** Every source id this treatment's facts cite, in the order they first appear. */
    public List<String> sourceIds() {
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        protocol.forEach(s -> ids.addAll(s.sources()));
        if (duration != null) {
            ids.addAll(duration.sources());
        }
        if (price != null) {
            ids.addAll(price.sources());
        }
        if (course != null) {
            ids.addAll(course.sources());
        }
        if (downtime != null) {
            ids.addAll(downtime.sources());
        }
        cadence.forEach(c -> ids.addAll(c.sources()));
        if (qualification != null) {
            qualification.scope().forEach(s -> ids.addAll(s.sources()));
        }
        contraindications.forEach(c -> ids.addAll(c.sources()));
        beforeCare.forEach(c -> ids.addAll(c.sources()));
        aftercare.forEach(c -> ids.addAll(c.sources()));
        if (invasiveness != null) {
            ids.addAll(invasiveness.sources());
        }
        return List.copyOf(ids);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
