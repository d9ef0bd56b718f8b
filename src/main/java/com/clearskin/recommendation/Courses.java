package com.clearskin.recommendation;

import com.clearskin.assessment.Assessment;
import com.clearskin.catalog.Treatment;
import java.math.BigDecimal;

/** What a course of a treatment takes and costs: sessions times the price per session, as ranges. */
final class Courses {

    private Courses() {
    }

    static CoursePlan plan(Treatment t, Assessment a) {
        Treatment.Course course = t.course();
        int intervalMin = course.intervalDaysMin();
        Integer intervalMax = course.intervalDaysMax();
        String note = course.note();
        var cadence = FitRules.cadence(t, a.skinType());
        if (cadence.isPresent()) {
            intervalMin = cadence.get().intervalDaysMin();
            intervalMax = cadence.get().intervalDaysMax();
            note = "Interval for " + a.skinType().label().toLowerCase() + " skin ("
                    + ("at-home".equals(cadence.get().view()) ? "at-home" : "professional") + " guidance).";
        }
        BigDecimal min = t.price().min();
        BigDecimal max = t.price().max();
        int sessionsForMax = course.sessionsMax() == null ? course.sessionsMin() : course.sessionsMax();
        CoursePlan.Money perSession = new CoursePlan.Money(min, max);
        CoursePlan.Money total = new CoursePlan.Money(min.multiply(BigDecimal.valueOf(course.sessionsMin())),
                max.multiply(BigDecimal.valueOf(sessionsForMax)));
        if (course.sessionsMax() == null) {
            note = (note == null ? "" : note + " ") + "Open-ended: the course cost covers "
                    + course.sessionsMin() + " session" + (course.sessionsMin() == 1 ? "" : "s") + ".";
        }
        Treatment.Downtime d = t.downtime();
        return new CoursePlan(course.sessionsMin(), course.sessionsMax(), intervalMin, intervalMax,
                t.price().currency(), perSession, total, new CoursePlan.Downtime(d.minDays(), d.maxDays(), d.text()),
                note);
    }
}
