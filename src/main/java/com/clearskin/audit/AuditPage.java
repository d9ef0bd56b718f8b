package com.clearskin.audit;

import java.util.List;

/** A page of events, newest first, and the cursor of the next (older) page when there is one. */
public record AuditPage(List<AuditEvent> events, Long nextCursor) {
}
