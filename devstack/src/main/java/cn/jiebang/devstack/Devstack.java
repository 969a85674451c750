package cn.jiebang.devstack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MySQLContainer;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The infrastructure a test needs, shared by every test of one JVM and started on first use.
 *
 * <p>Database server, in this order: {@code JIEBANG_TEST_DB_URL} (with {@code JIEBANG_TEST_DB_USER},
 * {@code JIEBANG_TEST_DB_PASSWORD}) when set; a Testcontainers MySQL 8 when a Docker engine answers;
 * otherwise an embedded MariaDB. Kafka: {@code KAFKA_BOOTSTRAP_SERVERS} when set, otherwise an
 * embedded broker. Each caller gets its own freshly created database, dropped when it closes it or,
 * at the latest, when the JVM exits.
 */
public final class Devstack {

    private static final Logger LOG = LoggerFactory.getLogger(Devstack.class);
    private static final Set<TestDatabase> OPEN = ConcurrentHashMap.newKeySet();

    private static DatabaseServer databaseServer;
    private static String kafkaBootstrapServers;
    private static EmbeddedMail mail;
    private static EmbeddedKafka embeddedKafka;
    private static EmbeddedMariaDb embeddedMariaDb;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Devstack::shutdown, "devstack-shutdown"));
    }

    private Devstack() {
    }

    /** A new empty database named {@code <prefix>_<random>} on the shared server. */
    public static TestDatabase database(String prefix) {
        String name = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_") + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        TestDatabase database = ServerDatabases.create(databaseServer(), name);
        OPEN.add(database);
        return database;
    }

    /** Drops a database made by {@link #database(String)}. */
    public static void drop(TestDatabase database) {
        database.close();
        OPEN.remove(database);
    }

    /**
     * The Micronaut properties that point a service at a database and the test broker, with cheap password
     * hashing. Each call names a new instance for Kafka ({@code jiebang.kafka.instance-id}): two contexts
     * started with one map share it, and must be given their own.
     */
    public static Map<String, String> serviceProperties(TestDatabase database) {
        return Map.of(
                "datasources.default.url", database.url(),
                "datasources.default.username", database.user(),
                "datasources.default.password", database.password(),
                "kafka.bootstrap.servers", kafkaBootstrapServers(),
                "jiebang.outbox.relay.interval", "50ms",
                "jiebang.outbox.relay.initial-delay", "0s",
                "jiebang.passwords.bcrypt-strength", "4",
                "jiebang.kafka.instance-id", "test-" + UUID.randomUUID());
    }

    /** {@link #serviceProperties} for a resource server: it trusts the tokens of {@link TestTokens#shared()}. */
    public static Map<String, String> resourceServerProperties(TestDatabase database) {
        Map<String, String> properties = new java.util.HashMap<>(serviceProperties(database));
        properties.put("micronaut.security.token.jwt.signatures.jwks.challenge-service.url", TestTokens.shared().jwksUrl());
        return properties;
    }

    /** One SMTP server for the whole test JVM, started on first use, stopped at exit. */
    public static synchronized EmbeddedMail mail() {
        if (mail == null) {
            mail = new EmbeddedMail().start();
            EmbeddedMail started = mail;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "embedded-mail-shutdown"));
        }
        return mail;
    }

    public static synchronized String kafkaBootstrapServers() {
        if (kafkaBootstrapServers == null) {
            String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
            if (external != null && !external.isBlank()) {
                kafkaBootstrapServers = external;
            } else {
                embeddedKafka = new EmbeddedKafka().start();
                kafkaBootstrapServers = embeddedKafka.bootstrapServers();
            }
            LOG.info("Kafka for tests: {}", kafkaBootstrapServers);
        }
        return kafkaBootstrapServers;
    }

    public static synchronized DatabaseServer databaseServer() {
        if (databaseServer == null) {
            databaseServer = chooseDatabaseServer();
            LOG.info("Database server for tests: {}", databaseServer);
        }
        return databaseServer;
    }

    private static DatabaseServer chooseDatabaseServer() {
        String url = System.getenv("JIEBANG_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            return ServerDatabases.serverAt(url,
                    envOr("JIEBANG_TEST_DB_USER", "root"), envOr("JIEBANG_TEST_DB_PASSWORD", ""));
        }
        if (dockerAvailable()) {
            MySQLContainer<?> mysql = new MySQLContainer<>("mysql:8.4")
                    .withUsername("root")
                    .withPassword("jiebang")
                    .withCommand("--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci");
            mysql.start();
            return new DatabaseServer(ServerDatabases.mysqlUrl(mysql.getHost(), mysql.getFirstMappedPort(), ""),
                    mysql.getUsername(), mysql.getPassword());
        }
        embeddedMariaDb = new EmbeddedMariaDb();
        return embeddedMariaDb.server();
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    private static void shutdown() {
        for (TestDatabase database : OPEN) {
            try {
                database.close();
            } catch (RuntimeException e) {
                LOG.warn("could not drop {}: {}", database.name(), e.getMessage());
            }
        }
        if (embeddedMariaDb != null) {
            embeddedMariaDb.close();
        }
        if (embeddedKafka != null) {
            embeddedKafka.close();
        }
    }
}
