package com.clearskin.waitlist;

import static com.clearskin.waitlist.WaitlistFixtures.ANNA;
import static com.clearskin.waitlist.WaitlistFixtures.BEN;
import static com.clearskin.waitlist.WaitlistFixtures.T0;
import static com.clearskin.waitlist.WaitlistFixtures.ZONE;
import static com.clearskin.waitlist.WaitlistFixtures.local;
import static com.clearskin.waitlist.WaitlistFixtures.opening;
import static com.clearskin.waitlist.WaitlistFixtures.slot;
import static com.clearskin.waitlist.WaitlistFixtures.waiting;
import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.booking.Slot;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WaitlistRulesTest {

    final Opening opening = opening("chemical-peel", ANNA, "2027-03-05T10:00", 60);

    @Test
    void isWaiting() {
        WaitlistEntry e = waiting("chemical-peel", "2027-03-01", "2027-03-10", null, T0);
        assertThat(WaitlistRules.isWaiting(e)).isTrue();
        assertThat(WaitlistRules.isWaiting(e.cancelled(T0))).isFalse();
    }

    @Test
    void treatmentMatches() {
        assertThat(WaitlistRules.treatmentMatches(waiting("chemical-peel", "2027-03-01", "2027-03-10", null, T0),
                opening)).isTrue();
        assertThat(WaitlistRules.treatmentMatches(waiting("microneedling", "2027-03-01", "2027-03-10", null, T0),
                opening)).isFalse();
    }

    @Test
    void windowCoversTheLocalDateNotTheUtcDate() {
        WaitlistEntry e = waiting("chemical-peel", "2027-03-05", "2027-03-05", null, T0);
        assertThat(WaitlistRules.windowCovers(e, local("2027-03-05T00:30"), ZONE)).isTrue();
        assertThat(WaitlistRules.windowCovers(e, local("2027-03-05T21:00"), ZONE)).isTrue(); // 02:00 UTC next day
        assertThat(WaitlistRules.windowCovers(e, local("2027-03-06T09:00"), ZONE)).isFalse();
        assertThat(WaitlistRules.windowCovers(e, local("2027-03-04T23:59"), ZONE)).isFalse();
    }

    @Test
    void practitionerFits() {
        assertThat(WaitlistRules.practitionerFits(waiting("chemical-peel", "2027-03-01", "2027-03-10", null, T0), BEN))
                .isTrue();
        assertThat(WaitlistRules.practitionerFits(waiting("chemical-peel", "2027-03-01", "2027-03-10", ANNA, T0), ANNA))
                .isTrue();
        assertThat(WaitlistRules.practitionerFits(waiting("chemical-peel", "2027-03-01", "2027-03-10", ANNA, T0), BEN))
                .isFalse();
    }

    @Test
    void notOfferedBefore() {
        WaitlistEntry e = waiting("chemical-peel", "2027-03-01", "2027-03-10", null, T0);
        assertThat(WaitlistRules.notOfferedBefore(e, Set.of())).isTrue();
        assertThat(WaitlistRules.notOfferedBefore(e, Set.of(e.id()))).isFalse();
    }

    @Test
    void slotUsesOpening() {
        assertThat(WaitlistRules.slotUsesOpening(slot("2027-03-05T10:45", 60, ANNA), opening)).isTrue();
        assertThat(WaitlistRules.slotUsesOpening(slot("2027-03-05T09:15", 60, ANNA), opening)).isTrue();
        assertThat(WaitlistRules.slotUsesOpening(slot("2027-03-05T11:00", 60, ANNA), opening)).isFalse();
        assertThat(WaitlistRules.slotUsesOpening(slot("2027-03-05T09:00", 60, ANNA), opening)).isFalse();
    }

    @Test
    void bestSlotIsTheOneNearestTheFreedStart() {
        WaitlistEntry e = waiting("chemical-peel", "2027-03-01", "2027-03-10", null, T0);
        Slot early = slot("2027-03-05T09:30", 60, ANNA);
        Slot exact = slot("2027-03-05T10:00", 60, BEN);
        Slot late = slot("2027-03-05T10:15", 60, ANNA);
        assertThat(WaitlistRules.bestSlot(e, opening, List.of(early, late, exact), ZONE)).contains(exact);
        assertThat(WaitlistRules.bestSlot(e, opening, List.of(late, early), ZONE)).contains(late);
        Slot lateToo = slot("2027-03-05T10:30", 60, ANNA);
        Slot earlyToo = slot("2027-03-05T09:30", 60, ANNA);
        assertThat(WaitlistRules.bestSlot(e, opening, List.of(lateToo, earlyToo), ZONE)).contains(earlyToo);
    }

    @Test
    void bestSlotKeepsToThePractitionerAndTheWindow() {
        WaitlistEntry withBen = waiting("chemical-peel", "2027-03-01", "2027-03-10", BEN, T0);
        Slot anna = slot("2027-03-05T10:00", 60, ANNA);
        assertThat(WaitlistRules.bestSlot(withBen, opening, List.of(anna), ZONE)).isEmpty();
        WaitlistEntry later = waiting("chemical-peel", "2027-03-06", "2027-03-10", null, T0);
        assertThat(WaitlistRules.bestSlot(later, opening, List.of(anna), ZONE)).isEmpty();
        assertThat(WaitlistRules.bestSlot(withBen, opening, List.of(), ZONE)).isEmpty();
    }

    @Test
    void offerExpiryIsTheClinicsOfferTimeButNeverPastTheSlot() {
        Instant slotStart = T0.plus(Duration.ofDays(1));
        assertThat(WaitlistRules.offerExpiry(T0, 120, slotStart)).isEqualTo(T0.plus(Duration.ofMinutes(120)));
        Instant soon = T0.plus(Duration.ofMinutes(30));
        assertThat(WaitlistRules.offerExpiry(T0, 120, soon)).isEqualTo(soon);
    }

    @Test
    void windowHasPassed() {
        WaitlistEntry e = waiting("chemical-peel", "2027-03-01", "2027-03-10", null, T0);
        assertThat(WaitlistRules.windowHasPassed(e, LocalDate.parse("2027-03-10"))).isFalse();
        assertThat(WaitlistRules.windowHasPassed(e, LocalDate.parse("2027-03-11"))).isTrue();
    }

    @Test
    void lineOrderIsFirstComeFirstServed() {
        WaitlistEntry first = waiting("chemical-peel", "2027-03-01", "2027-03-10", null, T0);
        WaitlistEntry second = waiting("chemical-peel", "2027-03-01", "2027-03-10", null, T0.plusSeconds(1));
        assertThat(List.of(second, first).stream().sorted(WaitlistRules.LINE_ORDER).toList())
                .containsExactly(first, second);
    }
}
