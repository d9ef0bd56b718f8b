package com.clearskin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditActionTest {

    @Test
    void writesMustBeRecordedInTheirTransactionReadsAndExportsNeedNot() {
        assertThat(AuditAction.CREATE.changesData()).isTrue();
        assertThat(AuditAction.UPDATE.changesData()).isTrue();
        assertThat(AuditAction.DELETE.changesData()).isTrue();
        assertThat(AuditAction.ERASE.changesData()).isTrue();
        assertThat(AuditAction.READ.changesData()).isFalse();
        assertThat(AuditAction.EXPORT.changesData()).isFalse();
    }

    @Test
    void codesAreTheOnesTheDatabaseAccepts() {
        assertThat(AuditAction.fromCode("erase")).contains(AuditAction.ERASE);
        assertThat(AuditResource.APPOINTMENT_NOTES.code()).isEqualTo("appointment-notes")
                .matches("^[a-z][a-z0-9-]{0,39}$");
        for (AuditResource r : AuditResource.values()) {
            assertThat(r.code()).matches("^[a-z][a-z0-9-]{0,39}$");
        }
    }

    @Test
    void aDetailIsOneShortLine() {
        assertThat(AuditLog.detail("a\nb")).isEqualTo("a b");
        assertThat(AuditLog.detail("x".repeat(300))).hasSize(AuditLog.MAX_DETAIL);
        assertThat(AuditLog.detail(null)).isEmpty();
        assertThat(RequestOrigin.of("1.2.3.4", "u".repeat(400), "/p").userAgent()).hasSize(RequestOrigin.MAX_USER_AGENT);
    }
}
