package com.clearskin.followups.web;

import com.clearskin.accounts.Capability;
import com.clearskin.accounts.ClinicAccess;
import com.clearskin.accounts.Membership;
import com.clearskin.followups.ClinicMessageSettings;
import com.clearskin.followups.MessageSettings;
import com.clearskin.platform.IfMatch;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.StoredSettings;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The clinic's message settings: staff read them, owners and admins (EDIT_CLINIC_PROFILE) set them. */
@RestController
class MessageSettingsApi {

    record MessageSettingsView(String clinic, boolean customized, int revision, Instant updatedAt,
            List<Integer> reminderDaysBefore, MessageSettings.QuietHours quietHours, Map<String, List<Integer>> checkInDays,
            Map<String, Boolean> kinds) {
        static MessageSettingsView of(String slug, StoredSettings<MessageSettings> c) {
            MessageSettings s = c.settings();
            return new MessageSettingsView(slug, c.customized(), c.revision(), c.updatedAt(), s.reminderDaysBefore(),
                    s.quietHours(), s.checkInDays(), s.kinds());
        }
    }

    private final ClinicAccess access;
    private final ClinicMessageSettings settings;

    MessageSettingsApi(ClinicAccess access, ClinicMessageSettings settings) {
        this.access = access;
        this.settings = settings;
    }

    @GetMapping("/api/v1/clinics/{slug}/message-settings")
    @Operation(summary = "The message settings in force: reminder days before, quiet hours, check-in days per treatment, kinds on")
    ResponseEntity<MessageSettingsView> get(@PathVariable String slug) {
        Membership m = access.require(slug, Capability.READ_SCHEDULE);
        StoredSettings<MessageSettings> c = settings.effective(m.clinic());
        return ResponseEntity.ok().eTag(Integer.toString(c.revision())).body(MessageSettingsView.of(slug, c));
    }

    @PutMapping("/api/v1/clinics/{slug}/message-settings")
    @Operation(summary = "Set the message settings (owners and admins); 400 names the field; If-Match: a stale revision is 409",
            description = "Body: {\"reminderDaysBefore\": [3, 1], \"quietHours\": {\"from\": \"21:00\", \"until\": \"08:00\"}, "
                    + "\"checkInDays\": {\"<treatment>\": [1, 3, 7]}, \"kinds\": {\"reminder\": true, \"rebook\": false, ...}}")
    ResponseEntity<MessageSettingsView> put(@PathVariable String slug, @RequestBody(required = false) String body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        Membership m = access.require(slug, Capability.EDIT_CLINIC_PROFILE);
        MessageSettings edited = read(CheckInAnswers.parse(body));
        StoredSettings<MessageSettings> c = settings.update(m.clinic(), edited, IfMatch.revision(ifMatch),
                access.currentUser().orElseThrow().id());
        return ResponseEntity.ok().eTag(Integer.toString(c.revision())).body(MessageSettingsView.of(slug, c));
    }

    /** The body's shape (types); the values are checked by MessageSettingsValidation. */
    static MessageSettings read(JsonNode node) {
        List<Integer> reminders = days(node.get("reminderDaysBefore"), "reminderDaysBefore");
        JsonNode quiet = node.get("quietHours");
        if (quiet == null || !quiet.isObject()) {
            throw new InvalidInputException("quietHours", "is required: {\"from\": \"21:00\", \"until\": \"08:00\"}");
        }
        MessageSettings.QuietHours hours = new MessageSettings.QuietHours(text(quiet, "quietHours.from", "from"),
                text(quiet, "quietHours.until", "until"));
        Map<String, List<Integer>> checkIns = new LinkedHashMap<>();
        JsonNode c = node.get("checkInDays");
        if (c != null && !c.isNull()) {
            if (!c.isObject()) {
                throw new InvalidInputException("checkInDays", "is an object of treatment codes to lists of days");
            }
            for (String code : c.propertyNames()) {
                checkIns.put(code, days(c.get(code), "checkInDays." + code));
            }
        }
        Map<String, Boolean> kinds = new LinkedHashMap<>();
        JsonNode k = node.get("kinds");
        if (k != null && !k.isNull()) {
            if (!k.isObject()) {
                throw new InvalidInputException("kinds", "is an object of message kinds to true or false");
            }
            for (String code : k.propertyNames()) {
                JsonNode on = k.get(code);
                if (!on.isBoolean()) {
                    throw new InvalidInputException("kinds." + code, "is true or false");
                }
                kinds.put(code, on.asBoolean());
            }
        }
        return new MessageSettings(reminders, hours, checkIns, kinds);
    }

    private static List<Integer> days(JsonNode list, String field) {
        if (list == null || list.isNull() || !list.isArray()) {
            throw new InvalidInputException(field, "is a list of whole numbers of days");
        }
        List<Integer> days = new ArrayList<>();
        for (JsonNode d : list) {
            if (!d.isIntegralNumber() || !d.canConvertToInt()) {
                throw new InvalidInputException(field, "is a list of whole numbers of days");
            }
            days.add(d.asInt());
        }
        return days;
    }

    private static String text(JsonNode node, String field, String name) {
        JsonNode v = node.get(name);
        if (v == null || !v.isString()) {
            throw new InvalidInputException(field, "is a local time as HH:mm, like 21:00");
        }
        return v.asString();
    }
}
