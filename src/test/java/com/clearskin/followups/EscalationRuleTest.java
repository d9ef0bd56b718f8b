package com.clearskin.followups;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.followups.EscalationRule.WarningSign;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EscalationRuleTest {

    @Test
    void anyWarningSignEscalates() {
        assertThat(EscalationRule.hasWarningSign(Set.of(WarningSign.FEVER))).isTrue();
        assertThat(EscalationRule.hasWarningSign(Set.of())).isFalse();
        assertThat(EscalationRule.reasons(0, 0, EnumSet.of(WarningSign.PUS, WarningSign.BLISTERS)))
                .containsExactly("warning signs: pus, blisters");
    }

    @Test
    void painFromSevenEscalates() {
        assertThat(EscalationRule.painPastThreshold(6)).isFalse();
        assertThat(EscalationRule.painPastThreshold(7)).isTrue();
        assertThat(EscalationRule.reasons(1, 7, Set.of())).containsExactly("pain 7 of 10");
    }

    @Test
    void onlyTheStrongestRednessEscalates() {
        assertThat(EscalationRule.rednessPastThreshold(2)).isFalse();
        assertThat(EscalationRule.rednessPastThreshold(3)).isTrue();
        assertThat(EscalationRule.reasons(3, 0, Set.of())).containsExactly("strong redness (3 of 3)");
    }

    @Test
    void anOrdinaryRecoveryDoesNotEscalate() {
        assertThat(EscalationRule.reasons(2, 4, Set.of())).isEmpty();
    }

    @Test
    void warningSignsAreKnownByTheirCode() {
        assertThat(WarningSign.fromCode("spreading-redness")).contains(WarningSign.SPREADING_REDNESS);
        assertThat(WarningSign.fromCode("itch")).isEmpty();
    }
}
