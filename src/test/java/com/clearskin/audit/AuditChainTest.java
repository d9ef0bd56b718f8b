package com.clearskin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    static final UUID CLINIC = UUID.fromString("7d0c8a52-3f8e-4c59-9a57-2b7a1c3d9e01");

    static AuditChain.Link link(long id, long seq, String detail, byte[] prev) {
        AuditChain.Link draft = new AuditChain.Link(id, CLINIC, seq, Instant.parse("2026-12-03T10:15:30.123456Z"), null,
                "owner", null, "read", "client-record", detail, "127.0.0.1", "Zoë's browser 😀", "/x", "succeeded",
                prev, null);
        return withHash(draft, AuditChain.digest(draft, prev));
    }

    static AuditChain.Link withHash(AuditChain.Link l, byte[] hash) {
        return new AuditChain.Link(l.id(), l.clinicId(), l.seq(), l.at(), l.actorId(), l.actorRole(), l.clientId(),
                l.action(), l.resource(), l.detail(), l.ip(), l.userAgent(), l.path(), l.outcome(), l.prevHash(), hash);
    }

    @Test
    void aFieldIsItsUtf8LengthAndTextSoThatNoTwoEventsReadAlike() {
        assertThat(AuditChain.field(null)).isEqualTo("-");
        assertThat(AuditChain.field("")).isEqualTo("0:");
        assertThat(AuditChain.field("Zoë")).isEqualTo("4:Zoë");
        assertThat(AuditChain.field("😀")).isEqualTo("4:😀");
    }

    @Test
    void theDigestCoversTheContentAndThePreviousHash() {
        AuditChain.Link first = link(1, 1, "viewed", null);
        assertThat(first.hash()).hasSize(32);
        assertThat(AuditChain.digest(first, null)).isEqualTo(first.hash());
        assertThat(link(1, 1, "viewed!", null).hash()).isNotEqualTo(first.hash());
        assertThat(link(1, 1, "viewed", new byte[32]).hash()).isNotEqualTo(first.hash());
        assertThat(link(1, 2, "viewed", null).hash()).isNotEqualTo(first.hash());
    }

    @Test
    void anIntactChainVerifies() {
        AuditChain.Verifier v = new AuditChain.Verifier();
        AuditChain.Link a = link(10, 1, "a", null);
        AuditChain.Link b = link(11, 2, "b", a.hash());
        AuditChain.Link c = link(12, 3, "c", b.hash());
        v.accept(a);
        v.accept(b);
        v.accept(c);
        assertThat(v.result()).isEqualTo(new AuditChain.Verification(true, 3, null));
        assertThat(new AuditChain.Verifier().result()).isEqualTo(new AuditChain.Verification(true, 0, null));
    }

    @Test
    void anEditedRowBreaksTheChainThere() {
        AuditChain.Link a = link(10, 1, "a", null);
        AuditChain.Link b = link(11, 2, "b", a.hash());
        AuditChain.Link edited = new AuditChain.Link(b.id(), CLINIC, 2, b.at(), null, "owner", null, "read",
                "client-record", "nothing happened", b.ip(), b.userAgent(), b.path(), b.outcome(), b.prevHash(), b.hash());
        AuditChain.Verifier v = new AuditChain.Verifier();
        v.accept(a);
        v.accept(edited);
        v.accept(link(12, 3, "c", b.hash()));
        assertThat(v.result()).isEqualTo(new AuditChain.Verification(false, 3, 11L));
    }

    @Test
    void aRemovedRowBreaksTheChainAtTheNextOne() {
        AuditChain.Link a = link(10, 1, "a", null);
        AuditChain.Link b = link(11, 2, "b", a.hash());
        AuditChain.Link c = link(12, 3, "c", b.hash());
        AuditChain.Verifier v = new AuditChain.Verifier();
        v.accept(a);
        v.accept(c);
        assertThat(v.result()).isEqualTo(new AuditChain.Verification(false, 2, 12L));
    }

    @Test
    void aRehashedRowStillBreaksTheLinkToTheNext() {
        AuditChain.Link a = link(10, 1, "a", null);
        AuditChain.Link b = link(11, 2, "b", a.hash());
        AuditChain.Link c = link(12, 3, "c", b.hash());
        AuditChain.Link forged = link(11, 2, "nothing happened", a.hash());
        AuditChain.Verifier v = new AuditChain.Verifier();
        v.accept(a);
        v.accept(forged);
        v.accept(c);
        assertThat(v.result().firstBroken()).isEqualTo(12L);
    }
}
