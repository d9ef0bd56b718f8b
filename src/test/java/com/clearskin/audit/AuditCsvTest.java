package com.clearskin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditCsvTest {

    @Test
    void plainTextStaysAsItIs() {
        assertThat(AuditCsv.cell("client-record")).isEqualTo("client-record");
        assertThat(AuditCsv.cell(null)).isEmpty();
    }

    @Test
    void commasQuotesAndLineBreaksAreQuoted() {
        assertThat(AuditCsv.cell("Lee, Ann")).isEqualTo("\"Lee, Ann\"");
        assertThat(AuditCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(AuditCsv.cell("a\nb")).isEqualTo("\"a\nb\"");
    }

    @Test
    void aFormulaIsDefused() {
        assertThat(AuditCsv.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(AuditCsv.cell("+1")).isEqualTo("'+1");
        assertThat(AuditCsv.cell("-1")).isEqualTo("'-1");
        assertThat(AuditCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(AuditCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    }

    @Test
    void aRowHasEveryColumnOfTheHeaderWithTheLocalTime() {
        UUID actor = UUID.randomUUID();
        AuditEvent e = new AuditEvent(7, UUID.randomUUID(), Instant.parse("2026-11-22T09:30:00Z"), actor, "Nurse Joy",
                "practitioner", null, null, AuditAction.READ, "assessment", "2 assessments", "127.0.0.1", "curl/8",
                "/api/x?a=1,2", AuditOutcome.SUCCEEDED);
        String row = AuditCsv.row(e, ZoneId.of("America/New_York"));
        assertThat(row).isEqualTo("7,2026-11-22T09:30:00Z,2026-11-22T04:30:00-05:00," + actor
                + ",Nurse Joy,practitioner,,,read,assessment,2 assessments,succeeded,127.0.0.1,curl/8,\"/api/x?a=1,2\"\r\n");
        assertThat(AuditCsv.header().split(",")).hasSize(AuditCsv.HEADER.size());
    }
}
