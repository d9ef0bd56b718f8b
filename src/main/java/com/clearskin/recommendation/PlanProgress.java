package com.clearskin.recommendation;

import com.clearskin.clinics.Clinic;
import java.util.UUID;

/**
 * What a client's history says of a plan's first step so far: the signed sessions of that
 * treatment and, once photos measure it, the change. Implemented by the module that keeps the
 * records (sessions), so that recommendation does not depend on it; without one, every plan is at
 * its start.
 */
public interface PlanProgress {

    TreatmentPlan.Progress of(Clinic clinic, UUID clientId, String treatment);
}
