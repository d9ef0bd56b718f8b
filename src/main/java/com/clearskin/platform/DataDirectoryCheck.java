package com.clearskin.platform;

import java.nio.file.Path;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;

/**
 * Refuses a start on a data directory that another running Clearskin uses as soon as the configuration
 * is read, before the application context and Tomcat are built (registered in spring.factories).
 */
class DataDirectoryCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        DatabaseSettings settings = Binder.get(event.getEnvironment()).bind("clearskin.db", DatabaseSettings.class)
                .orElseGet(() -> new DatabaseSettings(null, null, null, null, false));
        if (settings.embedded()) {
            DataDirectoryOwner.requireFree(Path.of(settings.dataDir()));
        }
    }
}
