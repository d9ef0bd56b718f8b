package com.clearskin.clinics;

/** Published in the transaction that creates a clinic, so that other modules can set it up. */
public record ClinicCreated(Clinic clinic) {
}
