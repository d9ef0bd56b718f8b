package com.clearskin.accounts;

import java.util.UUID;

/** A person as a member of one clinic: who they are and their role there. */
public record Member(UUID userId, String email, String displayName, Role role) {
}
