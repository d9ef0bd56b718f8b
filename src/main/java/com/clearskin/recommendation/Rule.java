package com.clearskin.recommendation;

import com.clearskin.assessment.Assessment;
import com.clearskin.catalog.Treatment;

/** One named rule: it looks at an assessment and a treatment and records what it finds. */
public interface Rule {

    /** What one rule reads. {@code jurisdiction} is the clinic's (or the assessment's), may be null. */
    record Input(Assessment assessment, Treatment treatment, RuleSettings settings, String jurisdiction,
            Sources sources) {
    }

    /** Turns source ids into the text a reason shows. */
    interface Sources {
        String describe(java.util.List<String> ids);
    }

    String name();

    void apply(Input input, Findings findings);

    static Rule of(String name, java.util.function.BiConsumer<Input, Findings> body) {
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
            public String toString() {
                return name;
            }
        };
    }
}
