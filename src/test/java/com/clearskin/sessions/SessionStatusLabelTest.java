package com.clearskin.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The pages name a session's status in words, never by its code. */
class SessionStatusLabelTest {

    @Test
    void eachStatusHasItsWords() {
        assertThat(TreatmentSession.statusLabel("in-progress")).isEqualTo("In progress");
        assertThat(TreatmentSession.statusLabel("awaiting-cosign")).isEqualTo("Awaiting co-signature");
        assertThat(TreatmentSession.statusLabel("signed")).isEqualTo("Signed");
    }
}
