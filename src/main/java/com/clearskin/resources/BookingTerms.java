package com.clearskin.resources;

/** What booking one treatment at a clinic goes by: the clinic's booking settings and the treatment's requirement. */
public record BookingTerms(ScheduleSettings settings, Requirement requirement) {
}
