package com.clearskin.photos;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How much a course improved the pores, measured on the photos: per area, the last measurement before
 * the course's first session was signed against the last one after its last session was signed; the
 * improvement is the fall in pore density (the pore count where a photo has no scale), in percent,
 * averaged over the areas measured both before and after. Plain Java: the rule, no storage.
 */
public final class CourseChange {

    private CourseChange() {
    }

    /** The improvement in percent (positive: fewer pores), or null when no area was measured before and after. */
    public static Integer improvementPercent(List<List<Photos.Point>> areas, Instant firstSigned, Instant lastSigned) {
        if (firstSigned == null || lastSigned == null) {
            return null;
        }
        List<Double> improvements = new ArrayList<>();
        for (List<Photos.Point> series : areas) {
            Photos.Point before = lastBefore(series, firstSigned);
            Photos.Point after = lastAfter(series, lastSigned);
            Double change = before == null || after == null ? null : improvement(before, after);
            if (change != null) {
                improvements.add(change);
            }
        }
        if (improvements.isEmpty()) {
            return null;
        }
        return (int) Math.round(improvements.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
    }

    /** The baseline: the latest measurement taken before the first session was signed. */
    static Photos.Point lastBefore(List<Photos.Point> series, Instant firstSigned) {
        Photos.Point found = null;
        for (Photos.Point p : series) {
            if (p.takenAt().isBefore(firstSigned)) {
                found = p;
            }
        }
        return found;
    }

    /** The result: the latest measurement taken after the last session was signed. */
    static Photos.Point lastAfter(List<Photos.Point> series, Instant lastSigned) {
        Photos.Point found = null;
        for (Photos.Point p : series) {
            if (p.takenAt().isAfter(lastSigned)) {
                found = p;
            }
        }
        return found;
    }

    /** The fall in density (both calibrated) or in count, in percent of the baseline; null from a zero baseline. */
    static Double improvement(Photos.Point before, Photos.Point after) {
        boolean calibrated = before.densityPerCm2() != null && after.densityPerCm2() != null;
        double from = calibrated ? before.densityPerCm2() : before.count();
        double to = calibrated ? after.densityPerCm2() : after.count();
        return from <= 0 ? null : (from - to) / from * 100.0;
    }
}
