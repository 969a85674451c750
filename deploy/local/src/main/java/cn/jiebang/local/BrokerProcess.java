package cn.jiebang.local;

import cn.jiebang.devstack.StandaloneKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Kafka broker in a JVM of its own ({@link StandaloneKafka}), on ports and a log directory fixed when it is
 * first started, so it can be killed and started again with the records and offsets it had.
 */
final class BrokerProcess implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofSeconds(180);

    private final int port;
    private final JvmProcess jvm;

    private BrokerProcess(int port, JvmProcess jvm) {
        this.port = port;
        this.jvm = jvm;
    }

    /** Starts a broker keeping its data in {@code logDir}; returns once it answers. */
    static BrokerProcess start(Path logDir, Path log) throws Exception {
        int port = freePort();
        JvmProcess jvm = JvmProcess.start("kafka", List.of("-Xms128m", "-Xmx512m", "-Duser.timezone=UTC",
                "-cp", JvmProcess.classPath(), StandaloneKafka.class.getName(),
                "--port", Integer.toString(port), "--controller-port", Integer.toString(freePort()),
                "--dir", logDir.toString()), Map.of(), log);
        BrokerProcess broker = new BrokerProcess(port, jvm);
        broker.awaitReady();
        return broker;
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    long pid() {
        return jvm.pid();
    }

    /** kill -9 of the broker's JVM. */
    void kill() {
        jvm.kill();
    }

    /** Starts it again on the same ports and log directory; returns once it answers. */
    void restart() throws Exception {
        jvm.restart();
        awaitReady();
    }

    private void awaitReady() throws InterruptedException {
        Instant deadline = Instant.now().plus(READY_WITHIN);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000))) {
            while (true) {
                if (!jvm.isAlive()) {
                    throw new IllegalStateException("the broker exited with " + jvm.exitValue() + "\n" + jvm.tail());
                }
                try {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    // not listening, or no broker registered yet
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the broker did not answer within " + READY_WITHIN + "\n" + jvm.tail());
                }
                Thread.sleep(250);
            }
        }
    }

    /** SIGTERM, so the broker shuts down cleanly. */
    @Override
    public void close() {
        jvm.terminate(30);
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
