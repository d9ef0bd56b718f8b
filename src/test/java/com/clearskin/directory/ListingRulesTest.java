package com.clearskin.directory;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clearskin.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

class ListingRulesTest {

    @Test
    void latitudeAndLongitudeStayOnTheEarth() {
        assertThatCode(() -> ListingRules.check(true, "1 rue", "Paris", 90.0, -180.0)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ListingRules.check(false, "", "", 90.5, 0.0)).hasMessageContaining("latitude");
        assertThatThrownBy(() -> ListingRules.check(false, "", "", 0.0, 180.5)).hasMessageContaining("longitude");
        assertThatThrownBy(() -> ListingRules.latitude("latitude", Double.NaN)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void coordinatesComeInPairs() {
        assertThatThrownBy(() -> ListingRules.bothOrNeither(1.0, null)).hasMessageContaining("with a latitude");
        assertThatThrownBy(() -> ListingRules.bothOrNeither(null, 1.0)).hasMessageContaining("with a longitude");
        assertThatCode(() -> ListingRules.bothOrNeither(null, null)).doesNotThrowAnyException();
    }

    @Test
    void aListedClinicHasACityAndAPosition() {
        assertThatThrownBy(() -> ListingRules.listedNeedsPlace(true, " ", 1.0)).hasMessageContaining("required");
        assertThatThrownBy(() -> ListingRules.listedNeedsPlace(true, "Paris", null)).hasMessageContaining("required");
        assertThatCode(() -> ListingRules.listedNeedsPlace(false, "", null)).doesNotThrowAnyException();
    }

    @Test
    void addressAndCityHaveSaneLengths() {
        assertThatThrownBy(() -> ListingRules.lengths("a".repeat(301), "")).hasMessageContaining("300");
        assertThatThrownBy(() -> ListingRules.lengths("", "a".repeat(101))).hasMessageContaining("100");
    }
}
