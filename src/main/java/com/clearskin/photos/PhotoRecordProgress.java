package com.clearskin.photos;

import com.clearskin.clinics.Clinic;
import com.clearskin.sessions.RecordProgress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The pore progress per measured area in a session's record PDF: the sentence and the chart. */
@Component
class PhotoRecordProgress implements RecordProgress {

    private final Photos photos;

    PhotoRecordProgress(Photos photos) {
        this.photos = photos;
    }

    @Override
    public List<Area> upTo(Clinic clinic, UUID clientId, Instant upTo) {
        List<Area> areas = new ArrayList<>();
        photos.forClient(clinic, clientId).stream().map(Photos.Photo::area).distinct().sorted().forEach(area -> {
            List<Photos.Point> series = photos.progress(clinic, clientId, area).stream()
                    .filter(p -> !p.takenAt().isAfter(upTo)).toList();
            if (!series.isEmpty()) {
                String sentence = ProgressChart.sentence(series, photos.sessionsBetween(clinic, clientId, series),
                        clinic.timeZone());
                areas.add(new Area(words(area), sentence, ProgressChart.png(series, clinic.timeZone())));
            }
        });
        return areas;
    }

    /** "left-cheek" reads "Left cheek". */
    static String words(String area) {
        String spaced = area.replace('-', ' ');
        return spaced.substring(0, 1).toUpperCase(Locale.ROOT) + spaced.substring(1);
    }
}
