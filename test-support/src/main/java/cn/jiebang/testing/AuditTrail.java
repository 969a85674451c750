package cn.jiebang.testing;

import cn.jiebang.devstack.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A service's audit trail ({@code audit_entry}, see web-support's cn.jiebang.audit), read and broken on purpose. */
public final class AuditTrail {

    private AuditTrail() {
    }

    /** The entries of one object, oldest first, each as "action status", e.g. "PUT /api/organizations/{id} 200". */
    public static List<String> of(TestDatabase db, String objectId) {
        List<String> entries = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             PreparedStatement s = c.prepareStatement("SELECT action, status FROM audit_entry WHERE object_id = ?"
                     + " ORDER BY id")) {
            s.setString(1, objectId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    entries.add(rs.getString(1) + " " + rs.getInt(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return entries;
    }

    /**
     * Until closed, the database refuses to write the entry of a successful request on {@code objectId}: a
     * stand-in for any failure of that insert. The entries of refusals (status 400 and above) are still written.
     */
    public static Refusal refusingEntriesOfChangesTo(TestDatabase db, String objectId) {
        if (!objectId.matches("[0-9a-f-]{36}")) {
            throw new IllegalArgumentException("an id, not " + objectId);
        }
        Sql.execute(db, "CREATE TRIGGER refuse_change_entry BEFORE INSERT ON audit_entry FOR EACH ROW BEGIN"
                + " IF NEW.object_id = '" + objectId + "' AND NEW.status < 400 THEN"
                + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit entry refused by the test'; END IF; END");
        return () -> Sql.execute(db, "DROP TRIGGER IF EXISTS refuse_change_entry");
    }

    /** Ends {@link #refusingEntriesOfChangesTo}. */
    public interface Refusal extends AutoCloseable {
        @Override
        void close();
    }
}
