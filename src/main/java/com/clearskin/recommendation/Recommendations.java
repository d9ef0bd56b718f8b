package com.clearskin.recommendation;

import com.clearskin.assessment.Assessment;
import com.clearskin.catalog.ClinicCatalog;
import com.clearskin.catalog.ClinicTreatment;
import com.clearskin.catalog.DefaultCatalog;
import com.clearskin.catalog.Source;
import com.clearskin.catalog.Treatment;
import com.clearskin.clinics.Clinic;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The public face of the recommendation module: runs the engine over the default catalog (the
 * public consultation) or over a clinic's own catalog, with the sourced default rule settings.
 */
@Service
public class Recommendations {

    private final DefaultCatalog defaults;
    private final ClinicCatalog clinicCatalog;
    private final RuleSettings defaultSettings;
    private final ClinicRuleSettings clinicSettings;
    private final RecommendationEngine engine;
    private final PreparedCatalog preparedDefaults;
    private final ObjectProvider<PlanProgress> progress;

    Recommendations(DefaultCatalog defaults, ClinicCatalog clinicCatalog, DefaultRuleSettings defaultSettings,
            ClinicRuleSettings clinicSettings, ObjectProvider<PlanProgress> progress) {
        this.progress = progress;
        this.defaults = defaults;
        this.clinicCatalog = clinicCatalog;
        this.defaultSettings = defaultSettings.settings();
        this.clinicSettings = clinicSettings;
        this.engine = new RecommendationEngine(sources(defaults));
        this.preparedDefaults = engine.prepare(defaults.all(), this.defaultSettings);
    }

    /** The recommendation over the default catalog, in its currency (USD). */
    public Recommendation forPublic(Assessment assessment) {
        return engine.recommend(assessment, preparedDefaults, null);
    }

    /**
     * The recommendation over the clinic's active treatments, with the clinic's rule settings and
     * its jurisdiction's scope of practice.
     */
    public Recommendation forClinic(Clinic clinic, Assessment assessment) {
        List<Treatment> catalog = clinicCatalog.list(clinic).stream().filter(ClinicTreatment::active)
                .map(ClinicTreatment::treatment).toList();
        return engine.recommend(assessment, catalog, clinicSettings.forClinic(clinic), clinic.jurisdiction());
    }

    /**
     * The recommendation for a client of the clinic with its plan: dates run from the clinic's
     * {@code today}; {@code progress} is what the client's history says of the first step so far.
     */
    public Recommendation forClient(Clinic clinic, Assessment assessment, LocalDate today,
            TreatmentPlan.Progress progress) {
        List<Treatment> catalog = clinicCatalog.list(clinic).stream().filter(ClinicTreatment::active)
                .map(ClinicTreatment::treatment).toList();
        RuleSettings settings = clinicSettings.forClinic(clinic);
        Recommendation r = engine.recommend(assessment, catalog, settings, clinic.jurisdiction());
        return r.withPlan(Plans.plan(r, assessment, catalog, settings, today, progress));
    }

    /**
     * As {@link #forClient(Clinic, Assessment, LocalDate, TreatmentPlan.Progress)}, with the progress
     * of the plan's first step read from the client's records ({@link PlanProgress}).
     */
    public Recommendation forClient(Clinic clinic, UUID clientId, Assessment assessment, LocalDate today) {
        Recommendation start = forClient(clinic, assessment, today, TreatmentPlan.Progress.NONE);
        PlanProgress records = progress.getIfAvailable();
        if (records == null || start.plan() == null || start.plan().firstStep() == null) {
            return start;
        }
        TreatmentPlan.Progress sofar = records.of(clinic, clientId, start.plan().firstStep().treatment());
        return sofar.equals(TreatmentPlan.Progress.NONE) ? start : forClient(clinic, assessment, today, sofar);
    }

    /** The plan for the public consultation (the default catalog), from {@code today}. */
    public TreatmentPlan publicPlan(Recommendation r, Assessment assessment, LocalDate today) {
        return Plans.plan(r, assessment, defaults.all(), defaultSettings, today, TreatmentPlan.Progress.NONE);
    }

    public RuleSettings defaultSettings() {
        return defaultSettings;
    }

    /** The catalog's source register as reasons show it: readable references. */
    public static Rule.Sources sources(DefaultCatalog catalog) {
        return ids -> describe(catalog, ids);
    }

    /** Source ids as the readable references a reason shows ("Mayo Clinic: acne treatments"). */
    static String describe(DefaultCatalog catalog, List<String> ids) {
        return ids.stream().map(id -> catalog.sources().get(id)).filter(Objects::nonNull)
                .map(Source::readable).distinct()
                .collect(Collectors.joining("; "));
    }
}
