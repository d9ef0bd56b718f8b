package com.clearskin.followups;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.platform.InvalidInputException.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessageSettingsValidationTest {

    static List<String> fields(MessageSettings s) {
        return MessageSettingsValidation.check(s, Set.of("chemical-peel")).stream().map(Violation::field).toList();
    }

    static MessageSettings with(List<Integer> reminders, String from, String until, Map<String, List<Integer>> days,
            Map<String, Boolean> kinds) {
        return new MessageSettings(reminders, new MessageSettings.QuietHours(from, until), days, kinds);
    }

    @Test
    void theDefaultsPass() {
        assertThat(fields(MessageSettings.DEFAULTS)).isEmpty();
        assertThat(MessageSettings.DEFAULTS.reminderDaysBefore()).containsExactly(3, 1);
        assertThat(MessageSettings.DEFAULTS.quietFrom()).hasToString("21:00");
        assertThat(MessageSettings.DEFAULTS.quietUntil()).hasToString("08:00");
        assertThat(MessageSettings.DEFAULTS.sends(FollowUpKind.REBOOK)).isTrue();
    }

    @Test
    void reminderDaysAreFewDistinctAndWithinAMonth() {
        List<Violation> found = new ArrayList<>();
        MessageSettingsValidation.reminderDays(List.of(3, 3), found);
        MessageSettingsValidation.reminderDays(List.of(0), found);
        MessageSettingsValidation.reminderDays(List.of(31), found);
        MessageSettingsValidation.reminderDays(List.of(1, 2, 3, 4, 5, 6), found);
        assertThat(found).hasSize(4).allMatch(v -> v.field().equals("reminderDaysBefore"));
        found.clear();
        MessageSettingsValidation.reminderDays(List.of(), found);
        MessageSettingsValidation.reminderDays(List.of(7, 2), found);
        assertThat(found).as("no reminders, or a week and two days").isEmpty();
    }

    @Test
    void quietHoursAreLocalTimesNamedByField() {
        assertThat(fields(with(List.of(1), "25:00", "08:00", Map.of(), Map.of()))).containsExactly("quietHours.from");
        assertThat(fields(with(List.of(1), "21:00", "8", Map.of(), Map.of()))).containsExactly("quietHours.until");
        assertThat(fields(new MessageSettings(List.of(1), null, Map.of(), Map.of()))).containsExactly("quietHours");
    }

    @Test
    void checkInDaysAreForTheClinicsTreatments() {
        assertThat(fields(with(List.of(1), "21:00", "08:00", Map.of("tattoo", List.of(1)), Map.of())))
                .containsExactly("checkInDays.tattoo");
        assertThat(fields(with(List.of(1), "21:00", "08:00", Map.of("chemical-peel", List.of()), Map.of())))
                .containsExactly("checkInDays.chemical-peel");
        assertThat(fields(with(List.of(1), "21:00", "08:00", Map.of("chemical-peel", List.of(1, 91)), Map.of())))
                .containsExactly("checkInDays.chemical-peel");
        assertThat(fields(with(List.of(1), "21:00", "08:00", Map.of("chemical-peel", List.of(2, 5)), Map.of()))).isEmpty();
    }

    @Test
    void kindsAreTheKnownOnes() {
        assertThat(fields(with(List.of(1), "21:00", "08:00", Map.of(), Map.of("newsletter", true))))
                .containsExactly("kinds.newsletter");
        MessageSettings off = with(List.of(1), "21:00", "08:00", Map.of(), Map.of("rebook", false));
        assertThat(fields(off)).isEmpty();
        assertThat(off.sends(FollowUpKind.REBOOK)).isFalse();
        assertThat(off.sends(FollowUpKind.REMINDER)).as("a kind not named stays on").isTrue();
    }

    @Test
    void aTreatmentsOwnCheckInDaysReplaceTheDowntimeDefault() {
        MessageSettings own = with(List.of(1), "21:00", "08:00", Map.of("chemical-peel", List.of(2, 5)), Map.of());
        assertThat(own.checkInDaysFor("chemical-peel", 7)).containsExactly(2, 5);
        assertThat(own.checkInDaysFor("classic-facial", 0)).containsExactly(1);
        assertThat(own.checkInDaysFor("microneedling", 5)).containsExactly(1, 3, 7);
    }
}
