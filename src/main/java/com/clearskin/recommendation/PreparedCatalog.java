package com.clearskin.recommendation;

import com.clearskin.assessment.Assessment;
import com.clearskin.catalog.Treatment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A catalog made ready for the engine with one set of rule settings and one source register:
 * each treatment's facts are indexed once, not for every assessment. Immutable and thread-safe;
 * keep it for as long as the catalog and the settings stay the same (the default catalog: for
 * ever).
 */
public final class PreparedCatalog {

    static final String EXTRACTION_FACIAL = "extraction-facial";

    private final List<PreparedTreatment> treatments;
    private final RuleSettings settings;
    private final Rule.Sources sources;
    private final Treatment extractionFacial;
    private final AtomicReferenceArray<HomeCare> homeCare = new AtomicReferenceArray<>(HomeRoutine.VARIANTS);

    PreparedCatalog(List<Treatment> catalog, RuleSettings settings, Rule.Sources sources) {
        List<PreparedTreatment> prepared = new ArrayList<>(catalog.size());
        Treatment facial = null;
        for (Treatment t : catalog) {
            prepared.add(new PreparedTreatment(t, settings));
            if (facial == null && EXTRACTION_FACIAL.equals(t.code())) {
                facial = t;
            }
        }
        this.treatments = List.copyOf(prepared);
        this.settings = settings;
        this.sources = sources;
        this.extractionFacial = facial;
    }

    public List<PreparedTreatment> treatments() {
        return treatments;
    }

    public RuleSettings settings() {
        return settings;
    }

    Rule.Sources sources() {
        return sources;
    }

    /** The at-home routine for the assessment, written once for each of the routine's variants. */
    HomeCare homeCare(Assessment a) {
        if (HomeRoutine.pause(a, settings, sources) != null) {
            return HomeRoutine.write(a, settings, extractionFacial, sources); // depends on dates: not kept
        }
        int variant = HomeRoutine.variant(a);
        HomeCare care = homeCare.get(variant);
        if (care == null) {
            care = HomeRoutine.write(a, settings, extractionFacial, sources);
            homeCare.set(variant, care);
        }
        return care;
    }

    /** The professional extraction facial, whose cadence the home routine quotes; null if the catalog has none. */
    Treatment extractionFacial() {
        return extractionFacial;
    }
}
