package com.clearskin.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The secret in a feed's address: 32 random bytes, base64url without padding (43 characters). Only
 * its SHA-256 hash is stored, so a leaked table opens no calendar.
 */
final class FeedTokens {

    static final int LENGTH = 43;
    private static final Pattern SHAPE = Pattern.compile("^[A-Za-z0-9_-]{" + LENGTH + "}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private FeedTokens() {
    }

    static String generate() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** Whether the text could be a token at all: anything else is not looked up. */
    static boolean wellFormed(String token) {
        return token != null && SHAPE.matcher(token).matches();
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
