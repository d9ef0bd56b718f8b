package com.clearskin.reviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clearskin.platform.ForbiddenException;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.RuleRefusedException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewRulesTest {

    static final Instant DONE = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void aRatingIsOneToFiveStars() {
        assertThat(ReviewRules.rating(1)).isEqualTo(1);
        assertThat(ReviewRules.rating(5)).isEqualTo(5);
        assertThatThrownBy(() -> ReviewRules.rating(0)).isInstanceOf(InvalidInputException.class).hasMessageContaining("1 to 5");
        assertThatThrownBy(() -> ReviewRules.rating(6)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ReviewRules.rating(null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theTextIsKeptAsTypedUpTo2000Characters() {
        String script = "<script>alert(1)</script>";
        assertThat(ReviewRules.text("text", script)).isEqualTo(script);
        assertThat(ReviewRules.text("text", null)).isEmpty();
        assertThat(ReviewRules.text("text", "a".repeat(2000))).hasSize(2000);
        assertThatThrownBy(() -> ReviewRules.text("text", "a".repeat(2001))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("2000");
        assertThatThrownBy(() -> ReviewRules.reply("  ")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void onlyTheClientOfACompletedVisit() {
        assertThatThrownBy(() -> ReviewRules.completedVisit(false, DONE)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> ReviewRules.completedVisit(true, null)).isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("completed");
        assertThat(ReviewRules.completedVisit(true, DONE)).isEqualTo(DONE);
    }

    @Test
    void within90DaysOfCompletion() {
        assertThatCode(() -> ReviewRules.withinWindow(DONE, DONE.plus(Duration.ofDays(90)))).doesNotThrowAnyException();
        assertThatThrownBy(() -> ReviewRules.withinWindow(DONE, DONE.plus(Duration.ofDays(90)).plusSeconds(1)))
                .isInstanceOf(RuleRefusedException.class).hasMessageContaining("90 days");
    }

    @Test
    void noAverageUnderThreeReviews() {
        assertThat(ReviewRules.average(List.of())).isNull();
        assertThat(ReviewRules.average(List.of(5, 5))).isNull();
        assertThat(ReviewRules.average(List.of(5, 4, 2))).isEqualTo(3.7);
        assertThat(ReviewRules.distribution(List.of(5, 4, 5, 1))).containsExactly(1, 0, 0, 1, 2);
    }

    @Test
    void theVerifiedVisitLine() {
        assertThat(ReviewRules.verifiedVisit("Extraction facial", DONE, ZoneId.of("America/New_York")))
                .isEqualTo("Verified visit: Extraction facial, Nov 2026");
        assertThat(ReviewRules.verifiedVisit(null, Instant.parse("2026-11-30T23:30:00Z"), ZoneId.of("Europe/Paris")))
                .as("the month in the clinic's zone").isEqualTo("Verified visit: Dec 2026");
    }
}
