package com.clearskin.waitlist;

import static com.clearskin.waitlist.WaitlistFixtures.ANNA;
import static com.clearskin.waitlist.WaitlistFixtures.BEN;
import static com.clearskin.waitlist.WaitlistFixtures.T0;
import static com.clearskin.waitlist.WaitlistFixtures.ZONE;
import static com.clearskin.waitlist.WaitlistFixtures.opening;
import static com.clearskin.waitlist.WaitlistFixtures.slot;
import static com.clearskin.waitlist.WaitlistFixtures.waiting;
import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.booking.Slot;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class WaitlistLineTest {

    final Opening opening = opening("chemical-peel", ANNA, "2027-03-05T10:00", 60);
    final Slot freed = slot("2027-03-05T10:00", 60, ANNA);
    final WaitlistEntry first = waiting("chemical-peel", "2027-03-01", "2027-03-10", null, T0);
    final WaitlistEntry second = waiting("chemical-peel", "2027-03-01", "2027-03-10", null, T0.plusSeconds(60));
    final WaitlistEntry third = waiting("chemical-peel", "2027-03-01", "2027-03-10", null, T0.plusSeconds(120));

    /** The same free slots whoever asks, as availability answers for any practitioner. */
    static Function<UUID, List<Slot>> free(Slot... slots) {
        return practitioner -> List.of(slots).stream()
                .filter(s -> practitioner == null || practitioner.equals(s.practitionerId())).toList();
    }

    @Test
    void aNamedPractitionersOwnSlotsAreAskedFor() {
        WaitlistEntry wantsBen = waiting("chemical-peel", "2027-03-01", "2027-03-10", BEN, T0.minusSeconds(60));
        Slot bens = slot("2027-03-05T10:00", 60, BEN);
        Function<UUID, List<Slot>> answers = p -> BEN.equals(p) ? List.of(bens) : List.of(freed);
        assertThat(WaitlistLine.firstInLine(opening, List.of(first, wantsBen), Set.of(), answers, ZONE))
                .hasValueSatisfying(p -> {
                    assertThat(p.entry()).isEqualTo(wantsBen);
                    assertThat(p.slot()).isEqualTo(bens);
                });
    }

    @Test
    void theFirstInLineGetsTheFreedTime() {
        assertThat(WaitlistLine.firstInLine(opening, List.of(third, second, first), Set.of(), free(freed), ZONE))
                .hasValueSatisfying(p -> {
                    assertThat(p.entry()).isEqualTo(first);
                    assertThat(p.slot()).isEqualTo(freed);
                });
    }

    @Test
    void anEntryThatHadTheOpeningPassesItOn() {
        assertThat(WaitlistLine.firstInLine(opening, List.of(first, second), Set.of(first.id()), free(freed), ZONE))
                .hasValueSatisfying(p -> assertThat(p.entry()).isEqualTo(second));
    }

    @Test
    void anEntryHoldingAnotherOfferIsPassedOver() {
        WaitlistEntry busy = first.offered(new Offer(UUID.randomUUID(), freed.start().toInstant(), ANNA,
                T0.plusSeconds(7200)), T0);
        assertThat(WaitlistLine.firstInLine(opening, List.of(busy, second), Set.of(), free(freed), ZONE))
                .hasValueSatisfying(p -> assertThat(p.entry()).isEqualTo(second));
    }

    @Test
    void theFirstForWhomNoSlotFitsIsSkipped() {
        WaitlistEntry wantsBen = waiting("chemical-peel", "2027-03-01", "2027-03-10", BEN, T0.minusSeconds(60));
        WaitlistEntry otherTreatment = waiting("microneedling", "2027-03-01", "2027-03-10", null, T0.minusSeconds(30));
        WaitlistEntry tooLate = waiting("chemical-peel", "2027-03-06", "2027-03-10", null, T0.minusSeconds(10));
        assertThat(WaitlistLine.firstInLine(opening, List.of(wantsBen, otherTreatment, tooLate, second, first),
                Set.of(), free(freed), ZONE))
                .hasValueSatisfying(p -> assertThat(p.entry()).isEqualTo(first));
    }

    @Test
    void nobodyGetsItWhenNoSlotIsFree() {
        assertThat(WaitlistLine.firstInLine(opening, List.of(first, second), Set.of(), free(), ZONE)).isEmpty();
    }

    @Test
    void nobodyGetsItWhenEveryoneHadIt() {
        assertThat(WaitlistLine.firstInLine(opening, List.of(first, second), Set.of(first.id(), second.id()),
                free(freed), ZONE)).isEmpty();
    }
}
