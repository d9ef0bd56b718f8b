package com.clearskin.resources;

import java.util.List;

/**
 * The command to add or replace a practitioner: display name, qualification (esthetician, nurse
 * or physician), optionally the id of a staff account of the clinic, active (default true), and
 * the weekly shifts and breaks (each break inside a shift).
 */
public record PractitionerChange(String displayName, String qualification, String userId, Boolean active,
        List<WeeklyHours> shifts, List<WeeklyHours> breaks) {
}
