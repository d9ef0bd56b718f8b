package com.clearskin.consent;

import com.clearskin.clinics.Clinics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/** At start-up, gives every clinic the default consent form of each catalog treatment it lacks one for. */
@Component
class ConsentStartup implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ConsentStartup.class);
    private final ConsentForms forms;
    private final Clinics clinics;

    ConsentStartup(ConsentForms forms, Clinics clinics) {
        this.forms = forms;
        this.clinics = clinics;
    }

    @Override
    public void afterSingletonsInstantiated() {
        int added = clinics.all().stream().mapToInt(forms::ensureDefaults).sum();
        if (added > 0) {
            log.info("Wrote {} default consent form(s)", added);
        }
    }
}
