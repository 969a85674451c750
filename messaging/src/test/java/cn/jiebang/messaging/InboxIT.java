package cn.jiebang.messaging;

import cn.jiebang.devstack.Devstack;
import cn.jiebang.devstack.TestDatabase;
import cn.jiebang.devstack.TopicRecorder;
import cn.jiebang.events.ChallengePublished;
import cn.jiebang.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The inbox's listener against the real broker and a database it reaches through a link the tests can cut. */
class InboxIT {

    /** micronaut-kafka's retryCount before this listener retried outages for as long as they last (ADR 0006). */
    private static final int OLD_GIVE_UP_COUNT = 10;

    private static TestDatabase db;
    private static SeverableLink link;
    private static ApplicationContext app;
    private static KafkaProducer<String, String> producer;
    private static String bootstrap;

    @BeforeAll
    static void start() {
        bootstrap = Devstack.kafkaBootstrapServers();
        db = Devstack.database("inbox");
        link = new SeverableLink(db.url());
        Map<String, Object> properties = new HashMap<>(TestContexts.properties(db, bootstrap, Map.of(
                "inbox-test.enabled", true,
                "jiebang.outbox.relay.enabled", false,
                // the backoff of an outage, shortened: attempts after 50, 100, 200, 200 … ms
                "jiebang.inbox.outage.initial-backoff", "50ms",
                "jiebang.inbox.outage.max-backoff", "200ms",
                // Hikari's shortest wait for a connection, so an attempt during the outage fails soon
                "datasources.default.connection-timeout", 250)));
        properties.put("datasources.default.url", link.through(db.url()));
        app = ApplicationContext.run(properties);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    static void stop() throws Exception {
        producer.close();
        app.close();
        link.close();
        Devstack.drop(db);
    }

    @Test
    void databaseOutageLongerThanTheOldGiveUpSkipsNothingAndParksNothing() throws Exception {
        TestEffects effects = app.getBean(TestEffects.class);
        String run = UUID.randomUUID().toString();
        String warmUp = "before-outage-" + run;
        send(UUID.randomUUID().toString(), payload(warmUp));
        await().atMost(Duration.ofSeconds(60)).until(() -> effects.countByTitle(warmUp) == 1);

        Map<String, String> titlesById = new HashMap<>();
        for (int i = 0; i < 3; i++) {
            titlesById.put(UUID.randomUUID().toString(), "during-outage-" + i + "-" + run);
        }
        String otherTopicId = UUID.randomUUID().toString();
        titlesById.put(otherTopicId, "during-outage-other-topic-" + run);
        Set<String> ids = titlesById.keySet();
        double failedBefore = failedAttempts();
        try (TopicRecorder dead = new TopicRecorder(bootstrap, Topics.deadLetter(TestInboxListener.GROUP),
                r -> ids.contains(TopicRecorder.header(r, CloudEventHeaders.ID)))) {
            link.cut();
            for (Map.Entry<String, String> event : titlesById.entrySet()) {
                String topic = event.getKey().equals(otherTopicId) ? TestInboxListener.OTHER_TOPIC : TestInboxListener.TOPIC;
                send(topic, event.getKey(), payload(event.getValue()));
            }
            String duplicate = ids.iterator().next();
            send(duplicate, payload(titlesById.get(duplicate)));

            await().atMost(Duration.ofSeconds(90))
                    .until(() -> failedAttempts() - failedBefore > 2 * OLD_GIVE_UP_COUNT);
            HealthResult health = consumerHealth();
            assertEquals(HealthStatus.DOWN, health.getStatus());
            assertTrue(((Map<?, ?>) health.getDetails()).containsKey(TestInboxListener.GROUP), String.valueOf(health.getDetails()));
            assertEquals(1.0, outageGauge());
            link.restore();

            // the test reads through the same pool, which may need a few seconds to connect again
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> titlesById.values().stream().allMatch(title -> effects.countByTitle(title) >= 1));
            String after = "after-outage-" + run;
            send(UUID.randomUUID().toString(), payload(after));
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> effects.countByTitle(after) == 1);

            for (String title : titlesById.values()) {
                assertEquals(1, effects.countByTitle(title), title + ": one effect, however often it was tried");
            }
            assertEquals(List.of(), dead.all(), "an outage parks nothing");
            assertEquals(HealthStatus.UP, consumerHealth().getStatus());
            assertEquals(0.0, outageGauge());
        } finally {
            link.restore();
            await().atMost(Duration.ofSeconds(30)).until(app.getBean(Inbox.class)::databaseAnswers);
        }
    }

    @Test
    void emptyPayloadIsParkedAtOnceAndTheNextIsProcessed() throws Exception {
        assertParkedWithoutTryingTheEffect("{}");
    }

    @Test
    void payloadWithoutARequiredFieldIsParkedAtOnce() throws Exception {
        String title = "no-challenge-id-" + UUID.randomUUID();
        String payload = payload(title).replaceFirst("\"challengeId\":\"c-1\",", "");
        assertParkedWithoutTryingTheEffect(payload);
        assertEquals(0, TestInboxListener.effectsTried(title));
    }

    private static void assertParkedWithoutTryingTheEffect(String malformed) throws Exception {
        TestEffects effects = app.getBean(TestEffects.class);
        String malformedId = UUID.randomUUID().toString();
        try (TopicRecorder dead = new TopicRecorder(bootstrap, Topics.deadLetter(TestInboxListener.GROUP),
                r -> malformedId.equals(TopicRecorder.header(r, CloudEventHeaders.ID)))) {
            send(malformedId, malformed);
            String next = "after-malformed-" + malformedId;
            send(UUID.randomUUID().toString(), payload(next));

            await().atMost(Duration.ofSeconds(60)).until(() -> effects.countByTitle(next) == 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> dead.all().size() == 1);
            assertEquals(malformed, dead.all().get(0).value());
            assertTrue(TopicRecorder.header(dead.all().get(0), DeadLetters.EXCEPTION).contains("MalformedEvent"));
        }
    }

    @Test
    void sameEventDeliveredTwiceHasOneEffect() throws Exception {
        TestEffects effects = app.getBean(TestEffects.class);
        String eventId = UUID.randomUUID().toString();
        String title = "twice-" + eventId;
        send(eventId, payload(title));
        send(eventId, payload(title));
        String marker = "marker-" + eventId;
        send(UUID.randomUUID().toString(), payload(marker));

        await().atMost(Duration.ofSeconds(60)).until(() -> effects.countByTitle(marker) == 1);
        assertEquals(1, effects.countByTitle(title));
    }

    @Test
    void poisonMessageGoesToTheDeadLetterTopicAndTheNextIsProcessed() throws Exception {
        TestEffects effects = app.getBean(TestEffects.class);
        String poisonId = UUID.randomUUID().toString();
        try (TopicRecorder dead = new TopicRecorder(bootstrap, Topics.deadLetter(TestInboxListener.GROUP),
                r -> poisonId.equals(TopicRecorder.header(r, CloudEventHeaders.ID)))) {
            send(poisonId, "{ this is not json");
            String next = "after-poison-" + poisonId;
            send(UUID.randomUUID().toString(), payload(next));

            await().atMost(Duration.ofSeconds(60)).until(() -> effects.countByTitle(next) == 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> dead.all().size() == 1);
            ConsumerRecord<String, String> parked = dead.all().get(0);
            assertEquals("{ this is not json", parked.value());
            assertEquals(TestInboxListener.TOPIC, TopicRecorder.header(parked, DeadLetters.ORIGINAL_TOPIC));
            assertEquals(ChallengePublished.TYPE, TopicRecorder.header(parked, CloudEventHeaders.TYPE));
        }
    }

    @Test
    void effectThatKeepsFailingIsRolledBackAndParkedAfterBoundedRetries() throws Exception {
        TestEffects effects = app.getBean(TestEffects.class);
        String failingId = UUID.randomUUID().toString();
        String failing = TestInboxListener.FAILING_TITLE + "-" + failingId;
        try (TopicRecorder dead = new TopicRecorder(bootstrap, Topics.deadLetter(TestInboxListener.GROUP),
                r -> failingId.equals(TopicRecorder.header(r, CloudEventHeaders.ID)))) {
            String failingPayload = payload(failing);
            send(failingId, failingPayload);
            String next = "after-failure-" + failingId;
            send(UUID.randomUUID().toString(), payload(next));

            await().atMost(Duration.ofSeconds(60)).until(() -> effects.countByTitle(next) == 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> dead.all().size() == 1);
            assertEquals(0, effects.countByTitle(failing), "the failed effect's writes were rolled back");
            assertEquals(failingPayload, dead.all().get(0).value(), "parked unchanged");
            assertEquals(InboxListener.ATTEMPTS, TestInboxListener.effectsTried(failing),
                    "parked on its first delivery, after the quick attempts: never redelivered");
        }
    }

    private static String payload(String title) {
        return app.getBean(EventJson.class).write(new ChallengePublished("c-1", title, "问题", "NEW_MATERIALS",
                new BigDecimal("1.00"), Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"),
                Instant.now(), "owner", "BEIJING", "OPEN_COMPETITION", 1,
                List.of(), List.of(), new ChallengePublished.Eligibility(List.of(), List.of(), 4, 1, false), "", List.of()));
    }

    private static double failedAttempts() {
        return app.getBean(MeterRegistry.class).get(ConsumerOutages.ATTEMPTS_METRIC)
                .tag("group", TestInboxListener.GROUP).counter().count();
    }

    private static double outageGauge() {
        return app.getBean(MeterRegistry.class).get(ConsumerOutages.OUTAGE_METRIC)
                .tag("group", TestInboxListener.GROUP).gauge().value();
    }

    private static HealthResult consumerHealth() {
        return Mono.from(app.getBean(ConsumerOutageIndicator.class).getResult()).block();
    }

    private static void send(String eventId, String value) throws Exception {
        send(TestInboxListener.TOPIC, eventId, value);
    }

    private static void send(String topic, String eventId, String value) throws Exception {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.ID, eventId.getBytes(UTF_8));
        headers.add(CloudEventHeaders.TYPE, ChallengePublished.TYPE.getBytes(UTF_8));
        headers.add(CloudEventHeaders.SOURCE, "urn:jiebang:test".getBytes(UTF_8));
        headers.add(CloudEventHeaders.TIME, Instant.now().toString().getBytes(UTF_8));
        headers.add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(UTF_8));
        producer.send(new ProducerRecord<>(topic, null, "c-1", value, headers)).get();
    }

}
