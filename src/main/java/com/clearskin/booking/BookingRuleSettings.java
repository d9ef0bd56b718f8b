package com.clearskin.booking;

import com.clearskin.catalog.Treatment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The data of the booking rules that a clinic may adjust: which treatments are resurfacing or
 * exfoliating (none of them may fall within the recovery of another), and recovery days that
 * replace a treatment's catalog downtime. Each value names its sources. Defaults ship in
 * {@code booking/booking-rules.json}; a clinic may keep its own.
 */
public record BookingRuleSettings(Group recoveryGroup, Map<String, Days> recoveryDays) {

    public BookingRuleSettings {
        recoveryGroup = recoveryGroup == null ? new Group(List.of(), List.of(), null) : recoveryGroup;
        recoveryDays = Map.copyOf(recoveryDays == null ? Map.of() : recoveryDays);
    }

    /** Treatments that block each other during recovery, with the sources and a note. */
    public record Group(List<String> treatments, List<String> sources, String note) {
        public Group {
            treatments = treatments == null ? List.of() : List.copyOf(treatments);
            sources = sources == null ? List.of() : List.copyOf(sources);
        }
    }

    /** A number of days with the sources that give it. */
    public record Days(int value, List<String> sources, String note) {
        public Days {
            sources = sources == null ? List.of() : List.copyOf(sources);
        }
    }

    /** How long the recovery after one treatment lasts, and where the number comes from. */
    public record Recovery(int days, List<String> sources, boolean fromCatalog) {
    }

    /** The sourced defaults that ship in {@code booking/booking-rules.json}. */
    public static BookingRuleSettings fromClasspath(JsonMapper json) {
        try (InputStream in = BookingRuleSettings.class.getResourceAsStream("/booking/booking-rules.json")) {
            if (in == null) {
                throw new IllegalStateException("booking/booking-rules.json is not on the class path");
            }
            return json.readValue(in, BookingRuleSettings.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read booking/booking-rules.json", e);
        }
    }

    /** Whether the treatment is one of the resurfacing or exfoliating treatments. */
    public boolean resurfacing(String treatment) {
        return recoveryGroup.treatments().contains(treatment);
    }

    /** The recovery after {@code treatment}: the clinic's number if it set one, else the catalog's downtime maximum. */
    public Recovery recoveryAfter(Treatment treatment) {
        Days own = recoveryDays.get(treatment.code());
        if (own != null) {
            return new Recovery(own.value(), own.sources(), false);
        }
        Treatment.Downtime downtime = treatment.downtime();
        return downtime == null ? new Recovery(0, List.of(), true)
                : new Recovery(downtime.maxDays(), downtime.sources(), true);
    }
}
