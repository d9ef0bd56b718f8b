package com.clearskin.audit.web;

import com.clearskin.accounts.Membership;
import com.clearskin.audit.AuditChain;
import com.clearskin.audit.AuditEvent;
import com.clearskin.audit.AuditFilter;
import com.clearskin.audit.AuditPage;
import com.clearskin.audit.AuditViewing;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.http.ResponseEntity;

/** The clinic's audit log for its owners: JSON pages (keyset pagination) and a CSV export. */
@RestController
@RequestMapping("/api/v1/clinics/{slug}")
@Tag(name = "Audit", description = "Who read or changed which client's health data, when and from where (owners)")
@SecurityRequirement(name = "bearer")
class AuditApi {

    record EventList(String clinic, int count, List<AuditEvent> events, String nextCursor, String next) {
    }

    private final AuditViewing viewing;

    AuditApi(AuditViewing viewing) {
        this.viewing = viewing;
    }

    @GetMapping("/audit")
    @Operation(summary = "The audit log, newest first (owners)", description = "Filters: from and to (a date in the "
            + "clinic's zone, or an instant; to is exclusive for an instant, inclusive for a date), clientId, actorId, "
            + "action (read, create, update, delete, export, erase). limit 1-500 (50); pass nextCursor as cursor for "
            + "the next page. Send Accept: text/csv (or GET .../audit.csv) for CSV. Viewing is itself audited.")
    EventList list(@PathVariable String slug,
            @Parameter(description = "From (inclusive)") @RequestParam(required = false) String from,
            @Parameter(description = "To") @RequestParam(required = false) String to,
            @RequestParam(required = false) String clientId, @RequestParam(required = false) String actorId,
            @RequestParam(required = false) String action, @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        Membership owner = viewing.requireReader(slug);
        AuditFilter filter = AuditFilter.parse(from, to, clientId, actorId, action, limit, cursor,
                owner.clinic().timeZone(), AuditFilter.MAX_LIMIT);
        AuditPage page = viewing.view(owner, filter);
        String next = page.nextCursor() == null ? null : AuditLinks.api(slug, filter.after(page.nextCursor()));
        return new EventList(slug, page.events().size(), page.events(),
                page.nextCursor() == null ? null : page.nextCursor().toString(), next);
    }

    @GetMapping("/audit/verify")
    @Operation(summary = "Verify the audit log's hash chain (owners)", description = "Recomputes every event's "
            + "SHA-256 (its content and the previous event's hash) in order: valid, how many events, and the id of "
            + "the first event that was changed, removed or reordered (null when valid).")
    AuditChain.Verification verify(@PathVariable String slug) {
        return viewing.verify(viewing.requireReader(slug));
    }

    @GetMapping(value = "/audit", produces = "text/csv")
    @Operation(summary = "The audit log as CSV (owners)", hidden = true)
    ResponseEntity<String> csvByAccept(@PathVariable String slug, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String clientId,
            @RequestParam(required = false) String actorId, @RequestParam(required = false) String action,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
        return csv(slug, from, to, clientId, actorId, action, limit, cursor);
    }

    @GetMapping(value = "/audit.csv")
    @Operation(summary = "The audit log as CSV, newest first (owners)", description = "The filters of GET .../audit; "
            + "limit up to 10,000 (the default). When more match, the X-Next-Cursor header gives the cursor of the rest.")
    ResponseEntity<String> csv(@PathVariable String slug, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String clientId,
            @RequestParam(required = false) String actorId, @RequestParam(required = false) String action,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
        Membership owner = viewing.requireReader(slug);
        AuditFilter filter = AuditFilter.parse(from, to, clientId, actorId, action, limit == null ? String.valueOf(
                AuditFilter.MAX_EXPORT) : limit, cursor, owner.clinic().timeZone(), AuditFilter.MAX_EXPORT);
        return AuditLinks.csv(viewing, owner, filter, slug);
    }
}
