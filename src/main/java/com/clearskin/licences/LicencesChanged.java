package com.clearskin.licences;

import java.util.UUID;

/** A clinic's licences, their decisions or its licence setting changed: who may be booked may have too. */
record LicencesChanged(UUID clinicId) {
}
