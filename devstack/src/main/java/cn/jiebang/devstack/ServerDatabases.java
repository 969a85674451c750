package cn.jiebang.devstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Creates and drops databases on a server, and writes the JDBC URLs the services use. */
public final class ServerDatabases {

    /** UTC on both ends of the connection: deadlines are instants and must not shift with a time zone. */
    static final String URL_OPTIONS = "connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
            + "&characterEncoding=UTF-8&useSSL=false&allowPublicKeyRetrieval=true";

    private static final Pattern SERVER_URL = Pattern.compile("(jdbc:(?:mysql|mariadb)://[^/?]+)(?:/[^?]*)?(?:\\?(.*))?");

    private ServerDatabases() {
    }

    static String mysqlUrl(String host, int port, String database) {
        return "jdbc:mysql://" + host + ":" + port + "/" + database + "?" + URL_OPTIONS;
    }

    static String mariaDbUrl(String host, int port, String database) {
        return "jdbc:mariadb://" + host + ":" + port + "/" + database + "?" + URL_OPTIONS;
    }

    /**
     * The server at {@code url}, reached with the driver of its own kind. MySQL Connector/J decides from
     * the server's version whether to send fractional seconds, and MariaDB 10.x announces itself as
     * "5.5.5-10.x": Connector/J would silently cut every instant to whole seconds. So a MariaDB server
     * gets a {@code jdbc:mariadb:} URL (MariaDB Connector/J); a MySQL server keeps {@code jdbc:mysql:}.
     */
    public static DatabaseServer serverAt(String url, String user, String password) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(url, ""), user, password)) {
            String version = connection.getMetaData().getDatabaseProductVersion();
            boolean mariaDb = version.contains("MariaDB");
            return new DatabaseServer(mariaDb ? url.replaceFirst("^jdbc:mysql:", "jdbc:mariadb:") : url, user, password);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database server at " + url, e);
        }
    }

    /** The URL of {@code database} on the server of {@code serverUrl}, keeping the server URL's own options. */
    public static String jdbcUrl(String serverUrl, String database) {
        Matcher m = SERVER_URL.matcher(serverUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a jdbc:mysql:// URL: " + serverUrl);
        }
        String options = m.group(2) == null || m.group(2).isBlank() ? URL_OPTIONS : m.group(2);
        return m.group(1) + "/" + database + "?" + options;
    }

    public static TestDatabase create(DatabaseServer server, String name) {
        requireSafeName(name);
        execute(server, "CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return new TestDatabase(name, jdbcUrl(server.url(), name), server.user(), server.password(), server);
    }

    public static boolean exists(DatabaseServer server, String name) {
        requireSafeName(name);
        try (Connection connection = DriverManager.getConnection(
                jdbcUrl(server.url(), ""), server.user(), server.password());
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT 1 FROM information_schema.schemata WHERE schema_name = ?")) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the databases of " + server, e);
        }
    }

    public static void drop(DatabaseServer server, String name) {
        requireSafeName(name);
        execute(server, "DROP DATABASE IF EXISTS `" + name + "`");
    }

    private static void execute(DatabaseServer server, String sql) {
        try (Connection connection = DriverManager.getConnection(
                jdbcUrl(server.url(), ""), server.user(), server.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + server, e);
        }
    }

    private static void requireSafeName(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,63}")) {
            throw new IllegalArgumentException("unsafe database name: " + name);
        }
    }
}
