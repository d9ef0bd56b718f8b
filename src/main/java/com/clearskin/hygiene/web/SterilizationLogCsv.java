package com.clearskin.hygiene.web;

import com.clearskin.hygiene.Hygiene;

/** The sterilization log as CSV (RFC 4180): one line per cycle, then one per spore test. */
final class SterilizationLogCsv {

    private SterilizationLogCsv() {
    }

    static String of(Hygiene.Log log) {
        StringBuilder b = new StringBuilder();
        b.append("record,id,sterilizer_id,at,operator,temperature_c,exposure_minutes,drying_minutes,chemical_indicator,"
                + "result,reasons,packages\r\n");
        for (Hygiene.Cycle c : log.cycles()) {
            line(b, "cycle", c.id(), c.sterilizerId(), c.startedAt(), c.operator(), c.temperatureC(), c.exposureMinutes(),
                    c.dryingMinutes(), c.chemicalIndicator(), c.status(), String.join(" ", c.reasons()),
                    String.join(" ", c.packages().stream().map(Hygiene.PackageRef::code).toList()));
        }
        for (Hygiene.SporeTest t : log.sporeTests()) {
            line(b, "spore-test", t.id(), t.sterilizerId(), t.readAt(), "", "", "", "", "", t.result(), "",
                    t.recalled().size() + " recalled");
        }
        return b.toString();
    }

    private static void line(StringBuilder b, Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(cell(String.valueOf(cells[i])));
        }
        b.append("\r\n");
    }

    /** Quotes a cell when needed, and defuses spreadsheet formulas (a leading =, +, - or @). */
    static String cell(String v) {
        String s = v == null ? "" : v;
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !s.matches("-?[0-9.]+")) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
