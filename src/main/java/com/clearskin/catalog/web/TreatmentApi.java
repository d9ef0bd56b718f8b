package com.clearskin.catalog.web;

import com.clearskin.catalog.CatalogFilter;
import com.clearskin.catalog.DefaultCatalog;
import com.clearskin.catalog.Source;
import com.clearskin.catalog.Treatment;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The default catalog, public: what every clinic starts from. */
@RestController
@Tag(name = "Catalog", description = "The default treatment catalog, with its sources")
class TreatmentApi {

    record TreatmentList(String version, int count, List<Treatment> treatments) {
    }

    record SourceList(List<Source> sources) {
    }

    private final DefaultCatalog catalog;

    TreatmentApi(DefaultCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/api/v1/treatments")
    @Operation(summary = "List the default treatments", description = "Optionally only those that suit a concern "
            + "and treat a body area. Unknown filter values are refused with 400.")
    TreatmentList list(
            @Parameter(description = "A concern such as blackheads, enlarged-pores, acne-scars")
            @RequestParam(required = false) String concern,
            @Parameter(description = "A body area such as face, back, chest")
            @RequestParam(required = false) String bodyArea) {
        List<Treatment> treatments = CatalogFilter.parse(concern, bodyArea).apply(catalog.all());
        return new TreatmentList(catalog.version(), treatments.size(), treatments);
    }

    @GetMapping("/api/v1/treatments/{code}")
    @Operation(summary = "One default treatment by its code", description = "404 for an unknown code.")
    Treatment one(@PathVariable String code) {
        return catalog.require(code);
    }

    @GetMapping("/api/v1/sources")
    @Operation(summary = "The source register the catalog's facts refer to")
    SourceList sources() {
        return new SourceList(List.copyOf(catalog.sources().values()));
    }
}
