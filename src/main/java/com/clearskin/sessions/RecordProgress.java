package com.clearskin.sessions;

import com.clearskin.clinics.Clinic;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The client's measured progress for the session's record PDF, from a module sessions does not know
 * (the photos' pore measurements). Every bean of this type is asked when the record prints.
 */
public interface RecordProgress {

    /** One measured area: its name in words, the sentence a client reads, the chart as a PNG. */
    record Area(String area, String sentence, byte[] chartPng) {
    }

    /** The areas measured on photos taken up to {@code upTo}, oldest measurement first; empty when none. */
    List<Area> upTo(Clinic clinic, UUID clientId, Instant upTo);
}
