package com.clearskin.audit;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The audit log as CSV (RFC 4180): one header line, one line per event, CRLF line ends. A cell that
 * a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) is
 * prefixed with an apostrophe, so that a crafted user agent cannot execute in whoever opens it.
 */
public final class AuditCsv {

    static final List<String> HEADER = List.of("id", "at", "at_local", "actor_id", "actor_name", "actor_role",
            "client_id", "client_name", "action", "resource", "detail", "outcome", "ip", "user_agent", "path");

    private AuditCsv() {
    }

    public static String header() {
        return line(HEADER.stream());
    }

    public static String row(AuditEvent e, ZoneId zone) {
        return line(Stream.of(String.valueOf(e.id()), e.at().toString(),
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(e.at().atZone(zone)), text(e.actorId()), e.actorName(),
                e.actorRole(), text(e.clientId()), e.clientName(), e.action().code(), e.resource(), e.detail(),
                e.outcome().code(), e.ip(), e.userAgent(), e.path()));
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    private static String line(Stream<String> cells) {
        return cells.map(AuditCsv::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
