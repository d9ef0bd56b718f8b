package com.clearskin.waitlist;

import static com.clearskin.waitlist.WaitlistFixtures.T0;
import static com.clearskin.waitlist.WaitlistFixtures.waiting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clearskin.platform.ConflictException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WaitlistEntryTest {

    final Offer offer = new Offer(UUID.randomUUID(), T0.plus(Duration.ofDays(2)), UUID.randomUUID(),
            T0.plus(Duration.ofHours(2)));
    final WaitlistEntry entry = waiting("chemical-peel", "2027-03-01", "2027-03-10", null, T0);

    @Test
    void aWaitingEntryIsOfferedATime() {
        WaitlistEntry offered = entry.offered(offer, T0);
        assertThat(offered.status()).isEqualTo(WaitlistStatus.OFFERED);
        assertThat(offered.offer()).isEqualTo(offer);
    }

    @Test
    void anEntryHoldsOneOfferAtATime() {
        assertThatThrownBy(() -> entry.offered(offer, T0).offered(offer, T0)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aLiveOfferIsBooked() {
        UUID appointment = UUID.randomUUID();
        WaitlistEntry booked = entry.offered(offer, T0).booked(appointment, T0.plusSeconds(60));
        assertThat(booked.status()).isEqualTo(WaitlistStatus.BOOKED);
        assertThat(booked.appointmentId()).isEqualTo(appointment);
        assertThat(booked.offer()).isNull();
    }

    @Test
    void aLapsedOfferCannotBeBooked() {
        WaitlistEntry offered = entry.offered(offer, T0);
        assertThatThrownBy(() -> offered.booked(UUID.randomUUID(), offer.expiresAt()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("lapsed");
    }

    @Test
    void withoutAnOfferThereIsNothingToBook() {
        assertThatThrownBy(() -> entry.requireLiveOffer(T0)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("no open offer");
        assertThatThrownBy(() -> entry.booked(UUID.randomUUID(), T0)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aDeclinedOrLapsedOfferPutsTheEntryBackInLine() {
        WaitlistEntry back = entry.offered(offer, T0).backInLine(T0.plusSeconds(5));
        assertThat(back.status()).isEqualTo(WaitlistStatus.WAITING);
        assertThat(back.offer()).isNull();
        assertThat(back.createdAt()).isEqualTo(T0);
    }

    @Test
    void cancellingIsFinal() {
        WaitlistEntry cancelled = entry.offered(offer, T0).cancelled(T0);
        assertThat(cancelled.status()).isEqualTo(WaitlistStatus.CANCELLED);
        assertThatThrownBy(() -> cancelled.cancelled(T0)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> cancelled.offered(offer, T0)).isInstanceOf(ConflictException.class);
    }

    @Test
    void onlyAWaitingEntryExpires() {
        assertThat(entry.expired(T0).status()).isEqualTo(WaitlistStatus.EXPIRED);
        assertThatThrownBy(() -> entry.offered(offer, T0).expired(T0)).isInstanceOf(ConflictException.class);
    }

    @Test
    void anOfferedEntryMustCarryItsOffer() {
        assertThatThrownBy(() -> new WaitlistEntry(entry.id(), entry.clientId(), entry.treatment(), null,
                entry.window(), WaitlistStatus.OFFERED, null, null, T0, T0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
