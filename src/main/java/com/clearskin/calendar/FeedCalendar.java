package com.clearskin.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Writes an iCalendar (RFC 5545) feed: one VEVENT per appointment, its times in the clinic's zone
 * (TZID) with that zone's VTIMEZONE, so that a calendar shows 10:00 as 10:00 on either side of a
 * clock change. The UID is stable (the appointment's id), the SEQUENCE its revision, so a moved or
 * cancelled appointment updates the event it was. There is no METHOD, so DTSTAMP (like
 * LAST-MODIFIED) is when the appointment last changed: the same appointments give the same feed,
 * byte for byte, which lets a calendar's poll end in 304 Not Modified.
 */
final class FeedCalendar {

    static final String UID_DOMAIN = "@clearskin";
    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

    private FeedCalendar() {
    }

    /** The feed as text, with CRLF line endings and folded lines. */
    static String render(String name, ZoneId zone, List<FeedEvent> events) {
        Calendar calendar = build(name, zone, events);
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static Calendar build(String name, ZoneId zone, List<FeedEvent> events) {
        TimeZone timeZone = ZONES.getTimeZone(zone.getId());
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Clearskin//Appointments//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        calendar.add(new XProperty("X-WR-TIMEZONE", zone.getId()));
        calendar.add(new XProperty("X-PUBLISHED-TTL", "PT15M"));
        if (timeZone != null) {
            calendar.add(timeZone.getVTimeZone());
        }
        for (FeedEvent event : events) {
            calendar.add(event(event, zone));
        }
        return calendar;
    }

    private static VEvent event(FeedEvent e, ZoneId zone) {
        VEvent event = new VEvent(e.start().truncatedTo(ChronoUnit.SECONDS).atZone(zone),
                e.end().truncatedTo(ChronoUnit.SECONDS).atZone(zone), e.summary());
        event.add(new Uid(uid(e)));
        Instant stamp = e.updatedAt().truncatedTo(ChronoUnit.SECONDS);
        event.replace(new DtStamp(stamp));
        event.add(new LastModified(stamp));
        event.add(new Sequence(Math.max(0, e.revision())));
        event.add(new Status(e.cancelled() ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
        if (e.location() != null && !e.location().isBlank()) {
            event.add(new Location(e.location()));
        }
        return event;
    }

    static String uid(FeedEvent e) {
        return e.appointmentId() + UID_DOMAIN;
    }
}
