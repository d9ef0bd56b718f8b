package com.clearskin.recommendation;

import java.util.List;

/**
 * The at-home deep pore cleansing routine of seed text 001, fitted to the client: preparation,
 * exfoliant, deep-cleansing methods, soothing, hydration, how often, and what to watch out for.
 */
public record HomeCare(List<Step> steps, Exfoliant exfoliant, Cadence cadence, Cadence professionalCadence,
        List<String> warnings, Pause pause) {

    /** The routine in full (no pause). */
    public HomeCare(List<Step> steps, Exfoliant exfoliant, Cadence cadence, Cadence professionalCadence,
            List<String> warnings) {
        this(steps, exfoliant, cadence, professionalCadence, warnings, null);
    }

    /**
     * Why the routine is only gentle cleansing, soothing and sun protection for now (no steaming,
     * acids, masks or pore vacuum), and until when: {@code until} is a date where one is known
     * (isotretinoin), {@code untilText} says it in words for every reason.
     */
    public record Pause(List<String> because, java.time.LocalDate until, String untilText, String source) {
        public Pause {
            because = List.copyOf(because);
        }
    }

    public boolean paused() {
        return pause != null;
    }

    /** One step of the routine, with its options. */
    public record Step(int order, String name, String instruction, List<String> options, String source) {
    }

    /** The exfoliant that suits the skin, and why. */
    public record Exfoliant(String ingredient, String why, String source) {
    }

    /** How often, in days, and in words. */
    public record Cadence(Integer intervalDaysMin, Integer intervalDaysMax, String text, String source) {
    }
}
