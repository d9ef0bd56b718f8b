package com.clearskin.accounts;

import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Gives the platform role by configuration, for an installation without demo data: at start-up,
 * each existing account listed in {@code clearskin.platform.licence-reviewers} (emails, comma
 * separated; none by default) becomes a licence reviewer. An email without an account is logged and
 * skipped; nothing is ever taken away here.
 */
@Component
class PlatformRoleGrants implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(PlatformRoleGrants.class);

    private final Accounts accounts;
    private final PlatformAccess platform;
    private final List<String> reviewers;

    PlatformRoleGrants(Accounts accounts, PlatformAccess platform,
            @Value("${clearskin.platform.licence-reviewers:}") String reviewers) {
        this.accounts = accounts;
        this.platform = platform;
        this.reviewers = Arrays.stream(reviewers.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (String email : reviewers) {
            accounts.findByEmail(email).ifPresentOrElse(id -> platform.grant(id, PlatformRole.LICENCE_REVIEWER),
                    () -> log.warn("clearskin.platform.licence-reviewers names {}, who has no account: skipped", email));
        }
    }
}
