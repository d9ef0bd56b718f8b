package com.clearskin.waitlist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WaitlistStatusTest {

    @Test
    void waitingMayBeOfferedCancelledOrExpire() {
        assertThat(WaitlistStatus.WAITING.next()).containsExactlyInAnyOrder(WaitlistStatus.OFFERED,
                WaitlistStatus.CANCELLED, WaitlistStatus.EXPIRED);
    }

    @Test
    void anOfferIsBookedGoesBackInLineOrIsCancelled() {
        assertThat(WaitlistStatus.OFFERED.next()).containsExactlyInAnyOrder(WaitlistStatus.BOOKED,
                WaitlistStatus.WAITING, WaitlistStatus.CANCELLED);
    }

    @Test
    void bookedExpiredAndCancelledAreFinal() {
        assertThat(WaitlistStatus.BOOKED.next()).isEmpty();
        assertThat(WaitlistStatus.EXPIRED.next()).isEmpty();
        assertThat(WaitlistStatus.CANCELLED.next()).isEmpty();
    }

    @Test
    void onlyWaitingAndOfferedAreInLine() {
        assertThat(WaitlistStatus.WAITING.isOpen()).isTrue();
        assertThat(WaitlistStatus.OFFERED.isOpen()).isTrue();
        assertThat(WaitlistStatus.BOOKED.isOpen()).isFalse();
    }

    @Test
    void codesMatchTheDatabase() {
        assertThat(WaitlistStatus.fromCode("offered")).contains(WaitlistStatus.OFFERED);
        assertThat(WaitlistStatus.fromCode("nope")).isEmpty();
        assertThat(WaitlistStatus.EXPIRED.code()).isEqualTo("expired");
    }
}
