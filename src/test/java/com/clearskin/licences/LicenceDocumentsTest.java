package com.clearskin.licences;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LicenceDocumentsTest {

    @Test
    void theMediaTypeIsToldByTheMagicBytes() {
        assertThat(LicenceDocuments.mediaType("%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII))).contains("application/pdf");
        assertThat(LicenceDocuments.mediaType(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0}))
                .contains("image/jpeg");
        assertThat(LicenceDocuments.mediaType(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0}))
                .contains("image/png");
    }

    @Test
    void anythingElseIsRefusedWhateverItsName() {
        assertThat(LicenceDocuments.mediaType("<html>%PDF-".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(LicenceDocuments.mediaType("GIF89a".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(LicenceDocuments.mediaType(new byte[] {(byte) 0x89, 'P'})).isEmpty();
        assertThat(LicenceDocuments.mediaType(new byte[0])).isEmpty();
        assertThat(LicenceDocuments.mediaType(null)).isEmpty();
    }

    @Test
    void documentsAreAtMostTenMegabytes() {
        assertThat(LicenceDocuments.withinSize(new byte[LicenceDocuments.MAX_BYTES])).isTrue();
        assertThat(LicenceDocuments.withinSize(new byte[LicenceDocuments.MAX_BYTES + 1])).isFalse();
    }
}
