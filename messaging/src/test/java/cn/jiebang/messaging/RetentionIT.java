package cn.jiebang.messaging;

import cn.jiebang.devstack.Devstack;
import cn.jiebang.devstack.TestDatabase;
import cn.jiebang.devstack.TopicRecorder;
import cn.jiebang.events.ChallengePublished;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The outbox and the inbox lose what they no longer need, and only that. */
class RetentionIT {

    private static final int BATCH = 3;

    private static TestDatabase db;
    private static ApplicationContext app;

    @BeforeAll
    static void start() {
        db = Devstack.database("retention");
        app = TestContexts.start(db, Devstack.kafkaBootstrapServers(), Map.of(
                "inbox-test.enabled", true,
                "jiebang.outbox.relay.enabled", false,
                // the tests run the passes themselves
                "jiebang.retention.initial-delay", "1h",
                "jiebang.retention.batch-size", BATCH));
    }

    @AfterAll
    static void stop() {
        app.close();
        Devstack.drop(db);
    }

    @Test
    void removesOldPublishedOutboxRowsInBatchesAndKeepsUnpublishedAndYoungOnes() throws SQLException {
        List<String> old = new ArrayList<>();
        for (int i = 0; i < 2 * BATCH + 1; i++) {
            old.add(outboxRow(8, 8));
        }
        String young = outboxRow(8, 6);
        String unpublished = outboxRow(40, null);

        Retention.Pruned pruned = app.getBean(Retention.class).prune();

        assertEquals(old.size(), pruned.outboxRows());
        assertEquals(List.of(young, unpublished).stream().sorted().toList(),
                strings("SELECT event_id FROM outbox_message ORDER BY event_id"));
    }

    @Test
    void processedIdsOutliveTheBrokersRecordsSoARedeliveryAfterPruningHasNoSecondEffect() throws Exception {
        // older than the broker keeps a record (14 days), younger than the inbox keeps its id (30 days)
        String keptId = processedEvent(TestInboxListener.GROUP, 20);
        String prunedId = processedEvent(TestInboxListener.GROUP, 31);
        for (int i = 0; i < 2 * BATCH; i++) {
            processedEvent("another-consumer", 45);
        }

        Retention.Pruned pruned = app.getBean(Retention.class).prune();

        assertEquals(1 + 2 * BATCH, pruned.processedEvents());
        assertEquals(List.of(keptId), strings("SELECT event_id FROM processed_event WHERE event_id IN ('"
                + keptId + "', '" + prunedId + "')"));

        TestEffects effects = app.getBean(TestEffects.class);
        String title = "redelivered-after-pruning-" + keptId;
        send(keptId, title);
        String marker = "marker-" + keptId;
        send(UUID.randomUUID().toString(), marker);
        await().atMost(Duration.ofSeconds(60)).until(() -> effects.countByTitle(marker) == 1);
        assertEquals(0, effects.countByTitle(title), "the kept id recognised the redelivery");
    }

    /** An outbox row that occurred and was published (null: not yet) this many days ago; returns its event id. */
    private static String outboxRow(int occurredDaysAgo, Integer publishedDaysAgo) throws SQLException {
        String eventId = UUID.randomUUID().toString();
        update("INSERT INTO outbox_message (event_id, event_type, topic, message_key, payload, occurred_at, published_at)"
                + " VALUES (?, 'challenge.published.v1', 'challenge.events', 'c-1', '{}',"
                + " UTC_TIMESTAMP(6) - INTERVAL " + occurredDaysAgo + " DAY, "
                + (publishedDaysAgo == null ? "NULL" : "UTC_TIMESTAMP(6) - INTERVAL " + publishedDaysAgo + " DAY") + ")",
                eventId);
        return eventId;
    }

    private static String processedEvent(String consumer, int daysAgo) throws SQLException {
        String eventId = UUID.randomUUID().toString();
        update("INSERT INTO processed_event (consumer, event_id, event_type, processed_at)"
                + " VALUES ('" + consumer + "', ?, 'challenge.published.v1', UTC_TIMESTAMP(6) - INTERVAL " + daysAgo + " DAY)",
                eventId);
        return eventId;
    }

    private static void update(String sql, String eventId) throws SQLException {
        try (Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, eventId);
            statement.executeUpdate();
        }
    }

    private static List<String> strings(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password());
             ResultSet rows = connection.createStatement().executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private static void send(String eventId, String title) {
        String payload = new EventJson().write(new ChallengePublished("c-1", title, "问题", "NEW_MATERIALS",
                new BigDecimal("1.00"), Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"),
                Instant.now(), "owner", "BEIJING", "OPEN_COMPETITION", 1,
                List.of(), List.of(), new ChallengePublished.Eligibility(List.of(), List.of(), 4, 1, false), "", List.of()));
        TopicRecorder.send(Devstack.kafkaBootstrapServers(), TestInboxListener.TOPIC, "c-1", payload, Map.of(
                CloudEventHeaders.ID, eventId,
                CloudEventHeaders.TYPE, ChallengePublished.TYPE,
                CloudEventHeaders.SOURCE, "urn:jiebang:test",
                CloudEventHeaders.TIME, Instant.now().toString(),
                CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0));
    }
}
