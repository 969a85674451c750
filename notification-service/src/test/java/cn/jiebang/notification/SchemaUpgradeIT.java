package cn.jiebang.notification;

import cn.jiebang.devstack.Devstack;
import cn.jiebang.testing.SchemaUpgrade;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * notification-service on a database from before ADR 0020, when its V1 and V2 still created the shared
 * tables: Flyway realigns them once, and every table keeps its rows.
 */
class SchemaUpgradeIT {

    @Test
    void upgradesADatabaseMigratedBeforeTheSharedTablesMovedOut() {
        assertEquals(List.of(), SchemaUpgrade.startServiceOn("/db/history-before-adr-0020.csv",
                Devstack::resourceServerProperties).problems());
    }
}
