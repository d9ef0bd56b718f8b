package com.clearskin.platform.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The reverse proxies whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto} are believed: one
 * setting for the whole application ({@code clearskin.proxy.trusted}, {@code CLEARSKIN_TRUSTED_PROXIES}),
 * none by default. Only a request whose direct peer is one of these may say which client it carries;
 * from anyone else the headers are ignored, so nobody picks their own address for the rate limits,
 * the sign-in throttle, the audit log or the links a page shows. Each entry is an IP address or a
 * network in CIDR notation ({@code 10.0.0.0/24}); never a name. Plain Java.
 */
public record TrustedProxies(List<String> networks) {

    public TrustedProxies {
        networks = List.copyOf(networks);
    }

    /** Reads the configured entries; a blank list trusts nobody; a malformed entry is refused with its text. */
    public static TrustedProxies of(List<String> configured) {
        List<String> networks = new ArrayList<>();
        for (String entry : configured == null ? List.<String>of() : configured) {
            String text = entry == null ? "" : entry.strip();
            if (!text.isEmpty()) {
                networks.add(network(text));
            }
        }
        return new TrustedProxies(networks);
    }

    /** The list as Tomcat's forwarded-header valve reads it: comma-separated networks, or empty for nobody. */
    public String asCidrList() {
        return String.join(", ", networks);
    }

    /** One entry as a network: an address alone is a network of one. */
    static String network(String entry) {
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        InetAddress parsed = literal(address, entry);
        int bits = parsed.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String length = entry.substring(slash + 1);
            if (!length.matches("[0-9]{1,3}") || Integer.parseInt(length) > bits) {
                throw refused(entry, "the prefix length must be 0 to " + bits);
            }
            prefix = Integer.parseInt(length);
        }
        return parsed.getHostAddress() + "/" + prefix;
    }

    private static InetAddress literal(String address, String entry) {
        String text = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1)
                : address;
        boolean ipv4 = text.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
        boolean ipv6 = text.length() <= 45 && text.contains(":") && text.matches("[0-9A-Fa-f:.]+");
        if (!ipv4 && !ipv6) {
            throw refused(entry, "not an IP address (names are not resolved)");
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw refused(entry, "not an IP address");
        }
    }

    private static IllegalArgumentException refused(String entry, String why) {
        return new IllegalArgumentException("clearskin.proxy.trusted (CLEARSKIN_TRUSTED_PROXIES): '" + entry + "' is "
                + why + "; list the proxies' addresses or networks, comma-separated");
    }
}
