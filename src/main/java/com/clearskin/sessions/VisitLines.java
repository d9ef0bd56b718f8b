package com.clearskin.sessions;

import com.clearskin.clinics.Clinic;
import java.util.List;

/**
 * Lines another module adds to the client's summary of a signed visit, in the client's plain words
 * (for example: "Instruments: sterilized set, cycle of 3 Dec, verified"). Never rule ids or codes.
 */
public interface VisitLines {

    List<String> linesFor(Clinic clinic, TreatmentSession session);
}
