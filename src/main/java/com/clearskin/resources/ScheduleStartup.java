package com.clearskin.resources;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/** At start-up, gives every clinic opened before scheduling existed its schedule and requirements. */
@Component
class ScheduleStartup implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ScheduleStartup.class);
    private final ClinicResources resources;

    ScheduleStartup(ClinicResources resources) {
        this.resources = resources;
    }

    @Override
    public void afterSingletonsInstantiated() {
        int set = resources.setUpMissingClinics();
        if (set > 0) {
            log.info("Set up booking defaults for {} existing clinic(s)", set);
        }
    }
}
