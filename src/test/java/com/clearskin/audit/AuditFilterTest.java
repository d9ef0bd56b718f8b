package com.clearskin.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clearskin.platform.InvalidInputException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditFilterTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static AuditFilter parse(String from, String to, String client, String actor, String action, String limit,
            String cursor) {
        return AuditFilter.parse(from, to, client, actor, action, limit, cursor, NEW_YORK, AuditFilter.MAX_LIMIT);
    }

    @Test
    void nothingGivenFiltersNothing() {
        AuditFilter f = parse(null, "", " ", null, null, null, null);
        assertThat(f).isEqualTo(new AuditFilter(null, null, null, null, null, AuditFilter.DEFAULT_LIMIT, null));
    }

    @Test
    void aDayIsTheWholeDayInTheClinicsZone() {
        AuditFilter f = parse("2026-11-22", "2026-11-22", null, null, null, null, null);
        assertThat(f.from()).isEqualTo(Instant.parse("2026-11-22T05:00:00Z"));
        assertThat(f.to()).isEqualTo(Instant.parse("2026-11-23T05:00:00Z"));
    }

    @Test
    void anInstantIsTakenAsItIs() {
        AuditFilter f = parse("2026-11-22T09:30:00Z", null, null, null, null, null, null);
        assertThat(f.from()).isEqualTo(Instant.parse("2026-11-22T09:30:00Z"));
    }

    @Test
    void idsActionLimitAndCursorAreRead() {
        UUID client = UUID.randomUUID();
        UUID actor = UUID.randomUUID();
        AuditFilter f = parse(null, null, client.toString(), actor.toString(), "export", "10", "99");
        assertThat(f).isEqualTo(new AuditFilter(null, null, client, actor, AuditAction.EXPORT, 10, 99L));
    }

    @Test
    void everyWrongFieldIsNamedAtOnce() {
        assertThatThrownBy(() -> parse("yesterday", "2026-13-01", "42", "x", "peek", "501", "-1"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field())
                        .containsExactly("from", "to", "clientId", "actorId", "action", "limit", "cursor"));
    }

    @Test
    void toMustComeAfterFrom() {
        assertThatThrownBy(() -> parse("2026-11-22", "2026-11-21", null, null, null, null, null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations()).singleElement().extracting(v -> v.field()).isEqualTo("to"));
    }

    @Test
    void theLimitIsBoundedByTheCaller() {
        assertThat(AuditFilter.parse(null, null, null, null, null, "10000", null, NEW_YORK, AuditFilter.MAX_EXPORT)
                .limit()).isEqualTo(10_000);
        assertThatThrownBy(() -> parse(null, null, null, null, null, "0", null))
                .isInstanceOf(InvalidInputException.class);
    }
}
