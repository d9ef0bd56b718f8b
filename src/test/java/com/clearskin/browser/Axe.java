package com.clearskin.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * axe-core (Deque's accessibility engine, the axe.min.js that com.deque.html.axe-core:selenium
 * ships) run in the page: the WCAG 2.1 A and AA rules. Returns each violation as one line: the
 * rule, its impact and the first elements it found.
 */
public final class Axe {

    private static String source;

    private Axe() {
    }

    public static List<String> violations(BrowserSupport browser) {
        browser.script(script());
        Object result = browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                                   resultTypes: ['violations']})
                   .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact,
                        nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ': ' + (n.failureSummary || ''))}))))
                   .catch(e => done([{id: 'axe-error', impact: 'error', nodes: [String(e)]}]));
                """);
        List<String> lines = new ArrayList<>();
        if (result instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> v) {
                    lines.add(v.get("id") + " (" + v.get("impact") + "): " + v.get("nodes"));
                }
            }
        }
        return lines;
    }

    private static synchronized String script() {
        if (source == null) {
            try (InputStream in = Axe.class.getResourceAsStream("/axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException("axe.min.js is not on the test class path");
                }
                source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return source;
    }
}
