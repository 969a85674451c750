package cn.jiebang.testing;

import cn.jiebang.devstack.Devstack;
import cn.jiebang.devstack.TestDatabase;
import io.micronaut.context.ApplicationContext;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A service's database as the migrations of before ADR 0020 left it, when every service created the outbox,
 * inbox and audit tables in its own migrations: to show that such a database still upgrades.
 *
 * <p>The tables come from today's migrations, the service's own and the shared ones, which together hold
 * exactly the DDL of before; the schema history is the one Flyway recorded then, read from a CSV
 * resource ({@code installed_rank,version,description,type,script,checksum}, captured from a database
 * migrated by the migrations of before the move).
 */
public final class SchemaUpgrade {

    private static final List<String> SHARED_LOCATIONS = List.of("classpath:db/messaging", "classpath:db/audit");

    private SchemaUpgrade() {
    }

    /** What a service's start did to a database from before ADR 0020. */
    public record Upgraded(boolean historyValidatedBefore, Map<String, Long> rowsBefore, Map<String, Long> rowsAfter, boolean historyValidates,
                           Map<String, Long> sharedHistories, Map<String, Long> rowsAfterSecondStart) {

        /** What is not as an upgrade leaves it; empty when all is. */
        public List<String> problems() {
            List<String> problems = new ArrayList<>();
            if (historyValidatedBefore) {
                problems.add("the database did not record the migrations of before the move");
            }
            if (!historyValidates) {
                problems.add("Flyway does not validate the service's migrations after the start");
            }
            if (!rowsBefore.equals(rowsAfter) || !rowsBefore.equals(rowsAfterSecondStart)) {
                problems.add("tables or rows changed: " + rowsBefore + " then " + rowsAfter + " then " + rowsAfterSecondStart);
            }
            if (!Map.of("audit", 1L, "messaging", 1L).equals(sharedHistories)) {
                problems.add("the shared locations' histories have not begun at V1: " + sharedHistories);
            }
            return problems;
        }
    }

    /**
     * Starts the service twice on a database migrated as before ADR 0020 ({@link #migrateAsBeforeTheMove}),
     * with the properties {@code properties} gives for it, and reports what the starts did.
     */
    public static Upgraded startServiceOn(String historyResource, Function<TestDatabase, Map<String, String>> properties) {
        TestDatabase db = Devstack.database("schema_upgrade");
        try {
            migrateAsBeforeTheMove(db, historyResource);
            boolean validatedBefore = serviceHistoryValidates(db);
            Map<String, Long> before = rowCounts(db);
            Map<String, Object> service = new HashMap<>(properties.apply(db));
            service.put("micronaut.server.port", -1);
            ApplicationContext.run(service).close();
            Map<String, Long> after = rowCounts(db);
            boolean validates = serviceHistoryValidates(db);
            Map<String, Long> shared = new TreeMap<>();
            for (String name : List.of("messaging", "audit")) {
                shared.put(name, Sql.count(db, "SELECT COUNT(*) FROM flyway_schema_history_" + name
                        + " WHERE version = '1' AND success"));
            }
            ApplicationContext.run(service).close();
            return new Upgraded(validatedBefore, before, after, validates, shared, rowCounts(db));
        } finally {
            Devstack.drop(db);
        }
    }

    /** Migrates {@code db} as before ADR 0020, with a row in each shared table. */
    public static void migrateAsBeforeTheMove(TestDatabase db, String historyResource) {
        flyway(db).locations("classpath:db/migration").load().migrate();
        for (String location : SHARED_LOCATIONS) {
            flyway(db).locations(location).table("scratch_history").baselineOnMigrate(true).baselineVersion("0")
                    .load().migrate();
            Sql.execute(db, "DROP TABLE scratch_history");
        }
        Sql.execute(db, "DELETE FROM flyway_schema_history");
        try (Connection c = connect(db); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                        + " installed_by, execution_time, success) VALUES (?, ?, ?, ?, ?, ?, 'root', 1, 1)")) {
            for (String[] row : csv(historyResource)) {
                insert.setInt(1, Integer.parseInt(row[0]));
                insert.setString(2, row[1]);
                insert.setString(3, row[2]);
                insert.setString(4, row[3]);
                insert.setString(5, row[4]);
                insert.setInt(6, Integer.parseInt(row[5]));
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the schema history of " + db.name(), e);
        }
        Sql.execute(db, "INSERT INTO outbox_message (event_id, event_type, topic, message_key, payload, occurred_at)"
                + " VALUES ('6b1f7e52-0000-4000-8000-000000000020', 'test.before-adr-0020.v1', 'test.events', 'k',"
                + " '{}', '2026-11-30 08:00:00')");
        Sql.execute(db, "INSERT INTO processed_event (consumer, event_id, event_type, processed_at)"
                + " VALUES ('before-adr-0020', 'e-0020', 'test.before-adr-0020.v1', '2026-11-30 08:00:00')");
        Sql.execute(db, "INSERT INTO audit_entry (actor, action, status, occurred_at)"
                + " VALUES ('before-adr-0020', 'POST /test', 201, '2026-11-30 08:00:00')");
    }

    /** The number of rows of every table but Flyway's histories, by table name. */
    public static Map<String, Long> rowCounts(TestDatabase db) {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = connect(db); Statement s = c.createStatement();
             ResultSet tables = s.executeQuery("SELECT table_name FROM information_schema.tables"
                     + " WHERE table_schema = DATABASE() AND table_name NOT LIKE 'flyway_schema_history%'")) {
            while (tables.next()) {
                counts.put(tables.getString(1), null);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the tables of " + db.name(), e);
        }
        counts.replaceAll((table, none) -> Sql.count(db, "SELECT COUNT(*) FROM `" + table + "`"));
        return counts;
    }

    /** Whether Flyway finds the applied migrations of the service's own location unchanged. */
    public static boolean serviceHistoryValidates(TestDatabase db) {
        return flyway(db).locations("classpath:db/migration").ignoreMigrationPatterns("*:future")
                .load().validateWithResult().validationSuccessful;
    }

    private static FluentConfiguration flyway(TestDatabase db) {
        return Flyway.configure().dataSource(db.url(), db.user(), db.password());
    }

    private static Connection connect(TestDatabase db) throws SQLException {
        return DriverManager.getConnection(db.url(), db.user(), db.password());
    }

    private static List<String[]> csv(String resource) {
        InputStream in = SchemaUpgrade.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("no resource " + resource);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).filter(line -> !line.isBlank()).map(line -> line.split(",", -1)).toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
