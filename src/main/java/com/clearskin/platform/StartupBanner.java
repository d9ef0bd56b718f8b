package com.clearskin.platform;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Prints where Clearskin can be opened once it serves requests. */
@Component
class StartupBanner {

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            String path = event.getApplicationContext().getEnvironment().getProperty("server.servlet.context-path", "");
            System.out.println();
            System.out.println("  Clearskin is running at http://localhost:" + web.getWebServer().getPort() + path + "/");
            System.out.println();
        }
    }
}
