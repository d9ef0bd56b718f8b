package com.clearskin.architecture;

import com.clearskin.ClearskinApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Spring Modulith's verification of the module structure (each top-level package a module, its
 * sub-packages internal): no cycles, no use of another module's internals, beans included.
 */
class ModulithTests {

    static final ApplicationModules MODULES = ApplicationModules.of(ClearskinApplication.class);

    @Test
    void theModulesVerify() {
        MODULES.verify();
    }
}
