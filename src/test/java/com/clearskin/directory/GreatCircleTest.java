package com.clearskin.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GreatCircleTest {

    @Test
    void theSamePointIsZeroKilometresAway() {
        assertThat(GreatCircle.distanceKm(52.52, 13.405, 52.52, 13.405)).isEqualTo(0.0);
    }

    @Test
    void berlinToParisIsAbout878Kilometres() {
        assertThat(GreatCircle.distanceKm(52.5200, 13.4050, 48.8566, 2.3522)).isCloseTo(878.0, within(2.0));
    }

    @Test
    void antipodesAreHalfTheCircumference() {
        assertThat(GreatCircle.distanceKm(0, 0, 0, 180)).isCloseTo(Math.PI * GreatCircle.EARTH_RADIUS_KM, within(0.001));
    }
}
