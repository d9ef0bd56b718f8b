package com.clearskin.followups;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * When a client's check-in after a visit goes to the practitioner at once: any warning sign of an
 * infection or a burn (pus, fever, spreading redness, blisters, severe pain), pain of 7 or more out
 * of 10, or the strongest redness (3 of 0–3). Each rule is one method; {@link #reasons} gives the
 * ones that apply, in plain words for the practitioner. Sources: docs/follow-ups.md.
 */
public final class EscalationRule {

    /** Pain from this score (0–10) on is more than the expected discomfort of a recovery. */
    public static final int PAIN_THRESHOLD = 7;
    /** The strongest redness on the 0–3 scale. */
    public static final int REDNESS_THRESHOLD = 3;

    /** The warning signs a client may report, by their API code. */
    public enum WarningSign {
        PUS("pus", "pus"),
        FEVER("fever", "fever"),
        SPREADING_REDNESS("spreading-redness", "spreading redness"),
        BLISTERS("blisters", "blisters"),
        SEVERE_PAIN("severe-pain", "severe pain");

        private final String code;
        private final String words;

        WarningSign(String code, String words) {
            this.code = code;
            this.words = words;
        }

        public String code() {
            return code;
        }

        public String words() {
            return words;
        }

        public static java.util.Optional<WarningSign> fromCode(String code) {
            for (WarningSign s : values()) {
                if (s.code.equals(code)) {
                    return java.util.Optional.of(s);
                }
            }
            return java.util.Optional.empty();
        }
    }

    private EscalationRule() {
    }

    /** Why the answers escalate; empty when they do not. */
    public static List<String> reasons(int redness, int pain, Set<WarningSign> signs) {
        List<String> reasons = new ArrayList<>();
        if (hasWarningSign(signs)) {
            reasons.add("warning signs: " + String.join(", ", signs.stream().sorted().map(WarningSign::words).toList()));
        }
        if (painPastThreshold(pain)) {
            reasons.add("pain " + pain + " of 10");
        }
        if (rednessPastThreshold(redness)) {
            reasons.add("strong redness (" + redness + " of 3)");
        }
        return reasons;
    }

    static boolean hasWarningSign(Set<WarningSign> signs) {
        return !signs.isEmpty();
    }

    static boolean painPastThreshold(int pain) {
        return pain >= PAIN_THRESHOLD;
    }

    static boolean rednessPastThreshold(int redness) {
        return redness >= REDNESS_THRESHOLD;
    }
}
