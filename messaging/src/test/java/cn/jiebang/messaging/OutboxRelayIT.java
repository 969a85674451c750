package cn.jiebang.messaging;

import cn.jiebang.devstack.Devstack;
import cn.jiebang.devstack.EmbeddedKafka;
import cn.jiebang.devstack.TestDatabase;
import cn.jiebang.devstack.TopicRecorder;
import cn.jiebang.events.ChallengePublished;
import cn.jiebang.events.Topics;
import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutboxRelayIT {

    private final TestDatabase db = Devstack.database("outbox");
    private final List<ApplicationContext> contexts = new ArrayList<>();

    @AfterEach
    void tearDown() {
        contexts.forEach(ApplicationContext::close);
        Devstack.drop(db);
    }

    @Test
    void twoRelaysPublishEveryRowOnceAndInOrderPerAggregate() throws Exception {
        String bootstrap = Devstack.kafkaBootstrapServers();
        String run = UUID.randomUUID().toString();
        int keys = 8;
        int perKey = 40;
        try (TopicRecorder records = new TopicRecorder(bootstrap, Topics.CHALLENGE_EVENTS, r -> r.key().startsWith(run))) {
            // small batches so the two relays interleave on the same keys
            ApplicationContext a = start(bootstrap, Map.of("jiebang.outbox.batch-size", 7));
            ApplicationContext b = start(bootstrap, Map.of("jiebang.outbox.batch-size", 5));

            ExecutorService writers = Executors.newFixedThreadPool(4);
            List<Future<?>> done = new ArrayList<>();
            for (int k = 0; k < keys; k++) {
                String key = run + "-" + k;
                ApplicationContext writer = k % 2 == 0 ? a : b;
                done.add(writers.submit(() -> IntStream.range(0, perKey).forEach(seq -> addInOwnTransaction(writer, key, seq))));
            }
            for (Future<?> f : done) {
                f.get();
            }
            writers.shutdown();

            await().atMost(Duration.ofSeconds(60)).until(() -> distinctIds(records.all()).size() == keys * perKey);

            List<ConsumerRecord<String, String>> all = records.all();
            assertEquals(keys * perKey, all.size(), "a row was published twice");
            Map<String, List<Integer>> sequences = new LinkedHashMap<>();
            for (ConsumerRecord<String, String> r : all) {
                ChallengePublished event = a.getBean(EventJson.class).read(r.value(), ChallengePublished.class);
                sequences.computeIfAbsent(r.key(), x -> new ArrayList<>()).add(Integer.parseInt(event.title()));
                assertEquals(ChallengePublished.TYPE, TopicRecorder.header(r, CloudEventHeaders.TYPE));
                assertEquals("1.0", TopicRecorder.header(r, CloudEventHeaders.SPEC_VERSION));
                assertEquals("urn:jiebang:messaging-test", TopicRecorder.header(r, CloudEventHeaders.SOURCE));
                Instant.parse(TopicRecorder.header(r, CloudEventHeaders.TIME));
            }
            List<Integer> expected = IntStream.range(0, perKey).boxed().toList();
            assertEquals(keys, sequences.size());
            sequences.forEach((key, seqs) -> assertEquals(expected, seqs, "order of " + key));
            assertEquals(0, a.getBean(OutboxMessages.class).countUnpublished());
        }
    }

    @Test
    void brokerDownDelaysTheEventButDoesNotLoseIt() throws Exception {
        try (EmbeddedKafka kafka = new EmbeddedKafka().start();
             TopicRecorder records = new TopicRecorder(kafka.bootstrapServers(), Topics.CHALLENGE_EVENTS, r -> true)) {
            ApplicationContext app = start(kafka.bootstrapServers(), Map.of());
            OutboxMessages outbox = app.getBean(OutboxMessages.class);

            addInOwnTransaction(app, "before-outage", 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> records.all().size() == 1);

            kafka.stop();
            addInOwnTransaction(app, "during-outage", 2);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> outbox.countUnpublished() == 1);

            kafka.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> records.all().stream()
                    .anyMatch(r -> r.key().equals("during-outage")));
            await().atMost(Duration.ofSeconds(10)).until(() -> outbox.countUnpublished() == 0);
        }
    }

    private ApplicationContext start(String bootstrap, Map<String, Object> extra) {
        ApplicationContext context = TestContexts.start(db, bootstrap, extra);
        contexts.add(context);
        return context;
    }

    private static void addInOwnTransaction(ApplicationContext context, String key, int seq) {
        Outbox outbox = context.getBean(Outbox.class);
        TransactionOperations<?> tx = context.getBean(TransactionOperations.class);
        tx.executeWrite(status -> outbox.add(new ChallengePublished(
                key, Integer.toString(seq), "问题", "NEW_MATERIALS", new BigDecimal("100.00"),
                Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"), Instant.now(), "owner", "BEIJING",
                "OPEN_COMPETITION", 1, List.of(), List.of(), new ChallengePublished.Eligibility(List.of(), List.of(), 4, 1, false), "", List.of())));
    }

    private static Set<String> distinctIds(List<ConsumerRecord<String, String>> records) {
        Set<String> ids = new HashSet<>();
        records.forEach(r -> ids.add(TopicRecorder.header(r, CloudEventHeaders.ID)));
        assertTrue(ids.size() <= records.size());
        return ids;
    }
}
