package com.clearskin.consent;

import com.clearskin.catalog.Concern;
import com.clearskin.catalog.Severity;
import com.clearskin.catalog.Treatment;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The default consent form of a catalog treatment, written from the catalog's facts: what is done
 * (the description and the protocol), the expected effects and recovery, the risks (the
 * contraindications and the downtime), the alternatives (other treatments for the same concerns),
 * and the aftercare. The clinic edits it into its own words; this is where it starts.
 */
public final class DefaultConsentText {

    private DefaultConsentText() {
    }

    public static String title(Treatment t) {
        return "Consent to " + t.name();
    }

    public static String of(Treatment t, List<Treatment> catalog) {
        StringBuilder text = new StringBuilder();
        text.append("What is done\n").append(t.description()).append('\n');
        for (Treatment.ProtocolStep step : t.protocol()) {
            text.append(step.order()).append(". ").append(step.name()).append(": ").append(step.description())
                    .append(minutes(step)).append('\n');
        }
        text.append("\nExpected effects\n").append(t.summary()).append('\n');
        if (t.downtime() != null) {
            text.append("Recovery: ").append(t.downtime().text()).append(' ')
                    .append(days(t.downtime().minDays(), t.downtime().maxDays())).append('\n');
        }
        text.append("\nRisks\n");
        text.append("Redness or sensitivity after the treatment is possible").append(t.downtime() == null ? "."
                : "; recovery is described above.").append('\n');
        List<Treatment.Contraindication> reasons = t.contraindications();
        if (!reasons.isEmpty()) {
            text.append("The treatment is not done, or is done only after the practitioner has weighed it, when:\n");
            for (Treatment.Contraindication c : reasons) {
                text.append("- ").append(c.text()).append(c.severity() == Severity.RELATIVE
                        ? " (the practitioner decides)" : "").append('\n');
            }
            text.append("Telling the practitioner about any of these, and about any change since your intake, "
                    + "lowers the risk.\n");
        }
        text.append("\nAlternatives\n").append(alternatives(t, catalog)).append('\n');
        text.append("\nAftercare\n");
        if (t.aftercare().isEmpty()) {
            text.append("Your practitioner tells you how to care for your skin afterwards.\n");
        }
        t.aftercare().forEach(note -> text.append("- ").append(note.text()).append('\n'));
        text.append("\nI have read this form, my questions have been answered, and I agree to have this treatment. "
                + "I may withdraw my consent at any time before the treatment.");
        return text.toString();
    }

    private static String minutes(Treatment.ProtocolStep step) {
        if (step.minMinutes() == null || step.maxMinutes() == null) {
            return "";
        }
        return step.minMinutes().equals(step.maxMinutes()) ? " (about " + step.minMinutes() + " minutes)"
                : " (" + step.minMinutes() + " to " + step.maxMinutes() + " minutes)";
    }

    private static String days(int min, int max) {
        if (max == 0) {
            return "(no downtime)";
        }
        return min == max ? "(about " + max + (max == 1 ? " day)" : " days)") : "(" + min + " to " + max + " days)";
    }

    /** Other clinic treatments aimed at one of the same concerns, and always the choice of none. */
    static String alternatives(Treatment t, List<Treatment> catalog) {
        List<String> others = catalog.stream()
                .filter(o -> !o.code().equals(t.code()))
                .filter(o -> o.concerns().stream().anyMatch(t.concerns()::contains))
                .map(Treatment::name).limit(5).toList();
        String concerns = t.concerns().stream().map(Concern::label).map(s -> s.toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        String none = "You may also choose not to have a treatment, or to care for your skin at home.";
        if (others.isEmpty()) {
            return none;
        }
        return "Other treatments for " + (concerns.isEmpty() ? "the same concerns" : concerns) + ": "
                + String.join(", ", others) + ". " + none;
    }
}
