package com.clearskin.recommendation;

import java.math.BigDecimal;

/** What a course of a treatment takes and costs, as ranges, in the clinic's currency. */
public record CoursePlan(int sessionsMin, Integer sessionsMax, int intervalDaysMin, Integer intervalDaysMax,
        String currency, Money costPerSession, Money courseCost, Downtime downtime, String note) {

    public record Money(BigDecimal min, BigDecimal max) {
    }

    public record Downtime(int minDays, int maxDays, String text) {
    }
}
