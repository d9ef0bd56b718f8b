package com.clearskin.accounts;

import static com.clearskin.accounts.ClientRelation.NONE;
import static com.clearskin.accounts.ClientRelation.OTHER;
import static com.clearskin.accounts.ClientRelation.SELF;
import static com.clearskin.accounts.ClientRelation.TREATING;
import static com.clearskin.accounts.Permissions.Decision.ALLOW;
import static com.clearskin.accounts.Permissions.Decision.FORBID;
import static com.clearskin.accounts.Permissions.Decision.HIDE;
import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.accounts.Permissions.Decision;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One test per row of the README's permission table: every role, and for one client every relation. */
class PermissionsTest {

    /** Owner, admin, practitioner, front desk, client: as the README's columns. */
    private static Map<Role, Decision> row(Capability capability, ClientRelation relation) {
        Map<Role, Decision> row = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            row.put(role, Permissions.decide(role, capability, relation));
        }
        return row;
    }

    private static List<Decision> decisions(Capability capability, ClientRelation relation) {
        return new ArrayList<>(row(capability, relation).values());
    }

    @Test
    void everyMemberReadsTheCatalogAndTheRuleSettings() {
        assertThat(decisions(Capability.READ_CATALOG, NONE)).containsExactly(ALLOW, ALLOW, ALLOW, ALLOW, ALLOW);
        assertThat(decisions(Capability.READ_RULE_SETTINGS, NONE)).containsExactly(ALLOW, ALLOW, ALLOW, ALLOW, ALLOW);
    }

    @Test
    void ownersAndAdminsEditTheCatalog() {
        assertThat(decisions(Capability.EDIT_CATALOG, NONE)).containsExactly(ALLOW, ALLOW, FORBID, FORBID, FORBID);
    }

    @Test
    void ownersAndAdminsEditTheRuleSettings() {
        assertThat(decisions(Capability.EDIT_RULE_SETTINGS, NONE)).containsExactly(ALLOW, ALLOW, FORBID, FORBID, FORBID);
    }

    @Test
    void staffListAndAddClients() {
        assertThat(decisions(Capability.LIST_CLIENTS, NONE)).containsExactly(ALLOW, ALLOW, ALLOW, ALLOW, FORBID);
    }

    @Test
    void staffReadEveryClientsContactDetailsAClientOnlyTheirOwn() {
        assertThat(decisions(Capability.READ_CLIENT, OTHER)).containsExactly(ALLOW, ALLOW, ALLOW, ALLOW, HIDE);
        assertThat(decisions(Capability.READ_CLIENT, SELF)).containsExactly(ALLOW, ALLOW, ALLOW, ALLOW, ALLOW);
    }

    @Test
    void medicalAnswersAreForOwnersAdminsTheTreatingPractitionerAndTheClientNeverTheFrontDesk() {
        assertThat(decisions(Capability.READ_MEDICAL_ANSWERS, OTHER)).containsExactly(ALLOW, ALLOW, FORBID, FORBID, HIDE);
        assertThat(decisions(Capability.READ_MEDICAL_ANSWERS, TREATING)).containsExactly(ALLOW, ALLOW, ALLOW, FORBID, HIDE);
        assertThat(decisions(Capability.READ_MEDICAL_ANSWERS, SELF)).containsExactly(ALLOW, ALLOW, FORBID, FORBID, ALLOW);
    }

    @Test
    void recommendationsFollowTheMedicalAnswersTheyAreDrawnFrom() {
        for (ClientRelation relation : ClientRelation.values()) {
            assertThat(row(Capability.READ_RECOMMENDATION, relation)).as(relation.name())
                    .isEqualTo(row(Capability.READ_MEDICAL_ANSWERS, relation));
        }
    }

    @Test
    void anIntakeIsRecordedByOwnersAdminsTheTreatingPractitionerOrTheClientThemself() {
        assertThat(decisions(Capability.RECORD_ASSESSMENT, OTHER)).containsExactly(ALLOW, ALLOW, FORBID, FORBID, HIDE);
        assertThat(decisions(Capability.RECORD_ASSESSMENT, TREATING)).containsExactly(ALLOW, ALLOW, ALLOW, FORBID, HIDE);
        assertThat(decisions(Capability.RECORD_ASSESSMENT, SELF)).containsExactly(ALLOW, ALLOW, FORBID, FORBID, ALLOW);
    }

    @Test
    void aPractitionerWhoDoesNotTreatTheClientMayNotRecordTheirIntake() {
        assertThat(Permissions.decide(Role.PRACTITIONER, Capability.RECORD_ASSESSMENT, OTHER)).isEqualTo(FORBID);
    }

    @Test
    void ownersAndAdminsAssignAClientsPractitioner() {
        assertThat(decisions(Capability.ASSIGN_PRACTITIONER, OTHER)).containsExactly(ALLOW, ALLOW, FORBID, FORBID, FORBID);
        assertThat(decisions(Capability.ASSIGN_PRACTITIONER, TREATING)).containsExactly(ALLOW, ALLOW, FORBID, FORBID, FORBID);
    }

    @Test
    void staffBookForAnyClientAClientOnlyForThemself() {
        assertThat(decisions(Capability.BOOK_FOR_CLIENT, OTHER)).containsExactly(ALLOW, ALLOW, ALLOW, ALLOW, HIDE);
        assertThat(decisions(Capability.BOOK_FOR_CLIENT, SELF)).containsExactly(ALLOW, ALLOW, ALLOW, ALLOW, ALLOW);
    }

    @Test
    void theWholeScheduleIsForStaff() {
        assertThat(decisions(Capability.READ_SCHEDULE, NONE)).containsExactly(ALLOW, ALLOW, ALLOW, ALLOW, FORBID);
    }

    @Test
    void ownersAndAdminsSetUpResources() {
        assertThat(decisions(Capability.EDIT_RESOURCES, NONE)).containsExactly(ALLOW, ALLOW, FORBID, FORBID, FORBID);
    }

    @Test
    void onlyTheOwnerReadsTheAuditLog() {
        assertThat(decisions(Capability.READ_AUDIT_LOG, NONE)).containsExactly(ALLOW, FORBID, FORBID, FORBID, FORBID);
    }

    @Test
    void ownersAndAdminsManageMembersAndInvitations() {
        assertThat(decisions(Capability.MANAGE_MEMBERS, NONE)).containsExactly(ALLOW, ALLOW, FORBID, FORBID, FORBID);
    }

    @Test
    void everyMemberReadsTheBookingRulesOwnersAndAdminsEditThem() {
        assertThat(decisions(Capability.READ_BOOKING_RULES, NONE)).containsExactly(ALLOW, ALLOW, ALLOW, ALLOW, ALLOW);
        assertThat(decisions(Capability.EDIT_BOOKING_RULES, NONE)).containsExactly(ALLOW, ALLOW, FORBID, FORBID, FORBID);
    }

    @Test
    void ownersAndAdminsSetTheClinicsProfile() {
        assertThat(decisions(Capability.EDIT_CLINIC_PROFILE, NONE)).containsExactly(ALLOW, ALLOW, FORBID, FORBID, FORBID);
    }

    @Test
    void cliniciansRecordSterilizationAndEveryStaffMemberReadsTheLog() {
        assertThat(decisions(Capability.RECORD_STERILIZATION, NONE)).containsExactly(ALLOW, ALLOW, ALLOW, FORBID, FORBID);
        assertThat(decisions(Capability.READ_STERILIZATION_LOG, NONE)).containsExactly(ALLOW, ALLOW, ALLOW, ALLOW, FORBID);
    }

    @Test
    void ownersAndAdminsManageLicences() {
        assertThat(decisions(Capability.MANAGE_LICENCES, NONE)).containsExactly(ALLOW, ALLOW, FORBID, FORBID, FORBID);
    }

    @Test
    void ownersAndAdminsManageWebhooks() {
        assertThat(decisions(Capability.MANAGE_WEBHOOKS, NONE)).containsExactly(ALLOW, ALLOW, FORBID, FORBID, FORBID);
    }

    @Test
    void ownersAndAdminsEditTheListingAndReplyToReviewsThatOnlyClientsWrite() {
        assertThat(decisions(Capability.EDIT_DIRECTORY_LISTING, NONE)).containsExactly(ALLOW, ALLOW, FORBID, FORBID, FORBID);
        assertThat(decisions(Capability.REPLY_TO_REVIEWS, NONE)).containsExactly(ALLOW, ALLOW, FORBID, FORBID, FORBID);
        assertThat(decisions(Capability.WRITE_REVIEW, NONE)).containsExactly(FORBID, FORBID, FORBID, FORBID, ALLOW);
        assertThat(decisions(Capability.READ_REFERRALS, NONE)).containsExactly(ALLOW, ALLOW, ALLOW, ALLOW, FORBID);
    }

    @Test
    void everyMemberUsesTheAppointmentApiWhoseAppointmentsIsCheckedOnEachOne() {
        assertThat(decisions(Capability.BOOK_APPOINTMENTS, NONE)).containsExactly(ALLOW, ALLOW, ALLOW, ALLOW, ALLOW);
    }

    @Test
    void staffManageTimeOffWhoseIsCheckedOnEachPractitioner() {
        assertThat(decisions(Capability.MANAGE_TIME_OFF, NONE)).containsExactly(ALLOW, ALLOW, ALLOW, ALLOW, FORBID);
    }

    @Test
    void everyMemberUsesCalendarFeeds() {
        assertThat(decisions(Capability.USE_CALENDAR_FEEDS, NONE)).containsExactly(ALLOW, ALLOW, ALLOW, ALLOW, ALLOW);
    }

    @Test
    void thePortalIsForClients() {
        assertThat(decisions(Capability.USE_PORTAL, NONE)).containsExactly(FORBID, FORBID, FORBID, FORBID, ALLOW);
    }

    @Test
    void ownersAndAdminsHandleErasureRequests() {
        assertThat(decisions(Capability.HANDLE_ERASURE_REQUESTS, NONE)).containsExactly(ALLOW, ALLOW, FORBID, FORBID, FORBID);
    }

    @Test
    void everyCapabilityHasADecisionForEveryRoleAndRelation() {
        for (Capability capability : Capability.values()) {
            for (ClientRelation relation : ClientRelation.values()) {
                assertThat(row(capability, relation)).as(capability + " " + relation).hasSize(Role.values().length)
                        .doesNotContainValue(null);
            }
        }
    }

    @Test
    void aClientWhoAddressesARecordIsToldItIsNotThereOthersThatTheirRoleMayNot() {
        assertThat(Permissions.refusal(Role.CLIENT, true)).isEqualTo(HIDE);
        assertThat(Permissions.refusal(Role.CLIENT, false)).isEqualTo(FORBID);
        for (Role staff : Role.STAFF) {
            assertThat(Permissions.refusal(staff, true)).as(staff.name()).isEqualTo(FORBID);
        }
    }

    @Test
    void aClientIsShownNothingOfAnotherClientNeverToldItIsForbidden() {
        for (Capability capability : List.of(Capability.READ_CLIENT, Capability.READ_MEDICAL_ANSWERS,
                Capability.READ_RECOMMENDATION, Capability.RECORD_ASSESSMENT, Capability.BOOK_FOR_CLIENT)) {
            assertThat(Permissions.decide(Role.CLIENT, capability, OTHER)).as(capability.name()).isEqualTo(HIDE);
            assertThat(Permissions.decide(Role.CLIENT, capability, TREATING)).as(capability.name()).isEqualTo(HIDE);
        }
    }

    @Test
    void everyMemberReadsConsentFormsOwnersAndAdminsWriteThem() {
        assertThat(decisions(Capability.READ_CONSENT_FORMS, NONE)).containsExactly(ALLOW, ALLOW, ALLOW, ALLOW, ALLOW);
        assertThat(decisions(Capability.EDIT_RECORD_SETTINGS, NONE)).containsExactly(ALLOW, ALLOW, FORBID, FORBID, FORBID);
    }

    @Test
    void staffAndTheClientThemselfSignAndReadConsents() {
        assertThat(decisions(Capability.SIGN_CONSENT, OTHER)).containsExactly(ALLOW, ALLOW, ALLOW, ALLOW, HIDE);
        assertThat(decisions(Capability.SIGN_CONSENT, SELF)).containsExactly(ALLOW, ALLOW, ALLOW, ALLOW, ALLOW);
        assertThat(decisions(Capability.READ_CONSENT, OTHER)).containsExactly(ALLOW, ALLOW, ALLOW, ALLOW, HIDE);
    }

    @Test
    void theFrontDeskSeesThatASessionExistsNeverItsContent() {
        assertThat(decisions(Capability.READ_RECORD_STATUS, NONE)).containsExactly(ALLOW, ALLOW, ALLOW, ALLOW, FORBID);
        assertThat(decisions(Capability.READ_RECORD, TREATING)).containsExactly(ALLOW, ALLOW, ALLOW, FORBID, HIDE);
        assertThat(decisions(Capability.READ_RECORD, OTHER)).containsExactly(ALLOW, ALLOW, FORBID, FORBID, HIDE);
        assertThat(decisions(Capability.WRITE_RECORD, TREATING)).containsExactly(ALLOW, ALLOW, ALLOW, FORBID, HIDE);
        assertThat(decisions(Capability.READ_RECORD, SELF).get(4)).as("a client reads summaries, not the record")
                .isEqualTo(FORBID);
    }

    @Test
    void onlyTheMedicalDirectorCosigns() {
        assertThat(Permissions.cosign(Role.PRACTITIONER, true)).isEqualTo(ALLOW);
        assertThat(Permissions.cosign(Role.PRACTITIONER, false)).isEqualTo(FORBID);
        assertThat(Permissions.cosign(Role.OWNER, false)).isEqualTo(FORBID);
        assertThat(Permissions.cosign(Role.FRONT_DESK, true)).isEqualTo(FORBID);
        assertThat(Permissions.cosign(Role.CLIENT, true)).isEqualTo(HIDE);
    }
}
