package com.clearskin.accounts;

import java.security.SecureRandom;
import java.util.Base64;

/** Random single-use secrets for links (invitations, password resets); only their SHA-256 hash is stored. */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    static String newSecret(String prefix) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** Whether {@code token} can be one of ours at all (so that nothing oversized is hashed or looked up). */
    static boolean plausible(String token, String prefix) {
        return token != null && token.startsWith(prefix) && token.length() <= 100;
    }
}
