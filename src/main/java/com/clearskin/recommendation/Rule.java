package com.clearskin.recommendation;

import com.clearskin.assessment.Assessment;
import com.clearskin.catalog.Treatment;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/** One named rule: it looks at an assessment and a treatment and records what it finds. */
public interface Rule {

    /**
     * What one rule reads. {@code jurisdiction} is the clinic's (or the assessment's), may be null;
     * {@code prepared} is the treatment's indexed facts, made with the same settings and sources.
     */
    record Input(Assessment assessment, PreparedTreatment prepared, RuleSettings settings, String jurisdiction,
            Sources sources) {

        /** An input for one treatment on its own (tests, one-off checks): its facts are indexed here. */
        public Input(Assessment assessment, Treatment treatment, RuleSettings settings, String jurisdiction,
                Sources sources) {
            this(assessment, new PreparedTreatment(treatment, settings), settings, jurisdiction, sources);
        }

        public Treatment treatment() {
            return prepared.treatment();
        }
    }

    /** Turns source ids into the text a reason shows. */
    interface Sources {
        String describe(List<String> ids);

        /**
         * The same descriptions, each worked out once. Source lists come from catalogs and settings,
         * so there are few of them; the cache starts afresh should it ever hold very many.
         */
        static Sources remembering(Sources sources) {
            if (sources instanceof Remembering) {
                return sources;
            }
            return new Remembering(sources);
        }
    }

    /** A {@link Sources} that describes each list of ids once. */
    final class Remembering implements Sources {
        private static final int MAX = 10_000;
        private final Sources sources;
        private final Map<List<String>, String> described = new ConcurrentHashMap<>();

        private Remembering(Sources sources) {
            this.sources = sources;
        }

        @Override
        public String describe(List<String> ids) {
            String text = described.get(ids);
            if (text == null) {
                text = sources.describe(ids);
                if (text == null || ids.stream().anyMatch(java.util.Objects::isNull)) {
                    return text;
                }
                if (described.size() >= MAX) {
                    described.clear();
                }
                described.put(List.copyOf(ids), text);
            }
            return text;
        }
    }

    String name();

    void apply(Input input, Findings findings);

    /**
     * False when the rule can find nothing for this treatment whatever the assessment (it lists no
     * contraindication the rule reads, the settings give it no washout...), so that the engine may
     * skip it. Only a shortcut: {@link #apply} must find nothing for such a treatment either.
     */
    default boolean mayApplyTo(PreparedTreatment treatment) {
        return true;
    }

    static Rule of(String name, BiConsumer<Input, Findings> body) {
        return of(name, t -> true, body);
    }

    /** A rule that can only find something for the treatments {@code mayApplyTo} accepts. */
    static Rule of(String name, Predicate<PreparedTreatment> mayApplyTo, BiConsumer<Input, Findings> body) {
        return new Rule() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void apply(Input input, Findings findings) {
                body.accept(input, findings);
            }

            @Override
            public boolean mayApplyTo(PreparedTreatment treatment) {
                return mayApplyTo.test(treatment);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
