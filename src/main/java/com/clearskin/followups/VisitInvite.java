package com.clearskin.followups;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * The calendar file (RFC 5545, {@code .ics}) a confirmation carries: one VEVENT in the clinic's zone
 * with its VTIMEZONE, the same UID as the clinic's calendar feeds ({@code <appointment id>@clearskin}),
 * the SEQUENCE the appointment's revision, so that the moved visit replaces the first one in the
 * client's calendar and a cancellation (METHOD CANCEL, STATUS CANCELLED) removes it.
 */
final class VisitInvite {

    static final String MEDIA_TYPE_PUBLISH = "text/calendar; charset=UTF-8; method=PUBLISH";
    static final String MEDIA_TYPE_CANCEL = "text/calendar; charset=UTF-8; method=CANCEL";
    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

    private VisitInvite() {
    }

    static String render(UUID appointment, int revision, String summary, String location, Instant start, Instant end,
            ZoneId zone, Instant stamp, boolean cancelled) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Clearskin//Visit//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new Method(cancelled ? "CANCEL" : "PUBLISH"));
        TimeZone timeZone = ZONES.getTimeZone(zone.getId());
        if (timeZone != null) {
            calendar.add(timeZone.getVTimeZone());
        }
        VEvent event = new VEvent(start.truncatedTo(ChronoUnit.SECONDS).atZone(zone),
                end.truncatedTo(ChronoUnit.SECONDS).atZone(zone), summary);
        event.add(new Uid(appointment + "@clearskin"));
        event.replace(new DtStamp(stamp.truncatedTo(ChronoUnit.SECONDS)));
        event.add(new Sequence(Math.max(0, revision)));
        event.add(new Status(cancelled ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
        if (location != null && !location.isBlank()) {
            event.add(new Location(location));
        }
        calendar.add(event);
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
