package com.clearskin.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The hash chain that makes the audit log tamper-evident: each event's SHA-256 covers its content
 * and the previous event's hash, per clinic, in the order of its sequence number. The database
 * computes it on insert (migration V16_7); this class recomputes it, independently, to verify. Plain Java.
 */
public final class AuditChain {

    /** One stored event as the chain covers it. */
    public record Link(long id, UUID clinicId, long seq, Instant at, UUID actorId, String actorRole, UUID clientId,
            String action, String resource, String detail, String ip, String userAgent, String path,
            String outcome, byte[] prevHash, byte[] hash) {
    }

    /** The answer of a verification: whether the chain holds, how many events it covers, the first broken one. */
    public record Verification(boolean valid, long events, Long firstBroken) {
    }

    /** Walks a clinic's events in sequence order, one at a time, remembering only the last hash. */
    public static final class Verifier {
        private long expectedSeq = 1;
        private byte[] previous;
        private long events;
        private Long firstBroken;

        public void accept(Link link) {
            events++;
            if (firstBroken == null && !holds(link)) {
                firstBroken = link.id();
            }
            expectedSeq = link.seq() + 1;
            previous = link.hash();
        }

        private boolean holds(Link link) {
            return link.seq() == expectedSeq && Arrays.equals(link.prevHash(), previous)
                    && Arrays.equals(link.hash(), digest(link, previous));
        }

        public Verification result() {
            return new Verification(firstBroken == null, events, firstBroken);
        }
    }

    private AuditChain() {
    }

    /** The SHA-256 of the event's content and the previous hash, exactly as the database computes it. */
    public static byte[] digest(Link e, byte[] previous) {
        long micros = Math.addExact(Math.multiplyExact(e.at().getEpochSecond(), 1_000_000L), e.at().getNano() / 1_000);
        String text = field(str(e.clinicId())) + field(Long.toString(e.seq())) + field(Long.toString(micros))
                + field(str(e.actorId())) + field(e.actorRole()) + field(str(e.clientId())) + field(e.action())
                + field(e.resource()) + field(e.detail()) + field(e.ip()) + field(e.userAgent()) + field(e.path())
                + field(e.outcome()) + field(previous == null ? null : HexFormat.of().formatHex(previous));
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e2) {
            throw new IllegalStateException(e2);
        }
    }

    /** One field: '-' for null, else its UTF-8 length, ':' and the text, so that no two events read alike. */
    static String field(String text) {
        return text == null ? "-" : text.getBytes(StandardCharsets.UTF_8).length + ":" + text;
    }

    private static String str(UUID id) {
        return id == null ? null : id.toString();
    }
}
