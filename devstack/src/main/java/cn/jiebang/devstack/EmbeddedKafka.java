package cn.jiebang.devstack;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A real single-node Apache Kafka broker in KRaft mode (broker and controller in one process), from
 * Apache's own jars. It keeps its port and log directory across {@link #stop()} and {@link #start()},
 * so a test can take the broker away and bring it back with the data it had.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private final int port;
    private final int controllerPort;
    private final Path logDir;
    private final boolean temporary;
    private final Properties config;
    private KafkaRaftServer server;

    /** On free ports, with a temporary log directory that {@link #close()} deletes. */
    public EmbeddedKafka() {
        this(FreePort.find(), FreePort.find(), temporaryDirectory(), true);
    }

    /**
     * On the given ports, with its data in {@code logDir}, which is kept: a broker started again on the same
     * directory, in this process or another, finds the topics, records and committed offsets it had.
     */
    public EmbeddedKafka(int port, int controllerPort, Path logDir) {
        this(port, controllerPort, logDir, false);
    }

    private EmbeddedKafka(int port, int controllerPort, Path logDir, boolean temporary) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.logDir = logDir;
        this.temporary = temporary;
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        config = brokerConfig();
        format();
    }

    public synchronized EmbeddedKafka start() {
        if (server == null) {
            server = new KafkaRaftServer(KafkaConfig.fromProps(config), Time.SYSTEM);
            server.startup();
        }
        return this;
    }

    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /** Stops the broker; a temporary log directory is deleted, a given one kept. */
    @Override
    public void close() {
        stop();
        if (temporary) {
            deleteRecursively(logDir);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("jiebang-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Properties brokerConfig() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        p.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "3");
        p.put("auto.create.topics.enable", "true");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "3");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.flush.interval.messages", "1");
        p.put("shutdown.timeout.ms", "5000");
        return p;
    }

    /** Formats the log directory for KRaft, unless a broker did already: its cluster id must stay. */
    private void format() {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        Path file = logDir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            config.store(out, "jiebang devstack");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = StorageTool.execute(new String[] {
                "format", "-t", Uuid.randomUuid().toString(), "-c", file.toString(), "--ignore-formatted"},
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IllegalStateException("kafka-storage format failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
