package com.clearskin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FormatsTest {

    private final Formats fmt = new Formats();

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void moneyRangeInDollars() {
        assertThat(fmt.moneyRange("USD", d("85"), d("250"))).isEqualTo("$85–$250");
        assertThat(fmt.moneyRange("USD", d("2000"), d("5000"))).isEqualTo("$2,000–$5,000");
    }

    @Test
    void moneyShowsCentsOnlyWhenThereAreAny() {
        assertThat(fmt.money("USD", d("99.50"))).isEqualTo("$99.50");
        assertThat(fmt.money("USD", d("99.5"))).isEqualTo("$99.50");
        assertThat(fmt.money("USD", d("100.00"))).isEqualTo("$100");
        assertThat(fmt.moneyRange("USD", d("99.50"), d("120"))).isEqualTo("$99.50–$120");
    }

    @Test
    void sameMinAndMaxIsOneAmount() {
        assertThat(fmt.moneyRange("USD", d("85"), d("85.00"))).isEqualTo("$85");
        assertThat(fmt.moneyRange("USD", d("85"), null)).isEqualTo("$85");
        assertThat(fmt.moneyRange("USD", null, d("85"))).isEmpty();
        assertThat(fmt.money("USD", null)).isEmpty();
    }

    @Test
    void otherCurrenciesUseTheirSymbol() {
        assertThat(fmt.moneyRange("EUR", d("85"), d("250"))).isEqualTo("€85–€250");
    }

    @Test
    void unknownCurrencyIsWrittenAfterTheAmount() {
        assertThat(fmt.money("ABC", d("85"))).isEqualTo("85 ABC");
        assertThat(fmt.moneyRange("ABC", d("85"), d("99.50"))).isEqualTo("85 ABC–99.50 ABC");
    }

    @Test
    void minutes() {
        assertThat(fmt.minutes(30, 60)).isEqualTo("30–60 min");
        assertThat(fmt.minutes(45, 45)).isEqualTo("45 min");
        assertThat(fmt.minutes(5, null)).isEqualTo("5 min");
        assertThat(fmt.minutes(null, 10)).isEqualTo("10 min");
        assertThat(fmt.minutes(null, null)).isEmpty();
    }

    @Test
    void days() {
        assertThat(fmt.days(0, 1)).isEqualTo("0–1 days");
        assertThat(fmt.days(7, 10)).isEqualTo("7–10 days");
        assertThat(fmt.days(1, 1)).isEqualTo("1 day");
        assertThat(fmt.days(3, 3)).isEqualTo("3 days");
        assertThat(fmt.days(1, null)).isEqualTo("from 1 day");
        assertThat(fmt.days(2, null)).isEqualTo("from 2 days");
        assertThat(fmt.days(null, 3)).isEmpty();
    }

    @Test
    void intervalInWholeWeeksReadsAsWeeks() {
        assertThat(fmt.interval(28, 42)).isEqualTo("every 4–6 weeks");
        assertThat(fmt.interval(14, 35)).isEqualTo("every 2–5 weeks");
        assertThat(fmt.interval(14, 14)).isEqualTo("every 2 weeks");
    }

    @Test
    void shortOrUnevenIntervalReadsAsDays() {
        assertThat(fmt.interval(7, 14)).isEqualTo("every 7–14 days");
        assertThat(fmt.interval(7, 7)).isEqualTo("every 7 days");
        assertThat(fmt.interval(28, 31)).isEqualTo("every 28–31 days");
        assertThat(fmt.interval(21, 30)).isEqualTo("every 21–30 days");
        assertThat(fmt.interval(null, 14)).isEmpty();
    }

    @Test
    void openEndedIntervalIsAMinimum() {
        assertThat(fmt.interval(180, null)).isEqualTo("at least 180 days apart");
        assertThat(fmt.interval(28, null)).isEqualTo("at least 4 weeks apart");
        assertThat(fmt.interval(1, null)).isEqualTo("at least 1 day apart");
    }

    @Test
    void sessions() {
        assertThat(fmt.sessions(1, null)).isEqualTo("1+ sessions");
        assertThat(fmt.sessions(4, 6)).isEqualTo("4–6 sessions");
        assertThat(fmt.sessions(1, 1)).isEqualTo("1 session");
        assertThat(fmt.sessions(3, 3)).isEqualTo("3 sessions");
        assertThat(fmt.sessions(null, 3)).isEmpty();
    }
}
