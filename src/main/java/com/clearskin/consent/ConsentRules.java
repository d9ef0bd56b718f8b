package com.clearskin.consent;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The rules of consent, one small method each (tests: {@code ConsentRulesTest}): how long a
 * signature holds, whether it holds now, which treatments a form covers, the fingerprint of the
 * text signed, and what a drawn signature must be.
 */
public final class ConsentRules {

    /** The largest drawn signature accepted: 200 KB of PNG. */
    public static final int MAX_SIGNATURE_BYTES = 200 * 1024;
    /** How long a signature holds unless the clinic says otherwise. */
    public static final int DEFAULT_VALID_MONTHS = 12;
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final String DATA_URL = "data:image/png;base64,";

    private ConsentRules() {
    }

    /** A signature holds for the form's months from the day it was signed, in the clinic's calendar. */
    public static Instant validUntil(Instant signedAt, int validMonths, ZoneId zone) {
        return signedAt.atZone(zone).plusMonths(validMonths).toInstant();
    }

    /** A signature counts while it is neither withdrawn nor past its validity. */
    public static boolean holds(Instant now, Instant validUntil, boolean withdrawn) {
        return !withdrawn && now.isBefore(validUntil);
    }

    /** Where a signature stands: withdrawn (whatever its date), expired, or valid. */
    public static String status(Instant now, Instant validUntil, boolean withdrawn) {
        if (withdrawn) {
            return "withdrawn";
        }
        return now.isBefore(validUntil) ? "valid" : "expired";
    }

    /** A form covers a treatment when it names its code. */
    public static boolean covers(List<String> treatments, String treatment) {
        return treatments.contains(treatment);
    }

    /** The SHA-256 of the exact text signed (UTF-8), in lower-case hex: what the PDF prints and the database keeps. */
    public static String documentSha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * The drawn signature as bytes, from base64 or a {@code data:image/png;base64,} address (what a
     * canvas gives); null when the text is not base64.
     */
    public static byte[] decodeSignature(String text) {
        String data = text.strip();
        if (data.startsWith(DATA_URL)) {
            data = data.substring(DATA_URL.length());
        }
        try {
            return Base64.getMimeDecoder().decode(data);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A drawn signature is at most {@link #MAX_SIGNATURE_BYTES}. */
    public static boolean signatureIsSmallEnough(byte[] png) {
        return png.length <= MAX_SIGNATURE_BYTES;
    }

    /** A drawn signature is a PNG: its signature bytes, and an image that a PNG reader can read. */
    public static boolean isPng(byte[] bytes) {
        if (bytes.length < PNG_MAGIC.length || !Arrays.equals(Arrays.copyOf(bytes, PNG_MAGIC.length), PNG_MAGIC)) {
            return false;
        }
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes)) != null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
