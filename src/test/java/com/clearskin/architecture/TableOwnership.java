package com.clearskin.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Who owns which table: the module whose migration folder ({@code db/migration/<module>/}) creates
 * it. A module's Java code that names another module's table in SQL ({@code from}, {@code join},
 * {@code into}, {@code update}, {@code delete from}) is a crossing; every crossing must be listed
 * with its reason, so that reading another module's data is a decision, never an accident.
 */
final class TableOwnership {

    /** One module's SQL on a table it does not own. */
    record Crossing(String module, String file, String table, String owner) {
        String key() {
            return module + " -> " + table;
        }

        @Override
        public String toString() {
            return file + " (module " + module + ") uses table " + table + " of module " + owner;
        }
    }

    private static final Pattern CREATE = Pattern.compile("(?i)\\bcreate\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");
    private static final Pattern USE = Pattern.compile("(?i)\\b(?:from|join|into|update)\\s+([a-z_][a-z0-9_]*)");

    private TableOwnership() {
    }

    /** Table name to the module that creates it, from the migration folders under {@code migrations}. */
    static Map<String, String> owners(Path migrations) {
        return owners(migrations, Map.of());
    }

    /**
     * As {@link #owners(Path)}, with tables handed over: a table created in one module's migration
     * before its owner had a folder of its own (migrations keep their checksums, so they do not
     * move) belongs to the module named in {@code handedOver}. Naming a table no migration creates
     * is an error.
     */
    static Map<String, String> owners(Path migrations, Map<String, String> handedOver) {
        Map<String, String> owners = created(migrations);
        handedOver.forEach((table, module) -> {
            if (owners.replace(table, module) == null) {
                throw new IllegalArgumentException("handed over, but no migration creates it: " + table);
            }
        });
        return owners;
    }

    private static Map<String, String> created(Path migrations) {
        Map<String, String> owners = new TreeMap<>();
        try (Stream<Path> files = Files.walk(migrations)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                String module = migrations.relativize(file).getName(0).toString();
                Matcher m = CREATE.matcher(Files.readString(file));
                while (m.find()) {
                    owners.putIfAbsent(m.group(1).toLowerCase(), module);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return owners;
    }

    /** Every crossing in the Java sources under {@code sources} (one folder per module). */
    static List<Crossing> crossings(Path sources, Map<String, String> owners) {
        List<Crossing> crossings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                Path relative = sources.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue;
                }
                String module = relative.getName(0).toString();
                Set<String> tables = new TreeSet<>();
                Matcher m = USE.matcher(Files.readString(file));
                while (m.find()) {
                    tables.add(m.group(1).toLowerCase());
                }
                for (String table : tables) {
                    String owner = owners.get(table);
                    if (owner != null && !owner.equals(module)) {
                        crossings.add(new Crossing(module, relative.toString(), table, owner));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return crossings;
    }
}
