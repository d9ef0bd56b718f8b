package com.clearskin.consent;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.sessions.SessionFixtures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per rule of {@link ConsentRules}. */
class ConsentRulesTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void validUntilAddsTheMonthsInTheClinicsCalendar() {
        Instant signed = Instant.parse("2026-01-31T10:00:00Z");
        assertThat(ConsentRules.validUntil(signed, 12, PARIS)).isEqualTo(Instant.parse("2027-01-31T10:00:00Z"));
        // a month later than 31 January is the last day of February, at the same local time
        assertThat(ConsentRules.validUntil(signed, 1, PARIS)).isEqualTo(Instant.parse("2026-02-28T10:00:00Z"));
        // across the change to summer time the local time is kept
        assertThat(ConsentRules.validUntil(Instant.parse("2026-03-01T09:00:00Z"), 1, PARIS))
                .isEqualTo(Instant.parse("2026-04-01T08:00:00Z"));
    }

    @Test
    void aSignatureHoldsUntilItsDateUnlessWithdrawn() {
        Instant until = Instant.parse("2027-01-01T00:00:00Z");
        assertThat(ConsentRules.holds(until.minusSeconds(1), until, false)).isTrue();
        assertThat(ConsentRules.holds(until, until, false)).as("expired at the instant").isFalse();
        assertThat(ConsentRules.holds(until.minusSeconds(1), until, true)).as("withdrawn").isFalse();
        assertThat(ConsentRules.status(until.minusSeconds(1), until, false)).isEqualTo("valid");
        assertThat(ConsentRules.status(until.plusSeconds(1), until, false)).isEqualTo("expired");
        assertThat(ConsentRules.status(until.plusSeconds(1), until, true)).isEqualTo("withdrawn");
    }

    @Test
    void aFormCoversTheTreatmentsItNames() {
        assertThat(ConsentRules.covers(List.of("chemical-peel", "medium-peel"), "medium-peel")).isTrue();
        assertThat(ConsentRules.covers(List.of("chemical-peel"), "microneedling")).isFalse();
    }

    @Test
    void theHashIsTheSha256OfTheExactText() {
        assertThat(ConsentRules.documentSha256("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(ConsentRules.documentSha256("abc ")).isNotEqualTo(ConsentRules.documentSha256("abc"));
        assertThat(ConsentRules.documentSha256("é")).isEqualTo(ConsentRules.documentSha256(
                new String("é".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)));
    }

    @Test
    void aDrawnSignatureIsAPngOfAtMost200Kb() {
        byte[] png = ConsentRules.decodeSignature(SessionFixtures.png(200, 60));
        assertThat(png).isNotNull();
        assertThat(ConsentRules.isPng(png)).isTrue();
        assertThat(ConsentRules.signatureIsSmallEnough(png)).isTrue();
        assertThat(ConsentRules.signatureIsSmallEnough(new byte[200 * 1024 + 1])).isFalse();
        byte[] fake = java.util.Arrays.copyOf(png, 40); // the PNG signature, then nothing an image reader can read
        assertThat(ConsentRules.isPng(fake)).isFalse();
        assertThat(ConsentRules.isPng("GIF89a".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(ConsentRules.decodeSignature("not base64!!")).isNull();
    }
}
