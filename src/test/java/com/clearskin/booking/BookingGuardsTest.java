package com.clearskin.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clearskin.accounts.Role;
import com.clearskin.platform.ForbiddenException;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.RuleRefusedException;
import com.clearskin.resources.ClinicHours;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BookingGuardsTest {

    static final ClinicHours HOURS = new ClinicHours(ZoneId.of("America/New_York"), 15, List.of(), List.of());
    static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    static final Booker STAFF = new Booker(UUID.randomUUID(), Role.FRONT_DESK);
    static final Booker CLIENT = new Booker(UUID.randomUUID(), Role.CLIENT);

    static String field(Throwable e) {
        return ((InvalidInputException) e).violations().get(0).field();
    }

    @Test
    void startIsOnGrid() {
        assertThatCode(() -> BookingGuards.startIsOnGrid(HOURS, Instant.parse("2026-12-01T14:45:00Z")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> BookingGuards.startIsOnGrid(HOURS, Instant.parse("2026-12-01T14:50:00Z")))
                .isInstanceOf(InvalidInputException.class).satisfies(e -> assertThat(field(e)).isEqualTo("start"));
        assertThatThrownBy(() -> BookingGuards.startIsOnGrid(HOURS, Instant.parse("2026-12-01T14:45:30Z")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void startIsNotPast() {
        assertThatCode(() -> BookingGuards.startIsNotPast(NOW.plusSeconds(1), NOW)).doesNotThrowAnyException();
        assertThatThrownBy(() -> BookingGuards.startIsNotPast(NOW, NOW)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("past");
    }

    @Test
    void startGivesNotice() {
        assertThatCode(() -> BookingGuards.startGivesNotice(NOW.plusSeconds(3600), NOW, 60)).doesNotThrowAnyException();
        assertThatThrownBy(() -> BookingGuards.startGivesNotice(NOW.plusSeconds(3599), NOW, 60))
                .isInstanceOf(InvalidInputException.class).satisfies(e -> assertThat(field(e)).isEqualTo("start"));
    }

    @Test
    void startIsWithinHorizon() {
        LocalDate today = LocalDate.of(2026, 11, 22);
        assertThatCode(() -> BookingGuards.startIsWithinHorizon(Instant.parse("2026-12-02T15:00:00Z"), today, HOURS, 10))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> BookingGuards.startIsWithinHorizon(Instant.parse("2026-12-03T15:00:00Z"), today,
                HOURS, 10)).isInstanceOf(InvalidInputException.class).hasMessageContaining("horizon");
    }

    @Test
    void bookerMayActFor() {
        UUID own = UUID.randomUUID();
        assertThatCode(() -> BookingGuards.bookerMayActFor(STAFF, null, UUID.randomUUID())).doesNotThrowAnyException();
        assertThatCode(() -> BookingGuards.bookerMayActFor(CLIENT, own, own)).doesNotThrowAnyException();
        assertThatThrownBy(() -> BookingGuards.bookerMayActFor(CLIENT, own, UUID.randomUUID()))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> BookingGuards.bookerMayActFor(CLIENT, null, own)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void clientCancelsInTime() {
        Instant start = NOW.plusSeconds(24 * 3600);
        assertThatCode(() -> BookingGuards.clientCancelsInTime(CLIENT, start, NOW, 24)).doesNotThrowAnyException();
        assertThatThrownBy(() -> BookingGuards.clientCancelsInTime(CLIENT, start, NOW.plusSeconds(1), 24))
                .isInstanceOf(RuleRefusedException.class)
                .satisfies(e -> assertThat(((RuleRefusedException) e).rule()).isEqualTo("cancellation-notice"));
        assertThatCode(() -> BookingGuards.clientCancelsInTime(STAFF, start, start.minusSeconds(60), 24))
                .doesNotThrowAnyException();
    }

    @Test
    void rulesAllow() {
        RuleFinding excluded = new RuleFinding("minimum-interval", RuleFinding.Level.EXCLUDED, "Too soon.",
                LocalDate.of(2026, 12, 20));
        RuleFinding caution = new RuleFinding("fitzpatrick-pigmentation-risk", RuleFinding.Level.CAUTION, "Careful.",
                null);
        assertThat(BookingGuards.rulesAllow(List.of(), CLIENT, null, true)).isNull();
        assertThatThrownBy(() -> BookingGuards.rulesAllow(List.of(caution, excluded), STAFF, "I checked", true))
                .isInstanceOf(RuleRefusedException.class)
                .satisfies(e -> {
                    assertThat(((RuleRefusedException) e).rule()).isEqualTo("minimum-interval");
                    assertThat(((RuleRefusedException) e).allowedFrom()).isEqualTo(LocalDate.of(2026, 12, 20));
                });
        assertThatThrownBy(() -> BookingGuards.rulesAllow(List.of(caution), STAFF, " ", true))
                .isInstanceOf(RuleRefusedException.class);
        assertThatThrownBy(() -> BookingGuards.rulesAllow(List.of(caution), CLIENT, "I want it", true))
                .isInstanceOf(RuleRefusedException.class);
        assertThat(BookingGuards.rulesAllow(List.of(caution), STAFF, " patch test done ", true)).isEqualTo("patch test done");
    }

    @Test
    void rulesAllowTellsABookerWithoutHealthAccessOnlyTheRuleInNeutralWords() {
        RuleFinding washout = new RuleFinding("isotretinoin-washout", RuleFinding.Level.EXCLUDED,
                "You took isotretinoin on 2026-10-24.", LocalDate.of(2027, 4, 24), "A medical reason.");
        assertThatThrownBy(() -> BookingGuards.rulesAllow(List.of(washout), STAFF, "checked", false))
                .isInstanceOf(RuleRefusedException.class)
                .satisfies(e -> {
                    assertThat(((RuleRefusedException) e).rule()).isEqualTo("isotretinoin-washout");
                    assertThat(e.getMessage()).isEqualTo("A medical reason.");
                    assertThat(((RuleRefusedException) e).allowedFrom()).isNull();
                });
        assertThatThrownBy(() -> BookingGuards.rulesAllow(List.of(washout), STAFF, "checked", true))
                .hasMessageContaining("2026-10-24");
        RuleFinding interval = new RuleFinding("minimum-interval", RuleFinding.Level.EXCLUDED, "Too soon.",
                LocalDate.of(2026, 12, 20));
        assertThatThrownBy(() -> BookingGuards.rulesAllow(List.of(interval), STAFF, null, false))
                .hasMessage("Too soon.");
    }
}
