package com.clearskin.accounts.web;

import com.clearskin.mail.Outbox;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Set;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Where links in mail point, and whether a page may show a mail's link to this visitor instead. */
final class PublicLinks {

    private static final Set<String> LOCAL_NAMES = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private PublicLinks() {
    }

    /** CLEARSKIN_BASE_URL when set (always when mail is sent); otherwise this request's own address. */
    static String base(Outbox outbox, HttpServletRequest request) {
        return outbox.baseUrl().orElseGet(() -> ServletUriComponentsBuilder.fromContextPath(request).toUriString());
    }

    /**
     * Only in the embedded development default (no mail host, not the prod profile), and only to a
     * visitor on this machine who addressed it as localhost: never through a proxy or from elsewhere.
     */
    static boolean mayShowLink(Outbox outbox, HttpServletRequest request) {
        return outbox.showsLinksLocally() && LOCAL_NAMES.contains(request.getServerName()) && isLoopback(request);
    }

    private static boolean isLoopback(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        if (address == null || !address.matches("[0-9a-fA-F:.]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
