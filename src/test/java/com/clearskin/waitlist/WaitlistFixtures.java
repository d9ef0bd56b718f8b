package com.clearskin.waitlist;

import com.clearskin.booking.Slot;
import com.clearskin.resources.DateSpan;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

final class WaitlistFixtures {

    static final ZoneId ZONE = ZoneId.of("America/New_York");
    static final UUID ANNA = UUID.randomUUID();
    static final UUID BEN = UUID.randomUUID();
    static final Instant T0 = Instant.parse("2027-03-01T12:00:00Z");

    private WaitlistFixtures() {
    }

    static WaitlistEntry waiting(String treatment, String from, String to, UUID practitioner, Instant createdAt) {
        return new WaitlistEntry(UUID.randomUUID(), UUID.randomUUID(), treatment, practitioner,
                new DateSpan(LocalDate.parse(from), LocalDate.parse(to)), WaitlistStatus.WAITING, null, null,
                createdAt, createdAt);
    }

    static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(ZONE).toInstant();
    }

    static Opening opening(String treatment, UUID practitioner, String localStart, int minutes) {
        Instant start = local(localStart);
        return new Opening(UUID.randomUUID(), UUID.randomUUID(), treatment, practitioner, start,
                start.plusSeconds(minutes * 60L));
    }

    static Slot slot(String localStart, int minutes, UUID practitioner) {
        ZonedDateTime start = LocalDateTime.parse(localStart).atZone(ZONE);
        return new Slot(start.toOffsetDateTime(), start.plusMinutes(minutes).toOffsetDateTime(), practitioner,
                UUID.randomUUID(), List.of());
    }
}
