package com.clearskin.recommendation.web;

import com.clearskin.platform.StoredSettings;
import com.clearskin.accounts.Capability;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Membership;
import com.clearskin.platform.IfMatch;
import com.clearskin.recommendation.ClinicRuleSettings;
import com.clearskin.recommendation.RuleSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A clinic's rule numbers (washouts, pauses, minimum ages, cadences): members read, owners and admins set. */
@RestController
@RequestMapping("/api/v1/clinics/{slug}/rule-settings")
@Tag(name = "Rule settings", description = "The numbers of a clinic's recommendation rules, with sourced defaults")
@SecurityRequirement(name = "bearer")
class RuleSettingsApi {

    record RuleSettingsView(String clinic, boolean customized, int revision, Instant updatedAt, RuleSettings settings) {
        static RuleSettingsView of(String slug, StoredSettings<RuleSettings> c) {
            return new RuleSettingsView(slug, c.customized(), c.revision(), c.updatedAt(), c.settings());
        }
    }

    private final ClinicAccess access;
    private final ClinicRuleSettings settings;

    RuleSettingsApi(ClinicAccess access, ClinicRuleSettings settings) {
        this.access = access;
        this.settings = settings;
    }

    @GetMapping
    @Operation(summary = "The rule settings in force: the clinic's own, or the sourced defaults (revision 0)")
    ResponseEntity<RuleSettingsView> get(@PathVariable String slug) {
        Membership m = access.require(slug, Capability.READ_RULE_SETTINGS);
        StoredSettings<RuleSettings> c = settings.current(m.clinic());
        return ResponseEntity.ok().eTag(Integer.toString(c.revision())).body(RuleSettingsView.of(slug, c));
    }

    @PutMapping
    @Operation(summary = "Set the clinic's rule numbers (owners and admins)", description = "The body is the "
            + "'settings' object as GET returns it. Changed values are attributed to the clinic. With If-Match, "
            + "a stale revision is refused with 409.")
    ResponseEntity<RuleSettingsView> put(@PathVariable String slug, @RequestBody RuleSettings body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        Membership m = access.require(slug, Capability.EDIT_RULE_SETTINGS);
        StoredSettings<RuleSettings> c = settings.update(m.clinic(), body, IfMatch.revision(ifMatch),
                access.currentUser().orElseThrow().id());
        return ResponseEntity.ok().eTag(Integer.toString(c.revision())).body(RuleSettingsView.of(slug, c));
    }

    @DeleteMapping
    @Operation(summary = "Go back to the sourced defaults (owners and admins)")
    RuleSettingsView reset(@PathVariable String slug) {
        Membership m = access.require(slug, Capability.EDIT_RULE_SETTINGS);
        return RuleSettingsView.of(slug, settings.reset(m.clinic()));
    }
}
