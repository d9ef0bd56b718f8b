package com.clearskin.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MembershipRulesTest {

    @Test
    void mayInviteOwnersAnyoneAdminsAnyoneButOwnersOthersNobody() {
        for (Role r : Role.values()) {
            assertThat(MembershipRules.mayInvite(Role.OWNER, r)).isTrue();
            assertThat(MembershipRules.mayInvite(Role.ADMIN, r)).isEqualTo(r != Role.OWNER);
            assertThat(MembershipRules.mayInvite(Role.PRACTITIONER, r)).isFalse();
            assertThat(MembershipRules.mayInvite(Role.FRONT_DESK, r)).isFalse();
            assertThat(MembershipRules.mayInvite(Role.CLIENT, r)).isFalse();
        }
    }

    @Test
    void mayManageMembersOnlyOwners() {
        assertThat(MembershipRules.mayManageMembers(Role.OWNER)).isTrue();
        assertThat(MembershipRules.mayManageMembers(Role.ADMIN)).isFalse();
        assertThat(MembershipRules.mayManageMembers(Role.PRACTITIONER)).isFalse();
    }

    @Test
    void keepsAnOwnerRefusesToDemoteOrRemoveTheLastOne() {
        assertThat(MembershipRules.keepsAnOwner(1, Role.OWNER, Role.ADMIN)).isFalse();
        assertThat(MembershipRules.keepsAnOwner(1, Role.OWNER, null)).isFalse();
        assertThat(MembershipRules.keepsAnOwner(2, Role.OWNER, null)).isTrue();
        assertThat(MembershipRules.keepsAnOwner(1, Role.OWNER, Role.OWNER)).isTrue();
        assertThat(MembershipRules.keepsAnOwner(1, Role.ADMIN, null)).isTrue();
    }
}
