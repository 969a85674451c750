package cn.jiebang.local;

import cn.jiebang.devstack.DatabaseServer;
import cn.jiebang.devstack.ServerDatabases;
import cn.jiebang.devstack.StandaloneMariaDb;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * MariaDB in a JVM of its own ({@link StandaloneMariaDb}), on a port and a data directory fixed when it is first
 * started. The server, mariadbd, is a child process of that JVM: pausing the database means stopping that
 * process, not the JVM, which only watches it.
 */
final class DatabaseProcess implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofSeconds(180);

    private final int port;
    private final JvmProcess jvm;

    private DatabaseProcess(int port, JvmProcess jvm) {
        this.port = port;
        this.jvm = jvm;
    }

    /** Starts a server keeping its data in {@code dataDir} (not under /tmp); returns once it takes connections. */
    static DatabaseProcess start(Path dataDir, Path log) throws Exception {
        int port = BrokerProcess.freePort();
        JvmProcess jvm = JvmProcess.start("mariadb", List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", JvmProcess.classPath(), StandaloneMariaDb.class.getName(),
                "--port", Integer.toString(port), "--dir", dataDir.toString()), Map.of(), log);
        DatabaseProcess database = new DatabaseProcess(port, jvm);
        database.awaitReady();
        return database;
    }

    /** The server, reached as root with no password. */
    DatabaseServer server() {
        return ServerDatabases.serverAt("jdbc:mysql://localhost:" + port + "/", "root", "");
    }

    /** The pid of mariadbd itself, found among the JVM's descendants. */
    long serverPid() {
        return jvm.descendants().stream()
                .filter(p -> p.info().command().map(c -> c.endsWith("/mariadbd") || c.endsWith("/mysqld")).orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("no mariadbd under pid " + jvm.pid()))
                .pid();
    }

    /** SIGSTOP of mariadbd: connections stay open, nothing answers. */
    void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** SIGCONT of mariadbd. */
    void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String signal) throws IOException, InterruptedException {
        long pid = serverPid();
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
        }
    }

    private void awaitReady() throws InterruptedException {
        Instant deadline = Instant.now().plus(READY_WITHIN);
        String url = ServerDatabases.jdbcUrl("jdbc:mariadb://localhost:" + port + "/", "");
        while (true) {
            if (!jvm.isAlive()) {
                throw new IllegalStateException("MariaDB exited with " + jvm.exitValue() + "\n" + jvm.tail());
            }
            try (Connection ignored = DriverManager.getConnection(url, "root", "")) {
                return;
            } catch (SQLException notYet) {
                // still starting
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("MariaDB did not answer within " + READY_WITHIN + "\n" + jvm.tail());
            }
            Thread.sleep(500);
        }
    }

    /** SIGTERM to the JVM, whose shutdown stops mariadbd; a mariadbd left behind is killed. */
    @Override
    public void close() {
        List<ProcessHandle> servers = jvm.isAlive() ? jvm.descendants() : List.of();
        try {
            resume();
        } catch (Exception notPausedOrGone) {
            // nothing to resume
        }
        jvm.terminate(60);
        for (ProcessHandle server : servers) {
            if (server.isAlive()) {
                server.destroyForcibly();
            }
        }
    }
}
