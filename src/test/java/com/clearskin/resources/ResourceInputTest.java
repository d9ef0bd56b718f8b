package com.clearskin.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.platform.InvalidInputException.Violation;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading typed input: each unreadable value becomes a violation naming its field. */
class ResourceInputTest {

    final List<Violation> out = new ArrayList<>();

    List<String> fields() {
        return out.stream().map(Violation::field).toList();
    }

    @Test
    void weekdaysByNameInAnyCaseOrByIsoNumber() {
        assertThat(ResourceInput.weekday("w", "Monday", out)).contains(DayOfWeek.MONDAY);
        assertThat(ResourceInput.weekday("w", "SUNDAY", out)).contains(DayOfWeek.SUNDAY);
        assertThat(ResourceInput.weekday("w", "3", out)).contains(DayOfWeek.WEDNESDAY);
        assertThat(out).isEmpty();
        assertThat(ResourceInput.weekday("w", "8", out)).isEmpty();
        assertThat(ResourceInput.weekday("x", "funday", out)).isEmpty();
        assertThat(ResourceInput.weekday("y", null, out)).isEmpty();
        assertThat(fields()).containsExactly("w", "x", "y");
    }

    @Test
    void weeklyHoursAreReadOnlyWhenEveryEntryIs() {
        List<WeeklyInterval> read = ResourceInput.weeklyIntervals("shifts", List.of(
                new WeeklyHours("monday", "09:00", "13:00"), new WeeklyHours("monday", "14:00", "18:30")), out);
        assertThat(out).isEmpty();
        assertThat(read).containsExactly(new WeeklyInterval(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(13, 0)),
                new WeeklyInterval(DayOfWeek.MONDAY, LocalTime.of(14, 0), LocalTime.of(18, 30)));

        List<WeeklyHours> bad = new ArrayList<>();
        bad.add(new WeeklyHours("monday", "9am", "13:00"));
        bad.add(null);
        bad.add(new WeeklyHours("tuesday", "18:00", "09:00"));
        bad.add(new WeeklyHours("someday", "09:00", null));
        assertThat(ResourceInput.weeklyIntervals("shifts", bad, out)).isEmpty();
        assertThat(fields()).containsExactly("shifts[0].start", "shifts[1]", "shifts[2].end", "shifts[3].weekday",
                "shifts[3].end");
        assertThat(ResourceInput.weeklyIntervals("breaks", null, new ArrayList<>())).isEmpty();
    }

    @Test
    void timeOffIsEnteredInTheClinicsZone() {
        ZoneId london = ZoneId.of("Europe/London");
        assertThat(ResourceInput.instantInZone("startsAt", "2026-07-01T09:00", london, out).orElseThrow())
                .hasToString("2026-07-01T09:00+01:00");
        assertThat(ResourceInput.instantInZone("startsAt", "2026-01-05T09:00", london, out).orElseThrow())
                .hasToString("2026-01-05T09:00Z");
        assertThat(ResourceInput.instantInZone("startsAt", "2026-07-01T10:00+02:00", london, out).orElseThrow())
                .hasToString("2026-07-01T09:00+01:00");
        // fall back: 01:30 on 25 October 2026 happens twice; the earlier (summer time) is meant
        assertThat(ResourceInput.instantInZone("startsAt", "2026-10-25T01:30", london, out).orElseThrow())
                .hasToString("2026-10-25T01:30+01:00");
        assertThat(out).isEmpty();
        assertThat(ResourceInput.instantInZone("startsAt", "2026-03-29T01:30", london, out)).isEmpty();
        assertThat(ResourceInput.instantInZone("endsAt", "tomorrow", london, out)).isEmpty();
        assertThat(ResourceInput.instantInZone("endsAt", "", london, out)).isEmpty();
        assertThat(fields()).containsExactly("startsAt", "endsAt", "endsAt");
        assertThat(out.get(0).reason()).contains("does not exist in Europe/London");
    }

    @Test
    void datesTimesAndIds() {
        assertThat(ResourceInput.date("firstDay", "2026-12-24", out)).isPresent();
        assertThat(ResourceInput.time("start", "09:30", out)).contains(LocalTime.of(9, 30));
        assertThat(ResourceInput.optionalId("userId", " ", out)).isEmpty();
        assertThat(out).isEmpty();
        assertThat(ResourceInput.date("firstDay", "24/12/2026", out)).isEmpty();
        assertThat(ResourceInput.time("start", "25:00", out)).isEmpty();
        assertThat(ResourceInput.optionalId("userId", "abc", out)).isEmpty();
        assertThat(fields()).containsExactly("firstDay", "start", "userId");
    }
}
