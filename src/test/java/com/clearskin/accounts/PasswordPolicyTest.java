package com.clearskin.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clearskin.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void longEnoughCountsCharactersNotBytes() {
        assertThat(PasswordPolicy.longEnough("a".repeat(11))).isFalse();
        assertThat(PasswordPolicy.longEnough("a".repeat(12))).isTrue();
        assertThat(PasswordPolicy.longEnough("🙂".repeat(12))).isTrue();
    }

    @Test
    void fitsTheHashCountsUtf8Bytes() {
        assertThat(PasswordPolicy.fitsTheHash("a".repeat(72))).isTrue();
        assertThat(PasswordPolicy.fitsTheHash("a".repeat(73))).isFalse();
        assertThat(PasswordPolicy.fitsTheHash("é".repeat(37))).isFalse();
    }

    @Test
    void differsFromTheEmailIgnoresCaseAndSpaces() {
        assertThat(PasswordPolicy.differsFromTheEmail("Maya.Lopez@example.com", " maya.lopez@EXAMPLE.com")).isFalse();
        assertThat(PasswordPolicy.differsFromTheEmail("maya.lopez@example.com", "Maya.Lopez")).isFalse();
        assertThat(PasswordPolicy.differsFromTheEmail("maya.lopez@example.com", "maya.lopez-garden-2026")).isTrue();
        assertThat(PasswordPolicy.differsFromTheEmail(null, "anything at all")).isTrue();
    }

    @Test
    void checkNamesTheFieldWithEveryReason() {
        assertThatThrownBy(() -> PasswordPolicy.check("password", "abc@example.com", "abc"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(InvalidInputException.Violation::reason)
                        .containsExactly("must be at least 12 characters", "must not be your email address or its name part"));
        assertThatThrownBy(() -> PasswordPolicy.check("password", "a@b.co", null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("password"));
        PasswordPolicy.check("password", "abc@example.com", "correct horse battery");
    }
}
