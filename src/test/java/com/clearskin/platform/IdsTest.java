package com.clearskin.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clearskin.platform.InvalidInputException.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdsTest {

    static final String ID = "3f2b8c1e-5d4a-4c8e-9a7b-1e2d3c4b5a69";

    @Test
    void theCanonicalFormIsAnIdBlanksAroundIgnoredAnyCase() {
        assertThat(Ids.parse(ID)).contains(UUID.fromString(ID));
        assertThat(Ids.parse("  " + ID.toUpperCase() + "\n")).contains(UUID.fromString(ID));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "1-1-1-1-1", "3f2b8c1e5d4a4c8e9a7b1e2d3c4b5a69", "3f2b8c1e-5d4a-4c8e-9a7b-1e2d3c4b5a6g",
            "{3f2b8c1e-5d4a-4c8e-9a7b-1e2d3c4b5a69}", "3f2b8c1e-5d4a-4c8e-9a7b-1e2d3c4b5a690", "\u0000"})
    void anythingElseIsNot(String text) {
        assertThat(Ids.parse(text)).isEmpty();
    }

    @Test
    void aPathsMalformedIdIsNotFound() {
        assertThatThrownBy(() -> Ids.orNotFound("1-1-1-1-1", "No appointment '1-1-1-1-1'."))
                .isInstanceOf(NotFoundException.class).hasMessage("No appointment '1-1-1-1-1'.");
        assertThat(Ids.orNotFound(ID, "x")).isEqualTo(UUID.fromString(ID));
    }

    @Test
    void aRequiredFieldNamesItselfWhenMissingOrMalformed() {
        assertThatThrownBy(() -> Ids.required("clientId", " ")).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations())
                        .containsExactly(new Violation("clientId", "is required")));
        assertThatThrownBy(() -> Ids.required("clientId", "x")).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations())
                        .containsExactly(new Violation("clientId", Ids.REASON)));
    }

    @Test
    void anOptionalFieldIsNoneWhenBlankAndAViolationWhenMalformed() {
        List<Violation> violations = new ArrayList<>();
        assertThat(Ids.optional("roomId", "", violations)).isEmpty();
        assertThat(violations).isEmpty();
        assertThat(Ids.optional("roomId", "nope", violations)).isEmpty();
        assertThat(violations).containsExactly(new Violation("roomId", Ids.REASON));
        assertThat(Ids.optional("roomId", ID, violations)).contains(UUID.fromString(ID));
    }
}
