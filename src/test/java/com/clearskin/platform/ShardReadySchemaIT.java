package com.clearskin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The schema can be distributed by clinic (as Citus requires): every clinic-owned table carries
 * {@code clinic_id}, and its primary key, every unique or exclusion constraint, every unique index
 * and every foreign key to another clinic-owned table includes it (an exclusion constraint compares
 * {@code clinic_id WITH =}). Tables that belong to no clinic are listed with their reason.
 */
@IntegrationTest
class ShardReadySchemaIT {

    /** Tables without a clinic: reference data or people, who may belong to several clinics. */
    static final Map<String, String> GLOBAL = Map.ofEntries(
            Map.entry("clinic", "the tenants themselves (a reference table, or distributed by id)"),
            Map.entry("app_user", "a person may belong to several clinics"),
            Map.entry("access_token", "a sign-in is a person's, across their clinics"),
            Map.entry("password_reset", "a person's, across their clinics"),
            Map.entry("password_reset_request", "counts per requesting address, before any clinic is known"),
            Map.entry("sign_in_failure", "counts per account and address, before any clinic is known"),
            Map.entry("sign_in_known_source", "a person's, across their clinics"),
            Map.entry("outbox_message", "one outbox for the installation: a clinic's mail names the clinic, a "
                    + "person's own mail (a password reset) names none; senders claim rows across clinics"),
            Map.entry("scheduled_tasks", "db-scheduler's own: the installation's background jobs, claimed across clinics"),
            Map.entry("flyway_schema_history", "Flyway's own"));

    @Autowired
    JdbcClient jdbc;

    List<String> tables() {
        return jdbc.sql("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = current_schema() and c.relkind in ('r', 'p') order by 1""")
                .query(String.class).list();
    }

    Set<String> clinicOwned() {
        return Set.copyOf(jdbc.sql("""
                select table_name from information_schema.columns
                where table_schema = current_schema() and column_name = 'clinic_id'""").query(String.class).list()
                .stream().filter(t -> !GLOBAL.containsKey(t)).toList());
    }

    @Test
    void everyTableIsClinicOwnedOrListedAsGlobal() {
        Set<String> owned = clinicOwned();
        List<String> neither = tables().stream().filter(t -> !owned.contains(t) && !GLOBAL.containsKey(t)).toList();
        assertThat(neither).as("tables with no clinic_id and no reason to be global").isEmpty();
        List<String> nullable = jdbc.sql("""
                select table_name from information_schema.columns
                where table_schema = current_schema() and column_name = 'clinic_id' and is_nullable = 'YES'""")
                .query(String.class).list();
        assertThat(nullable).as("clinic_id may not be null in a clinic-owned table").allMatch(GLOBAL::containsKey);
    }

    @Test
    void keysConstraintsAndForeignKeysIncludeTheClinic() {
        Set<String> owned = clinicOwned();
        List<String> problems = new ArrayList<>();
        jdbc.sql("""
                select con.conname, con.contype, rel.relname as tbl, frel.relname as ftbl,
                       pg_get_constraintdef(con.oid) as def,
                       exists (select 1 from unnest(con.conkey) k join pg_attribute a
                               on a.attrelid = con.conrelid and a.attnum = k where a.attname = 'clinic_id') as has_clinic,
                       exists (select 1 from unnest(con.confkey) k join pg_attribute a
                               on a.attrelid = con.confrelid and a.attnum = k where a.attname = 'clinic_id') as refs_clinic
                from pg_constraint con join pg_class rel on rel.oid = con.conrelid
                left join pg_class frel on frel.oid = con.confrelid
                join pg_namespace n on n.oid = rel.relnamespace
                where n.nspname = current_schema() and con.contype in ('p', 'u', 'x', 'f')""")
                .query(rs -> {
                    String table = rs.getString("tbl");
                    if (!owned.contains(table)) {
                        return;
                    }
                    String type = rs.getString("contype");
                    String name = rs.getString("conname");
                    String def = rs.getString("def");
                    switch (type) {
                        case "p", "u" -> {
                            if (!rs.getBoolean("has_clinic")) {
                                problems.add(table + "." + name + " (" + def + ") lacks clinic_id");
                            }
                        }
                        case "x" -> {
                            if (!def.contains("clinic_id WITH =")) {
                                problems.add(table + "." + name + " (" + def + ") does not compare clinic_id WITH =");
                            }
                        }
                        case "f" -> {
                            String target = rs.getString("ftbl");
                            if (owned.contains(target) && !(rs.getBoolean("has_clinic") && rs.getBoolean("refs_clinic"))) {
                                problems.add(table + "." + name + " (" + def + ") to " + target + " lacks clinic_id");
                            }
                        }
                        default -> {
                        }
                    }
                });
        jdbc.sql("""
                select t.relname as tbl, i.relname as idx, pg_get_indexdef(i.oid) as def
                from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
                join pg_namespace n on n.oid = t.relnamespace
                where n.nspname = current_schema() and x.indisunique
                  and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)
                  and not exists (select 1 from unnest(x.indkey) k join pg_attribute a
                                  on a.attrelid = x.indrelid and a.attnum = k where a.attname = 'clinic_id')""")
                .query(rs -> {
                    if (owned.contains(rs.getString("tbl"))) {
                        problems.add(rs.getString("tbl") + "." + rs.getString("idx") + " (" + rs.getString("def")
                                + ") is unique without clinic_id");
                    }
                });
        assertThat(problems).isEmpty();
    }
}
