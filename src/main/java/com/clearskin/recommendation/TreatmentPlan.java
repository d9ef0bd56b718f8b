package com.clearskin.recommendation;

import com.clearskin.catalog.InvasivenessLevel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A client's plan: the first step (the top recommended treatment as a course, with dates from its
 * cadence), when to re-measure (after the course), and the next step (the next invasiveness level
 * that fits) if the measured change stays under the clinic's threshold. {@code status} says where
 * the client stands: {@code start}, {@code in-course}, {@code re-measure}, {@code step-up} (the change
 * stayed under the threshold: take the next step) or {@code continue} (it helped: keep going).
 */
public record TreatmentPlan(String status, Step firstStep, LocalDate remeasureOn, String remeasureHow,
        int improvementThresholdPercent, Step nextStep, String summary) {

    /** One step: a treatment as a course, its session dates (empty for the next step, not planned yet) and cost. */
    public record Step(String treatment, String name, InvasivenessLevel invasiveness, int sessions,
            List<LocalDate> dates, int intervalDaysMin, Integer intervalDaysMax, String currency,
            BigDecimal costMin, BigDecimal costMax, String why) {
        public Step {
            dates = List.copyOf(dates);
        }
    }

    /**
     * What the client's history says about the first step so far: sessions of it completed, and the
     * measured change (percent, from the photos) after the course; null where not measured.
     */
    public record Progress(int sessionsCompleted, Integer measuredChangePercent) {
        public static final Progress NONE = new Progress(0, null);
    }
}
