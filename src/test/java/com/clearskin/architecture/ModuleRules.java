package com.clearskin.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The module rule: each package directly under the root is a module; its own package is its public
 * face, its sub-packages ({@code web}, {@code internal}, ...) are private to it.
 */
final class ModuleRules {

    private ModuleRules() {
    }

    /** Every dependency from one module into another module's sub-package, as a readable line. */
    static List<String> reachesIntoInternals(JavaClasses classes, String root) {
        List<String> violations = new ArrayList<>();
        for (JavaClass origin : classes) {
            Optional<String> from = module(origin.getPackageName(), root);
            if (from.isEmpty()) {
                continue;
            }
            for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                String target = d.getTargetClass().getPackageName();
                Optional<String> to = module(target, root);
                if (to.isPresent() && !to.equals(from) && !target.equals(root + "." + to.get())) {
                    violations.add(d.getDescription());
                }
            }
        }
        return violations;
    }

    static Optional<String> module(String packageName, String root) {
        if (!packageName.startsWith(root + ".")) {
            return Optional.empty();
        }
        String rest = packageName.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }
}
