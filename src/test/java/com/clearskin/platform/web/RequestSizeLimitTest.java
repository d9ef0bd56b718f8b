package com.clearskin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class RequestSizeLimitTest {

    @Test
    void readsABodyUpToTheLimitAndRefusesOneByteMore() throws Exception {
        byte[] exact = new byte[20_000];
        assertThat(RequestSizeLimit.readAtMost(new ByteArrayInputStream(exact), 20_000)).hasSize(20_000);
        assertThat(RequestSizeLimit.readAtMost(new ByteArrayInputStream(new byte[20_001]), 20_000)).isNull();
        assertThat(RequestSizeLimit.readAtMost(new ByteArrayInputStream(new byte[0]), 20_000)).isEmpty();
    }
}
