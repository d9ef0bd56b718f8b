package com.clearskin.recommendation;

import com.clearskin.assessment.Assessment;
import com.clearskin.catalog.SkinType;
import com.clearskin.catalog.Treatment;
import java.math.BigDecimal;
import java.util.Locale;

/** What a course of a treatment takes and costs: sessions times the price per session, as ranges. */
final class Courses {

    private Courses() {
    }

    static CoursePlan plan(Treatment t, Assessment a) {
        return plan(t, a.skinType());
    }

    /**
     * The course for a client of that skin type (null: not known): the catalog's interval, or the
     * catalog's cadence for the skin type where it gives one; an open-ended course is priced for its
     * minimum number of sessions.
     */
    static CoursePlan plan(Treatment t, SkinType skinType) {
        Treatment.Course course = t.course();
        int intervalMin = course.intervalDaysMin();
        Integer intervalMax = course.intervalDaysMax();
        String note = course.note();
        var cadence = FitRules.cadence(t, skinType);
        if (cadence.isPresent()) {
            intervalMin = cadence.get().intervalDaysMin();
            intervalMax = cadence.get().intervalDaysMax();
            note = "Interval for " + skinType.label().toLowerCase(Locale.ROOT) + " skin ("
                    + FitRules.view(cadence.get()) + " guidance).";
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
