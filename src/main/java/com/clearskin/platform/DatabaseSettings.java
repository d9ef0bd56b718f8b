package com.clearskin.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the database lives. With no {@code url} Clearskin starts an embedded PostgreSQL whose files
 * live under {@code dataDir}; with a {@code url} it uses that external PostgreSQL and starts nothing.
 * {@code cleanOnStart} (tests only) wipes the embedded data first and skips fsync, since nothing there is kept.
 */
@ConfigurationProperties("clearskin.db")
public record DatabaseSettings(String url, String user, String password, String dataDir, boolean cleanOnStart) {

    public DatabaseSettings {
        url = blankToNull(url);
        user = blankToNull(user);
        password = password == null ? "" : password;
        dataDir = blankToNull(dataDir) == null ? "./data" : dataDir;
    }

    public boolean embedded() {
        return url == null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
