package com.clearskin.booking.web;

import com.clearskin.platform.StoredSettings;
import com.clearskin.accounts.Capability;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Membership;
import com.clearskin.booking.BookingRuleSettings;
import com.clearskin.booking.ClinicBookingRules;
import com.clearskin.platform.IfMatch;
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

/** A clinic's booking-rule data (resurfacing group, recovery days): members read, owners and admins set. */
@RestController
@RequestMapping("/api/v1/clinics/{slug}/booking-rules")
@Tag(name = "Booking rules", description = "The data of a clinic's treatment rules at booking, with sourced defaults")
@SecurityRequirement(name = "bearer")
class BookingRulesApi {

    record BookingRulesView(String clinic, boolean customized, int revision, Instant updatedAt,
            BookingRuleSettings settings) {
        static BookingRulesView of(String slug, StoredSettings<BookingRuleSettings> c) {
            return new BookingRulesView(slug, c.customized(), c.revision(), c.updatedAt(), c.settings());
        }
    }

    private final ClinicAccess access;
    private final ClinicBookingRules rules;

    BookingRulesApi(ClinicAccess access, ClinicBookingRules rules) {
        this.access = access;
        this.rules = rules;
    }

    @GetMapping
    @Operation(summary = "The booking-rule data in force: the clinic's own, or the sourced defaults (revision 0)")
    ResponseEntity<BookingRulesView> get(@PathVariable String slug) {
        Membership m = access.require(slug, Capability.READ_BOOKING_RULES);
        StoredSettings<BookingRuleSettings> c = rules.current(m.clinic());
        return ResponseEntity.ok().eTag(Integer.toString(c.revision())).body(BookingRulesView.of(slug, c));
    }

    @PutMapping
    @Operation(summary = "Set the clinic's booking-rule data (owners and admins)", description = "The body is the "
            + "'settings' object as GET returns it: recoveryGroup.treatments (codes that may not fall within each "
            + "other's recovery) and recoveryDays (per treatment, replacing the catalog's downtime). Changed values "
            + "are attributed to the clinic. With If-Match, a stale revision is refused with 409.")
    ResponseEntity<BookingRulesView> put(@PathVariable String slug, @RequestBody BookingRuleSettings body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        Membership m = access.require(slug, Capability.EDIT_BOOKING_RULES);
        StoredSettings<BookingRuleSettings> c = rules.update(m.clinic(), body, IfMatch.revision(ifMatch),
                access.currentUser().orElseThrow().id());
        return ResponseEntity.ok().eTag(Integer.toString(c.revision())).body(BookingRulesView.of(slug, c));
    }

    @DeleteMapping
    @Operation(summary = "Go back to the sourced defaults (owners and admins)")
    BookingRulesView reset(@PathVariable String slug) {
        Membership m = access.require(slug, Capability.EDIT_BOOKING_RULES);
        return BookingRulesView.of(slug, rules.reset(m.clinic()));
    }
}
