package com.clearskin.photos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CourseChangeTest {

    static final Instant FIRST = Instant.parse("2026-09-10T10:00:00Z");
    static final Instant LAST = Instant.parse("2026-11-10T10:00:00Z");

    static Photos.Point at(String when, int count, Double density) {
        return new Photos.Point(Instant.parse(when), UUID.randomUUID(), count, density, 0.2, 2.0);
    }

    @Test
    void theBaselineIsTheLastMeasurementBeforeTheFirstSessionWasSigned() {
        List<Photos.Point> s = List.of(at("2026-08-01T10:00:00Z", 100, 90.0), at("2026-09-10T09:30:00Z", 100, 80.0),
                at("2026-09-20T10:00:00Z", 100, 70.0));
        assertThat(CourseChange.lastBefore(s, FIRST).densityPerCm2()).isEqualTo(80.0);
    }

    @Test
    void theResultIsTheLastMeasurementAfterTheLastSessionWasSigned() {
        List<Photos.Point> s = List.of(at("2026-11-10T09:00:00Z", 100, 70.0), at("2026-11-25T10:00:00Z", 100, 60.0),
                at("2026-12-01T10:00:00Z", 100, 58.0));
        assertThat(CourseChange.lastAfter(s, LAST).densityPerCm2()).isEqualTo(58.0);
    }

    @Test
    void theImprovementIsTheFallInDensityAndInTheCountWithoutAScale() {
        assertThat(CourseChange.improvement(at("2026-09-01T10:00:00Z", 100, 80.0), at("2026-12-01T10:00:00Z", 90, 60.0)))
                .isEqualTo(25.0);
        assertThat(CourseChange.improvement(at("2026-09-01T10:00:00Z", 100, null), at("2026-12-01T10:00:00Z", 90, 60.0)))
                .as("one photo without a scale: the counts compare").isEqualTo(10.0);
        assertThat(CourseChange.improvement(at("2026-09-01T10:00:00Z", 100, 80.0), at("2026-12-01T10:00:00Z", 110, 88.0)))
                .as("worse is negative").isEqualTo(-10.0);
        assertThat(CourseChange.improvement(at("2026-09-01T10:00:00Z", 0, null), at("2026-12-01T10:00:00Z", 5, null)))
                .isNull();
    }

    @Test
    void areasMeasuredBeforeAndAfterAreAveragedOthersAreLeftOut() {
        List<Photos.Point> nose = List.of(at("2026-09-01T10:00:00Z", 100, 80.0), at("2026-12-01T10:00:00Z", 100, 60.0));
        List<Photos.Point> chin = List.of(at("2026-09-01T10:00:00Z", 100, 50.0), at("2026-12-01T10:00:00Z", 100, 45.0));
        List<Photos.Point> onlyAfter = List.of(at("2026-12-01T10:00:00Z", 100, 10.0));
        assertThat(CourseChange.improvementPercent(List.of(nose, chin, onlyAfter), FIRST, LAST)).isEqualTo(18);
    }

    @Test
    void withoutAMeasurementOnBothSidesThereIsNoFigure() {
        List<Photos.Point> before = List.of(at("2026-09-01T10:00:00Z", 100, 80.0));
        assertThat(CourseChange.improvementPercent(List.of(before), FIRST, LAST)).isNull();
        assertThat(CourseChange.improvementPercent(List.of(), FIRST, LAST)).isNull();
        assertThat(CourseChange.improvementPercent(List.of(before), null, null)).isNull();
    }
}
