package com.clearskin.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The one DataSource: an external PostgreSQL when {@code CLEARSKIN_DB_URL} is set, otherwise the
 * embedded one. Either way the database is checked before anything else uses it, so that an
 * unreachable database stops the start with one clear line.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    DataSource dataSource(DatabaseSettings settings, Environment environment) {
        if (settings.embedded() && environment.matchesProfiles("prod")) {
            throw new StartupRefusal("The prod profile needs an external PostgreSQL: set CLEARSKIN_DB_URL, "
                    + "CLEARSKIN_DB_USER and CLEARSKIN_DB_PASSWORD.", null);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("clearskin");
        config.setMaximumPoolSize(20);
        config.setConnectionTimeout(10_000);
        EmbeddedPostgresServer embedded = null;
        if (settings.embedded()) {
            embedded = EmbeddedPostgresServer.acquire(Path.of(settings.dataDir()), settings.cleanOnStart(),
                    !settings.cleanOnStart());
            config.setJdbcUrl(embedded.jdbcUrl());
            config.setUsername(embedded.user());
            config.setPassword(embedded.password());
        } else {
            config.setJdbcUrl(settings.url());
            config.setUsername(settings.user());
            config.setPassword(settings.password());
        }
        requireReachable(config, settings);
        EmbeddedPostgresServer server = embedded;
        return new HikariDataSource(config) {
            @Override
            public void close() {
                super.close();
                if (server != null) {
                    server.release();
                }
            }
        };
    }

    private static void requireReachable(HikariConfig config, DatabaseSettings settings) {
        java.util.Properties credentials = new java.util.Properties();
        if (config.getUsername() != null) {
            credentials.setProperty("user", config.getUsername());
        }
        if (config.getPassword() != null) {
            credentials.setProperty("password", config.getPassword());
        }
        credentials.setProperty("connectTimeout", "10");
        try (Connection c = java.sql.DriverManager.getConnection(config.getJdbcUrl(), credentials)) {
            c.isValid(5);
        } catch (SQLException e) {
            String where = settings.embedded() ? "the embedded PostgreSQL" : settings.url() + " (CLEARSKIN_DB_URL)";
            throw new StartupRefusal("Cannot reach the database at " + where + ": "
                    + EmbeddedPostgresServer.rootMessage(e), e);
        }
    }
}
