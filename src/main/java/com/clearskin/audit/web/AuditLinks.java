package com.clearskin.audit.web;

import com.clearskin.accounts.Membership;
import com.clearskin.audit.AuditCsv;
import com.clearskin.audit.AuditPage;
import com.clearskin.audit.AuditFilter;
import com.clearskin.audit.AuditViewing;
import java.time.LocalDate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

/** Links between pages of the log, and the CSV answer shared by the API and the page. */
final class AuditLinks {

    private AuditLinks() {
    }

    static String api(String slug, AuditFilter f) {
        return query(UriComponentsBuilder.fromPath("/api/v1/clinics/{slug}/audit"), f).buildAndExpand(slug).encode()
                .toUriString();
    }

    static UriComponentsBuilder query(UriComponentsBuilder b, AuditFilter f) {
        if (f.from() != null) {
            b.queryParam("from", f.from().toString());
        }
        if (f.to() != null) {
            b.queryParam("to", f.to().toString());
        }
        if (f.clientId() != null) {
            b.queryParam("clientId", f.clientId());
        }
        if (f.actorId() != null) {
            b.queryParam("actorId", f.actorId());
        }
        if (f.action() != null) {
            b.queryParam("action", f.action().code());
        }
        b.queryParam("limit", f.limit());
        if (f.cursor() != null) {
            b.queryParam("cursor", f.cursor());
        }
        return b;
    }

    static ResponseEntity<String> csv(AuditViewing viewing, Membership owner, AuditFilter filter, String slug) {
        AuditPage page = viewing.export(owner, filter);
        StringBuilder body = new StringBuilder(AuditCsv.header());
        page.events().forEach(e -> body.append(AuditCsv.row(e, owner.clinic().timeZone())));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8));
        headers.setContentDisposition(org.springframework.http.ContentDisposition.attachment()
                .filename("audit-" + slug + "-" + LocalDate.now(owner.clinic().timeZone()) + ".csv").build());
        if (page.nextCursor() != null) {
            headers.set("X-Next-Cursor", page.nextCursor().toString());
        }
        return ResponseEntity.ok().headers(headers).body(body.toString());
    }
}
