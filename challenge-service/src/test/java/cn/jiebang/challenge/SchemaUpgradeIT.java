package cn.jiebang.challenge;

import cn.jiebang.devstack.Devstack;
import cn.jiebang.devstack.TestDatabase;
import cn.jiebang.testing.SchemaUpgrade;
import cn.jiebang.testing.Sql;
import io.micronaut.context.ApplicationContext;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A database migrated before the shared tables moved to their modules' migrations (ADR 0020) still upgrades. */
class SchemaUpgradeIT {

    private static final String HISTORY = "/db/history-before-adr-0020.csv";

    @Test
    void upgradesADatabaseMigratedBeforeTheSharedTablesMovedOut() {
        SchemaUpgrade.Upgraded upgraded = SchemaUpgrade.startServiceOn(HISTORY, Devstack::serviceProperties);
        assertEquals(List.of(), upgraded.problems());
        assertTrue(upgraded.rowsAfter().get("outbox_message") > 0 && upgraded.rowsAfter().get("audit_entry") > 0,
                "rows written before the move are kept");
    }

    @Test
    void stillRefusesAnyOtherChangeToAnAppliedMigration() {
        TestDatabase db = Devstack.database("schema_upgrade_refused");
        try {
            SchemaUpgrade.migrateAsBeforeTheMove(db, HISTORY);
            Sql.execute(db, "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '4'");

            Throwable refused = assertThrows(RuntimeException.class, () -> start(db).close());
            while (refused.getCause() != null && !(refused instanceof FlywayValidateException)) {
                refused = refused.getCause();
            }
            assertInstanceOf(FlywayValidateException.class, refused);
            assertEquals(-1706126655L, Sql.count(db, "SELECT checksum FROM flyway_schema_history WHERE version = '1'"),
                    "nothing realigned while another migration does not match");
        } finally {
            Devstack.drop(db);
        }
    }

    private static ApplicationContext start(TestDatabase db) {
        Map<String, Object> properties = new HashMap<>(Devstack.serviceProperties(db));
        properties.put("micronaut.server.port", -1);
        return ApplicationContext.run(properties);
    }
}
