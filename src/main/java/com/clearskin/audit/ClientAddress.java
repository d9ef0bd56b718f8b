package com.clearskin.audit;

import java.util.List;
import java.util.Set;

/**
 * The address a request came from. {@code X-Forwarded-For} is believed only when the direct peer
 * is a configured trusted proxy: otherwise anyone could write any address into the log. Behind
 * trusted proxies the client is the right-most address that is not itself a trusted proxy.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String resolve(String remoteAddress, String forwardedFor, Set<String> trustedProxies) {
        if (remoteAddress == null || forwardedFor == null || forwardedFor.isBlank()
                || !trustedProxies.contains(remoteAddress)) {
            return remoteAddress;
        }
        List<String> hops = List.of(forwardedFor.split(","));
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i).strip();
            if (!looksLikeAddress(hop)) {
                return remoteAddress; // a malformed header: keep what we know for sure
            }
            if (!trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return remoteAddress;
    }

    /** An IPv4 or IPv6 literal, as a proxy writes it; anything else (names, scripts) is not believed. */
    static boolean looksLikeAddress(String text) {
        return !text.isEmpty() && text.length() <= 45 && text.matches("[0-9A-Fa-f.:]+");
    }
}
