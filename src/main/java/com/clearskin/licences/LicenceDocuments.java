package com.clearskin.licences;

import java.util.Optional;

/**
 * What a licence document may be: a PDF, a JPEG or a PNG, told by its first bytes (never by its name
 * or the type a browser claims), at most {@link #MAX_BYTES}. Plain Java.
 */
public final class LicenceDocuments {

    /** The largest document accepted: a scanned licence or a phone photo of it. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private LicenceDocuments() {
    }

    /** The document's media type from its magic bytes: application/pdf, image/jpeg or image/png; empty for anything else. */
    public static Optional<String> mediaType(byte[] bytes) {
        if (startsWith(bytes, PDF)) {
            return Optional.of("application/pdf");
        }
        if (startsWith(bytes, JPEG)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(bytes, PNG)) {
            return Optional.of("image/png");
        }
        return Optional.empty();
    }

    /** Whether the document is small enough to keep. */
    public static boolean withinSize(byte[] bytes) {
        return bytes.length <= MAX_BYTES;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes == null || bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
