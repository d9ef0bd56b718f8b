package com.clearskin.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link StartupRefusal} into Boot's short failure report instead of a stack trace. */
class StartupRefusalAnalyzer extends AbstractFailureAnalyzer<StartupRefusal> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StartupRefusal cause) {
        return new FailureAnalysis(cause.getMessage(),
                "See README.md, section Configuration (CLEARSKIN_DB_URL, CLEARSKIN_DATA_DIR).", cause);
    }
}
