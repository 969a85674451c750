package cn.jiebang.bid;

import cn.jiebang.devstack.Devstack;
import cn.jiebang.testing.SchemaUpgrade;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A bid-service database migrated before its outbox, inbox and audit tables moved to shared migrations
 * (ADR 0020) starts, validates and keeps every row.
 */
class SchemaUpgradeIT {

    @Test
    void upgradesADatabaseMigratedBeforeTheSharedTablesMovedOut() {
        assertEquals(List.of(), SchemaUpgrade.startServiceOn("/db/history-before-adr-0020.csv",
                Devstack::resourceServerProperties).problems());
    }
}
