package cn.jiebang.messaging;

import cn.jiebang.devstack.Devstack;
import cn.jiebang.devstack.TestDatabase;
import cn.jiebang.devstack.TopicRecorder;
import cn.jiebang.events.ChallengePublished;
import cn.jiebang.events.Topics;
import io.micronaut.context.ApplicationContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

class InboxIT {

    private static TestDatabase db;
    private static ApplicationContext app;
    private static KafkaProducer<String, String> producer;
    private static String bootstrap;

    @BeforeAll
    static void start() {
        bootstrap = Devstack.kafkaBootstrapServers();
        db = Devstack.database("inbox");
        app = TestContexts.start(db, bootstrap, Map.of("inbox-test.enabled", true, "jiebang.outbox.relay.enabled", false));
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    static void stop() {
        producer.close();
        app.close();
        Devstack.drop(db);
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
        }
    }

    private static String payload(String title) {
        return app.getBean(EventJson.class).write(new ChallengePublished("c-1", title, "问题", "NEW_MATERIALS",
                new BigDecimal("1.00"), Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"),
                Instant.now(), "owner", "BEIJING", "OPEN_COMPETITION", 1,
                List.of(), List.of(), new ChallengePublished.Eligibility(List.of(), List.of(), 4, 1, false), "", List.of()));
    }

    private static void send(String eventId, String value) throws Exception {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.ID, eventId.getBytes(UTF_8));
        headers.add(CloudEventHeaders.TYPE, ChallengePublished.TYPE.getBytes(UTF_8));
        headers.add(CloudEventHeaders.SOURCE, "urn:jiebang:test".getBytes(UTF_8));
        headers.add(CloudEventHeaders.TIME, Instant.now().toString().getBytes(UTF_8));
        headers.add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(UTF_8));
        producer.send(new ProducerRecord<>(TestInboxListener.TOPIC, null, "c-1", value, headers)).get();
    }

}
