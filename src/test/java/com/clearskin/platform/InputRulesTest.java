package com.clearskin.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class InputRulesTest {

    @Test
    void textMayHoldAnythingButNul() {
        assertThat(InputRules.containsNul("Zoë 🧴 \\u0000")).isFalse();
        assertThat(InputRules.containsNul(null)).isFalse();
        assertThat(InputRules.containsNul("a\u0000b")).isTrue();
        assertThatThrownBy(() -> InputRules.withoutNul("lastName", "\u0000")).isInstanceOf(InvalidInputException.class)
                .hasMessage("lastName: must not contain a NUL character");
    }

    @Test
    void datesLieInTheYears1900To2200() {
        assertThat(InputRules.isSaneDate(LocalDate.of(1900, 1, 1))).isTrue();
        assertThat(InputRules.isSaneDate(LocalDate.of(2200, 12, 31))).isTrue();
        assertThat(InputRules.isSaneDate(LocalDate.of(1899, 12, 31))).isFalse();
        assertThat(InputRules.isSaneDate(LocalDate.MAX)).isFalse();
        assertThatThrownBy(() -> InputRules.saneDate("firstDate", LocalDate.parse("+999999999-12-31")))
                .isInstanceOf(InvalidInputException.class).hasMessage("firstDate: must be a date from 1900 to 2200");
    }

    @Test
    void instantsLieInTheYears1900To2200() {
        assertThat(InputRules.isSaneInstant(Instant.parse("2200-12-31T23:59:59Z"))).isTrue();
        assertThat(InputRules.isSaneInstant(Instant.parse("2201-01-01T00:00:00Z"))).isFalse();
        assertThat(InputRules.isSaneInstant(Instant.MIN)).isFalse();
        assertThatThrownBy(() -> InputRules.saneInstant("start", Instant.MAX)).isInstanceOf(InvalidInputException.class);
    }
}
