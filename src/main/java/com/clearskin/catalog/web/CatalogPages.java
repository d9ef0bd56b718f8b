package com.clearskin.catalog.web;

import com.clearskin.catalog.BodyArea;
import com.clearskin.catalog.CatalogFilter;
import com.clearskin.catalog.Concern;
import com.clearskin.catalog.DefaultCatalog;
import com.clearskin.catalog.Treatment;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The public catalog pages: browse and filter the treatments, read one in full. */
@Controller
class CatalogPages {

    private final DefaultCatalog catalog;
    private final com.clearskin.catalog.ClinicCatalog clinicCatalog;
    private final com.clearskin.clinics.Clinics clinics;
    private final com.clearskin.branding.ClinicProfiles profiles;

    CatalogPages(DefaultCatalog catalog, com.clearskin.catalog.ClinicCatalog clinicCatalog,
            com.clearskin.clinics.Clinics clinics, com.clearskin.branding.ClinicProfiles profiles) {
        this.catalog = catalog;
        this.clinicCatalog = clinicCatalog;
        this.clinics = clinics;
        this.profiles = profiles;
    }

    /** The clinic a treatment page was reached through (?clinic=slug): its own price and where to book it. */
    public record AtClinic(String slug, String name, Treatment.PriceRange price, String bookHref) {
    }

    @GetMapping("/treatments")
    String list(@RequestParam(required = false) String concern, @RequestParam(required = false) String bodyArea,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        CatalogFilter filter = CatalogFilter.parse(concern, bodyArea);
        List<Treatment> treatments = filter.apply(catalog.all());
        model.addAttribute("treatments", treatments);
        model.addAttribute("filter", filter);
        model.addAttribute("concerns", Concern.values());
        model.addAttribute("bodyAreas", BodyArea.values());
        model.addAttribute("total", catalog.all().size());
        return htmx != null ? "catalog/list :: results" : "catalog/list";
    }

    @GetMapping("/treatments/{code}")
    String treatment(@PathVariable String code, @RequestParam(required = false) String clinic, Model model) {
        Treatment t = catalog.require(code);
        model.addAttribute("atClinic", clinic == null || clinic.isBlank() ? null : clinics.bySlug(clinic.strip())
                .flatMap(c -> clinicCatalog.find(c, code).filter(com.clearskin.catalog.ClinicTreatment::active)
                        .map(own -> new AtClinic(c.slug(), profiles.of(c).displayName(), own.treatment().price(),
                                "/clinics/" + c.slug() + "/book?treatment=" + code)))
                .orElse(null));
        List<String> cited = t.sourceIds();
        model.addAttribute("t", t);
        model.addAttribute("citations", cited.stream().map(id -> catalog.sources().get(id))
                .filter(java.util.Objects::nonNull).toList());
        model.addAttribute("citationNumber", java.util.stream.IntStream.range(0, cited.size()).boxed()
                .collect(java.util.stream.Collectors.toMap(cited::get, i -> i + 1)));
        model.addAttribute("catalogVersion", catalog.version());
        return "catalog/treatment";
    }
}
