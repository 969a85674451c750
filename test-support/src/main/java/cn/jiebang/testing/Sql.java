package cn.jiebang.testing;

import cn.jiebang.devstack.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Reads a test's database directly, on its own connection, to assert on rows (or, rarely, to change it). */
public final class Sql {

    private Sql() {
    }

    /** The first column of the first row, or null when there is none. */
    public static String query(TestDatabase db, String sql) {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public static long count(TestDatabase db, String sql) {
        return Long.parseLong(query(db, sql));
    }

    /** Runs a statement that returns no rows, e.g. to set up a trigger that makes the service's next write fail. */
    public static void execute(TestDatabase db, String sql) {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
