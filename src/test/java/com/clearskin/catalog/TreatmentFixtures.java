package com.clearskin.catalog;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * Treatments for unit tests: {@link #valid()} passes every rule of {@link TreatmentValidation}, and
 * {@link #treatment()} starts a builder from it so that a test changes only the value it is about.
 */
public final class TreatmentFixtures {

    private TreatmentFixtures() {
    }

    /** A small, coherent in-clinic facial: three steps, one cadence entry, every fact sourced. */
    public static Treatment valid() {
        return treatment().build();
    }

    /** A builder holding {@link #valid()}'s values. */
    public static Builder treatment() {
        return new Builder();
    }

    /** A builder holding a copy of {@code t}'s values. */
    public static Builder from(Treatment t) {
        return new Builder(t);
    }

    public static Treatment.ProtocolStep step(int order, String name, Integer minMinutes, Integer maxMinutes,
            String... sources) {
        return new Treatment.ProtocolStep(order, name, name + ", as the sources describe it.", minMinutes,
                maxMinutes, List.of(sources));
    }

    public static Treatment.PriceRange price(String currency, String min, String max, String... sources) {
        return new Treatment.PriceRange(currency, min == null ? null : new BigDecimal(min),
                max == null ? null : new BigDecimal(max), List.of(sources), null);
    }

    public static Treatment.SessionLength duration(int min, int max, int typical, String... sources) {
        return new Treatment.SessionLength(min, max, typical, List.of(sources));
    }

    public static Treatment.Course course(int sessionsMin, Integer sessionsMax, int intervalDaysMin,
            Integer intervalDaysMax, boolean disputed, String... sources) {
        return new Treatment.Course(sessionsMin, sessionsMax, intervalDaysMin, intervalDaysMax, List.of(sources),
                disputed ? "Another source gives a different course." : null, disputed);
    }

    public static Treatment.Downtime downtime(int minDays, int maxDays, String text, String... sources) {
        return new Treatment.Downtime(minDays, maxDays, text, List.of(sources));
    }

    public static Treatment.Cadence cadence(List<SkinType> skinTypes, int min, int max, String view,
            String... sources) {
        return new Treatment.Cadence(skinTypes, min, max, view, List.of(sources), null, false);
    }

    public static Treatment.Contraindication contraindication(String code, Severity severity, String text,
            String... sources) {
        return new Treatment.Contraindication(code, severity, text, List.of(sources), null, false);
    }

    public static Treatment.CareNote note(String text, String... sources) {
        return new Treatment.CareNote(text, List.of(sources), null, false);
    }

    /** Copies of a treatment with one value changed at a time; {@link #build()} makes the record. */
    public static final class Builder {
        private String code = "test-facial";
        private String name = "Test facial";
        private Category category = Category.FACIAL;
        private Setting setting = Setting.CLINIC;
        private String summary = "A facial used by the unit tests.";
        private String description = "Cleanse, steam, extract.";
        private List<BodyArea> bodyAreas = List.of(BodyArea.FACE, BodyArea.NECK);
        private List<Concern> concerns = List.of(Concern.BLACKHEADS, Concern.ACNE);
        private List<Treatment.ProtocolStep> protocol = List.of(
                step(1, "Cleanse", 3, 5, "seed-001"),
                step(2, "Steam", 5, 10, "seed-001", "ref-46"),
                step(3, "Extract", null, null, "ref-31"));
        private Treatment.SessionLength duration = duration(30, 60, 45, "ref-46");
        private Treatment.PriceRange price = price("USD", "85", "250", "ref-53");
        private Treatment.Course course = course(4, 6, 14, 35, true, "ref-2", "ref-11");
        private Treatment.Downtime downtime = downtime(0, 1, "None, or brief redness.", "inference");
        private List<Treatment.Cadence> cadence = List.of(
                cadence(List.of(SkinType.OILY, SkinType.ACNE_PRONE), 21, 28, "professional", "ref-45"));
        private Treatment.Qualification qualification = new Treatment.Qualification(Performer.ESTHETICIAN,
                List.of(new Treatment.Scope("US-CA", List.of(Performer.ESTHETICIAN, Performer.PHYSICIAN), null,
                        List.of("ref-35"))));
        private List<String> equipment = List.of("steamer", "extraction-tools");
        private List<Treatment.Contraindication> contraindications = List.of(
                contraindication("active-infection", Severity.ABSOLUTE, "Active infection in the area.", "ref-31"));
        private List<Treatment.CareNote> beforeCare = List.of(note("Do not pick at spots.", "ref-31"));
        private List<Treatment.CareNote> aftercare = List.of(note("Keep the skin hydrated.", "seed-001"),
                note("Do not pick at treated areas.", "ref-31"));
        private Treatment.Invasiveness invasiveness = new Treatment.Invasiveness(InvasivenessLevel.NON_INVASIVE,
                List.of(), List.of("seed-001"), null);

        private Builder() {
        }

        private Builder(Treatment t) {
            code = t.code();
            name = t.name();
            category = t.category();
            setting = t.setting();
            summary = t.summary();
            description = t.description();
            bodyAreas = t.bodyAreas();
            concerns = t.concerns();
            protocol = t.protocol();
            duration = t.duration();
            price = t.price();
            course = t.course();
            downtime = t.downtime();
            cadence = t.cadence();
            qualification = t.qualification();
            equipment = t.equipment();
            contraindications = t.contraindications();
            beforeCare = t.beforeCare();
            aftercare = t.aftercare();
            invasiveness = t.invasiveness();
        }

        public Builder withInvasiveness(InvasivenessLevel level, SkinEffect... effects) {
            this.invasiveness = level == null ? null
                    : new Treatment.Invasiveness(level, Arrays.asList(effects), List.of("inference"), null);
            return this;
        }

        public Builder withCode(String code) {
            this.code = code;
            return this;
        }

        public Builder withName(String name) {
            this.name = name;
            return this;
        }

        public Builder withCategory(Category category) {
            this.category = category;
            return this;
        }

        public Builder withSetting(Setting setting) {
            this.setting = setting;
            return this;
        }

        public Builder withSummary(String summary) {
            this.summary = summary;
            return this;
        }

        public Builder withDescription(String description) {
            this.description = description;
            return this;
        }

        public Builder withBodyAreas(BodyArea... bodyAreas) {
            this.bodyAreas = Arrays.asList(bodyAreas);
            return this;
        }

        public Builder withConcerns(Concern... concerns) {
            this.concerns = Arrays.asList(concerns);
            return this;
        }

        public Builder withProtocol(Treatment.ProtocolStep... steps) {
            this.protocol = Arrays.asList(steps);
            return this;
        }

        public Builder withDuration(Treatment.SessionLength duration) {
            this.duration = duration;
            return this;
        }

        public Builder withPrice(Treatment.PriceRange price) {
            this.price = price;
            return this;
        }

        public Builder withCourse(Treatment.Course course) {
            this.course = course;
            return this;
        }

        public Builder withDowntime(Treatment.Downtime downtime) {
            this.downtime = downtime;
            return this;
        }

        public Builder withCadence(Treatment.Cadence... cadence) {
            this.cadence = Arrays.asList(cadence);
            return this;
        }

        public Builder withQualification(Treatment.Qualification qualification) {
            this.qualification = qualification;
            return this;
        }

        public Builder withContraindications(Treatment.Contraindication... contraindications) {
            this.contraindications = Arrays.asList(contraindications);
            return this;
        }

        public Builder withBeforeCare(Treatment.CareNote... notes) {
            this.beforeCare = Arrays.asList(notes);
            return this;
        }

        public Builder withAftercare(Treatment.CareNote... notes) {
            this.aftercare = Arrays.asList(notes);
            return this;
        }

        public Treatment build() {
            return new Treatment(code, name, category, setting, summary, description, bodyAreas, concerns, protocol,
                    duration, price, course, downtime, cadence, qualification, equipment, contraindications,
                    beforeCare, aftercare, invasiveness);
        }
    }
}
