package com.clearskin.branding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.clearskin.platform.InvalidInputException.Violation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContrastTest {

    @Test
    void blackOnWhiteIsTwentyOneToOneAndAColourOnItselfIsOne() {
        assertThat(Contrast.ratio("#000000", "#ffffff")).isCloseTo(21.0, within(0.01));
        assertThat(Contrast.ratio("#777777", "#777777")).isCloseTo(1.0, within(0.001));
    }

    @Test
    void aaIsFourAndAHalfToOne() {
        assertThat(Contrast.meetsAA("#767676", "#ffffff")).isTrue(); // 4.54:1, the lightest grey that passes
        assertThat(Contrast.meetsAA("#777777", "#ffffff")).isFalse(); // 4.48:1
    }

    @Test
    void coloursAreNormalisedOrRefused() {
        assertThat(Contrast.normalize("#ABC")).isEqualTo("#aabbcc");
        assertThat(Contrast.normalize(" #0F5C5B ")).isEqualTo("#0f5c5b");
        assertThat(Contrast.normalize("blue")).isNull();
        assertThat(Contrast.normalize("#12345")).isNull();
    }

    @Test
    void theProfileRefusesTextThatDoesNotStandOutFromTheBrandColour() {
        List<Violation> v = new ArrayList<>();
        ProfileInput.colorsContrast("#0f5c5b", "#ffffff", v);
        assertThat(v).isEmpty();
        ProfileInput.colorsContrast("#ffcc00", "#ffffff", v);
        assertThat(v).extracting(Violation::field).containsExactly("colors.onBrand", "colors.brand");
    }
}
