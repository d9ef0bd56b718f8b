package com.clearskin.photos;

import com.clearskin.clinics.Clinic;
import com.clearskin.recommendation.PlanProgress;
import com.clearskin.recommendation.TreatmentPlan;
import com.clearskin.sessions.Sessions;
import com.clearskin.sessions.TreatmentSession;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A plan's progress from the client's records: the signed sessions of the first step's treatment (a
 * started but unsigned session is not done) and, once the course has been measured before and after on
 * the photos, the improvement ({@link CourseChange}); the plan compares it with the clinic's threshold.
 */
@org.springframework.stereotype.Component
class PhotoPlanProgress implements PlanProgress {

    private final Sessions sessions;
    private final Photos photos;

    PhotoPlanProgress(Sessions sessions, Photos photos) {
        this.sessions = sessions;
        this.photos = photos;
    }

    @Override
    public TreatmentPlan.Progress of(Clinic clinic, UUID clientId, String treatment) {
        List<Instant> signed = sessions.forClient(clinic, clientId).stream()
                .filter(s -> s.signed() && treatment.equals(s.treatment())).map(TreatmentSession::signedAt)
                .sorted(Comparator.naturalOrder()).toList();
        if (signed.isEmpty()) {
            return TreatmentPlan.Progress.NONE;
        }
        List<List<Photos.Point>> areas = photos.forClient(clinic, clientId).stream().map(Photos.Photo::area).distinct()
                .map(area -> photos.progress(clinic, clientId, area)).toList();
        return new TreatmentPlan.Progress(signed.size(),
                CourseChange.improvementPercent(areas, signed.get(0), signed.get(signed.size() - 1)));
    }
}
