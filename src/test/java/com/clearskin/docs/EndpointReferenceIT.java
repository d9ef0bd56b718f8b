package com.clearskin.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.support.Endpoints;
import com.clearskin.support.Endpoints.Endpoint;
import com.clearskin.support.IntegrationTest;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The endpoint reference in {@code docs/api.md} is what the running application answers, module by
 * module: this test builds it from the handler mappings (each controller's module is its package
 * under {@code com.clearskin}; the summary is its OpenAPI {@code @Operation}) and fails when the file
 * says anything else. After adding or changing an endpoint, write the file anew with
 * {@code CLEARSKIN_WRITE_DOCS=1 ./mvnw verify -Dit.test=EndpointReferenceIT -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@IntegrationTest
class EndpointReferenceIT {

    static final Path FILE = Path.of("docs/api.md");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;
    @Autowired
    JdbcClient jdbc;

    @Test
    void docsApiMdListsEveryEndpointByModule() throws IOException {
        String reference = reference(new Endpoints(mapping, jdbc).all());
        if ("1".equals(System.getenv("CLEARSKIN_WRITE_DOCS"))) {
            Files.writeString(FILE, reference);
        }
        assertThat(Files.exists(FILE)).as(FILE + " exists (see this test's comment to write it)").isTrue();
        assertThat(Files.readString(FILE)).as(FILE + " is the application's endpoints; to write it anew: "
                + "CLEARSKIN_WRITE_DOCS=1 ./mvnw verify -Dit.test=EndpointReferenceIT").isEqualTo(reference);
    }

    static String reference(List<Endpoint> endpoints) {
        Map<String, List<Endpoint>> byModule = new TreeMap<>(endpoints.stream()
                .filter(e -> e.handler().getBeanType().getPackageName().startsWith("com.clearskin."))
                .collect(Collectors.groupingBy(e -> module(e.handler().getBeanType().getPackageName()))));
        StringBuilder md = new StringBuilder("""
                # Endpoints, by module

                Every address the application answers, module by module (the module is the package under
                `src/main/java/com/clearskin/`), as its handler mappings say: JSON API first (`/api/...`; the
                request and answer bodies are in the OpenAPI description at `/api/docs`, browsable at
                `/api/explorer`), then pages and other addresses. Written by `EndpointReferenceIT`, which
                fails when this file and the application differ. Who may call what: the README's
                permission table; each module's rules: its page under `docs/`.
                """);
        byModule.forEach((module, list) -> {
            md.append("\n## ").append(module).append("\n\n");
            table(md, "API", list.stream().filter(Endpoint::api).toList());
            table(md, "Pages and other addresses", list.stream().filter(e -> !e.api()).toList());
        });
        return md.toString();
    }

    private static void table(StringBuilder md, String title, List<Endpoint> list) {
        if (list.isEmpty()) {
            return;
        }
        md.append(title).append(":\n\n| Method | Address | What it does |\n|---|---|---|\n");
        for (Endpoint e : list) {
            Operation op = e.handler().getMethodAnnotation(Operation.class);
            String summary = op == null ? "" : op.summary().replace("|", "\\|").replace("\n", " ");
            md.append("| ").append(e.method()).append(" | `").append(e.pattern()).append("` | ").append(summary)
                    .append(" |\n");
        }
        md.append('\n');
    }

    private static String module(String pkg) {
        String rest = pkg.substring("com.clearskin.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
