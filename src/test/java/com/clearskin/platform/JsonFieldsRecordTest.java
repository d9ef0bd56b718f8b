package com.clearskin.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

class JsonFieldsRecordTest {

    record Body(String name, Integer count) {
    }

    private final JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT).build();

    @Test
    void aBodyIsBoundToTheRecord() {
        assertThat(JsonFields.record(json, "{\"name\": \"a\", \"count\": 2}", Body.class)).isEqualTo(new Body("a", 2));
    }

    @Test
    void aMissingOrNonObjectBodyNamesTheBody() {
        for (String body : new String[] {null, " ", "[1]", "{oops"}) {
            assertThatThrownBy(() -> JsonFields.record(json, body, Body.class))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.violations().get(0).field()).isEqualTo("body"));
        }
    }

    @Test
    void aValueOfTheWrongKindIsAJacksonErrorWithItsPath() {
        for (String count : new String[] {"2.5", "2147483648", "\"" + "x".repeat(2000) + "\"", "\"abc\""}) {
            assertThatThrownBy(() -> JsonFields.record(json, "{\"count\": " + count + "}", Body.class))
                    .as(count).isInstanceOfSatisfying(JacksonException.class,
                            e -> assertThat(e.getPath().get(0).getPropertyName()).isEqualTo("count"));
        }
    }
}
