package cn.jiebang.messaging;

import cn.jiebang.devstack.ChildJvm;
import cn.jiebang.devstack.Devstack;
import cn.jiebang.devstack.TestDatabase;
import cn.jiebang.events.ChallengePublished;
import io.micronaut.context.ApplicationContext;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A consumer's partitions after its instance goes away: killed with {@code kill -9} and restarted, or stopped
 * gracefully and replaced by another instance. Either way the next event is handled within seconds, not
 * after the dead consumer's session has timed out (45 s by Kafka's default).
 */
class StaticMembershipIT {

    private static final Logger LOG = LoggerFactory.getLogger(StaticMembershipIT.class);
    private static final Duration RESUMED_WITHIN = Duration.ofSeconds(10);

    private static TestDatabase db;
    private static String bootstrap;
    private static KafkaProducer<String, String> producer;

    @BeforeAll
    static void start() {
        bootstrap = Devstack.kafkaBootstrapServers();
        db = Devstack.database("membership");
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    static void stop() {
        producer.close();
        Devstack.drop(db);
    }

    private static Map<String, Object> instance(String instanceId) {
        return TestContexts.properties(db, bootstrap, Map.of("restart-test.enabled", true,
                "jiebang.outbox.relay.enabled", false, "jiebang.kafka.instance-id", instanceId));
    }

    /** Puts an event on the test topic; returns its title, which its effect records. */
    private static String send() throws Exception {
        String title = "membership-" + UUID.randomUUID();
        String value = new EventJson().write(new ChallengePublished("c-" + title, title, "问题", "NEW_MATERIALS",
                new BigDecimal("1.00"), Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"),
                Instant.now(), "owner", "BEIJING", "OPEN_COMPETITION", 1, List.of(), List.of(),
                new ChallengePublished.Eligibility(List.of(), List.of(), 4, 1, false), "", List.of()));
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(UTF_8));
        headers.add(CloudEventHeaders.TYPE, ChallengePublished.TYPE.getBytes(UTF_8));
        headers.add(CloudEventHeaders.SOURCE, "urn:jiebang:test".getBytes(UTF_8));
        headers.add(CloudEventHeaders.TIME, Instant.now().toString().getBytes(UTF_8));
        headers.add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(UTF_8));
        producer.send(new ProducerRecord<>(RestartTestListener.TOPIC, null, "c-" + title, value, headers)).get();
        return title;
    }

    private static long effects(String title) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM test_effect WHERE title = ?")) {
            count.setString(1, title);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** How long the event's effect took to appear, failing after {@link #RESUMED_WITHIN}. */
    private static Duration handled(String title, long sentAt) {
        await().atMost(RESUMED_WITHIN).pollInterval(Duration.ofMillis(50)).until(() -> effects(title) == 1);
        return Duration.ofNanos(System.nanoTime() - sentAt);
    }

    @Test
    void aConsumerKilledAndRestartedWithItsInstanceIdResumesWithinSeconds() throws Exception {
        String instanceId = "restart-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> properties = instance(instanceId);
        try (ChildJvm killed = ChildJvm.start("membership-killed-instance", ListenerProcess.class.getName(), properties)) {
            String first = send();
            // the child creates the tables as it starts
            await().atMost(Duration.ofSeconds(120)).ignoreExceptionsMatching(e -> e instanceof SQLException).until(() -> {
                assertTrue(killed.isAlive(), killed::output);
                return effects(first) == 1;
            });
            killed.kill();
        }
        long killedAt = System.nanoTime();

        try (ApplicationContext restarted = ApplicationContext.run(new HashMap<>(properties))) {
            long startedAt = System.nanoTime();
            Duration took = handled(send(), startedAt);
            LOG.info("restarted after kill -9: the next event was handled {} ms after the restart ({} ms after the kill)",
                    took.toMillis(), (System.nanoTime() - killedAt) / 1_000_000);
            try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                List<String> members = admin.describeConsumerGroups(List.of(RestartTestListener.GROUP)).all().get()
                        .get(RestartTestListener.GROUP).members().stream()
                        .map(m -> m.groupInstanceId().orElse("(dynamic) " + m.consumerId())).toList();
                assertEquals(List.of(instanceId), members, "one static member, the restarted instance");
            }
        }
    }

    @Test
    void aConsumerStoppedGracefullyLeavesItsGroupAndAnotherInstanceTakesOverWithinSeconds() throws Exception {
        String first = send();
        try (ApplicationContext stopping = ApplicationContext.run(instance("leaving-" + UUID.randomUUID()))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> effects(first) == 1);
        }
        try (ApplicationContext other = ApplicationContext.run(instance("other-" + UUID.randomUUID()))) {
            long startedAt = System.nanoTime();
            Duration took = handled(send(), startedAt);
            LOG.info("after a graceful stop: another instance handled the next event {} ms after it started",
                    took.toMillis());
            try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                List<MemberDescription> members = admin.describeConsumerGroups(List.of(RestartTestListener.GROUP)).all()
                        .get().get(RestartTestListener.GROUP).members().stream().toList();
                assertEquals(1, members.size(), "the stopped instance left: " + members);
            }
        }
    }
}
