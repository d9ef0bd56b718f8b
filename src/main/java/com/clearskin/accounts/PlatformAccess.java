package com.clearskin.accounts;

import com.clearskin.platform.ForbiddenException;
import com.clearskin.platform.UnauthenticatedException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The gate to the platform's own work (under /api/v1/platform and /app/platform): only a person
 * whose account holds the {@link PlatformRole} may pass; clinic staff, whatever their role in any
 * clinic, get 403. Platform roles are given by configuration or demo data ({@link #grant}), never
 * through the API.
 */
@Service
public class PlatformAccess {

    private final ClinicAccess access;
    private final JdbcClient jdbc;

    PlatformAccess(ClinicAccess access, JdbcClient jdbc) {
        this.access = access;
        this.jdbc = jdbc;
    }

    /** The signed-in person, who must hold {@code role}: 401 for nobody, 403 for anyone else. */
    public SignedInUser require(PlatformRole role) {
        SignedInUser user = access.currentUser()
                .orElseThrow(() -> new UnauthenticatedException("Sign in as a Clearskin " + role.label().toLowerCase()
                        + "."));
        if (!holds(user.id(), role)) {
            throw new ForbiddenException("Only a Clearskin " + role.label().toLowerCase() + " may do this; clinic "
                    + "staff cannot.");
        }
        return user;
    }

    /** Whether the signed-in person holds {@code role} (for showing a link). */
    public boolean currentUserHolds(PlatformRole role) {
        return access.currentUser().map(u -> holds(u.id(), role)).orElse(false);
    }

    /** Whether the account holds {@code role}. */
    public boolean holds(UUID userId, PlatformRole role) {
        return role(userId).filter(role::equals).isPresent();
    }

    /** The account's platform role, if any. */
    public Optional<PlatformRole> role(UUID userId) {
        return jdbc.sql("select platform_role from app_user where id = :id").param("id", userId)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(code -> code)
                .flatMap(PlatformRole::fromCode);
    }

    /** Gives the account {@code role} (configuration and demo data only). */
    @Transactional
    public void grant(UUID userId, PlatformRole role) {
        jdbc.sql("update app_user set platform_role = :role where id = :id")
                .param("role", role.code()).param("id", userId).update();
    }
}
