package com.clearskin.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;

class FeedCalendarTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");

    static FeedEvent at(ZoneId zone, String localStart, int minutes, boolean cancelled, int revision) {
        ZonedDateTime start = LocalDateTime.parse(localStart).atZone(zone);
        return new FeedEvent(UUID.randomUUID(), start.toInstant(), start.plusMinutes(minutes).toInstant(),
                "Microneedling", "Room 1", cancelled, revision, NOW);
    }

    static Calendar parse(String text) throws Exception {
        return new CalendarBuilder().build(new StringReader(text));
    }

    static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElseThrow();
    }

    static ZonedDateTime start(VEvent event) {
        Temporal t = event.getStartDate().orElseThrow().getDate();
        return ZonedDateTime.from(t);
    }

    @Test
    void theFeedParsesBackWithOneEventPerAppointment() throws Exception {
        FeedEvent a = at(NEW_YORK, "2027-03-08T10:00", 60, false, 1);
        FeedEvent b = at(NEW_YORK, "2027-03-09T14:30", 45, true, 3);
        Calendar calendar = parse(FeedCalendar.render("Dr Who", NEW_YORK, List.of(a, b)));

        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(2);
        assertThat(value(events.get(0), "UID")).isEqualTo(a.appointmentId() + "@clearskin");
        assertThat(value(events.get(0), "STATUS")).isEqualTo("CONFIRMED");
        assertThat(value(events.get(0), "SEQUENCE")).isEqualTo("1");
        assertThat(value(events.get(0), "SUMMARY")).isEqualTo("Microneedling");
        assertThat(value(events.get(0), "LOCATION")).isEqualTo("Room 1");
        assertThat(value(events.get(0), "DTSTAMP")).isEqualTo("20270301T120000Z");
        assertThat(value(events.get(1), "STATUS")).isEqualTo("CANCELLED");
        assertThat(value(events.get(1), "SEQUENCE")).isEqualTo("3");
        assertThat(value(events.get(0), "LAST-MODIFIED")).isEqualTo("20270301T120000Z");
        assertThat(calendar.getProperty("METHOD")).isEmpty();
        assertThat(calendar.getProperty("X-WR-CALNAME").map(Property::getValue)).contains("Dr Who");
    }

    @Test
    void timesCarryTheClinicZoneAndItsTimezoneComponent() throws Exception {
        String text = FeedCalendar.render("x", NEW_YORK, List.of(at(NEW_YORK, "2027-03-08T10:00", 60, false, 1)));
        assertThat(text).contains("DTSTART;TZID=America/New_York:20270308T100000\r\n",
                "DTEND;TZID=America/New_York:20270308T110000\r\n");
        List<VTimeZone> zones = parse(text).getComponents("VTIMEZONE");
        assertThat(zones).singleElement().satisfies(z ->
                assertThat(z.getProperty("TZID").map(Property::getValue)).contains("America/New_York"));
    }

    @Test
    void tenOClockStaysTenOClockAcrossSpringForward() throws Exception {
        // Clocks in New York went forward on Sunday 14 March 2027: the Monday before is UTC-5, the Monday after UTC-4.
        FeedEvent before = at(NEW_YORK, "2027-03-08T10:00", 60, false, 1);
        FeedEvent after = at(NEW_YORK, "2027-03-15T10:00", 60, false, 1);
        assertThat(after.start()).isEqualTo(Instant.parse("2027-03-15T14:00:00Z"));
        String text = FeedCalendar.render("x", NEW_YORK, List.of(before, after));
        assertThat(text).contains("DTSTART;TZID=America/New_York:20270315T100000");

        List<VEvent> events = parse(text).getComponents("VEVENT");
        assertThat(start(events.get(0)).toInstant()).isEqualTo(Instant.parse("2027-03-08T15:00:00Z"));
        assertThat(start(events.get(1)).toInstant()).isEqualTo(Instant.parse("2027-03-15T14:00:00Z"));
        assertThat(start(events.get(1)).withZoneSameInstant(NEW_YORK).toLocalTime()).isEqualTo(LocalTime.of(10, 0));
    }

    @Test
    void halfHourZonesKeepTheirLocalTimeAcrossTheirChange() throws Exception {
        // Lord Howe Island moves by 30 minutes: back on Sunday 4 April 2027 at 02:00.
        ZoneId lordHowe = ZoneId.of("Australia/Lord_Howe");
        FeedEvent after = at(lordHowe, "2027-04-05T09:30", 30, false, 2);
        List<VEvent> events = parse(FeedCalendar.render("x", lordHowe, List.of(after))).getComponents("VEVENT");
        assertThat(start(events.get(0)).toInstant()).isEqualTo(after.start());
        assertThat(start(events.get(0)).withZoneSameInstant(lordHowe).toLocalTime()).isEqualTo(LocalTime.of(9, 30));
    }

    @Test
    void theSameAppointmentsGiveTheSameFeed() {
        List<FeedEvent> events = List.of(at(NEW_YORK, "2027-03-08T10:00", 60, false, 1));
        assertThat(FeedCalendar.render("x", NEW_YORK, events)).isEqualTo(FeedCalendar.render("x", NEW_YORK, events));
    }

    @Test
    void anEmptyFeedIsStillAValidCalendar() throws Exception {
        Calendar calendar = parse(FeedCalendar.render("Nobody", NEW_YORK, List.of()));
        assertThat(calendar.getComponents("VEVENT")).isEmpty();
        assertThat(calendar.getProperty("VERSION").map(Property::getValue)).contains("2.0");
    }

    @Test
    void textIsEscapedAndLongLinesFolded() throws Exception {
        ZonedDateTime start = LocalDateTime.parse("2027-03-08T10:00").atZone(NEW_YORK);
        String summary = "Peel, with; a \"comma\" — " + "x".repeat(100);
        FeedEvent e = new FeedEvent(UUID.randomUUID(), start.toInstant(), start.plusHours(1).toInstant(), summary,
                null, false, 1, NOW);
        String text = FeedCalendar.render("x", NEW_YORK, List.of(e));
        assertThat(text.lines()).allSatisfy(line -> assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(75));
        VEvent parsed = parse(text).<VEvent>getComponents("VEVENT").get(0);
        assertThat(value(parsed, "SUMMARY")).isEqualTo(summary);
        assertThat(parsed.getProperty("LOCATION")).isEmpty();
    }
}
