package cn.jiebang.challenge;

import cn.jiebang.devstack.Devstack;
import cn.jiebang.devstack.TestDatabase;
import cn.jiebang.devstack.TopicRecorder;
import cn.jiebang.events.ChallengeBiddingClosed;
import cn.jiebang.events.Topics;
import cn.jiebang.messaging.CloudEventHeaders;
import cn.jiebang.testing.Sql;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Two challenge-service instances on one database close each challenge's bidding exactly once. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BiddingCloseIT implements TestPropertyProvider {

    private final TestDatabase db = Devstack.database("bidding_close");
    private ApplicationContext secondInstance;

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(Devstack.serviceProperties(db));
        properties.putAll(Api.bootstrapAdmin());
        properties.put("jiebang.bidding-closer.interval", "50ms");
        properties.put("jiebang.bidding-closer.initial-delay", "0s");
        return properties;
    }

    @AfterAll
    void stop() {
        if (secondInstance != null) {
            secondInstance.close();
        }
        Devstack.drop(db);
    }

    @Test
    void twoInstancesCloseEachChallengeOnceWhenItsWindowEnds() {
        Map<String, Object> second = new HashMap<>(getProperties());
        second.put("micronaut.server.port", -1);
        secondInstance = ApplicationContext.run(second);

        Api api = new Api(http);
        String admin = api.adminToken();
        String run = UUID.randomUUID().toString().substring(0, 8);
        Instant closes = Instant.now().plus(4, ChronoUnit.SECONDS);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String id = (String) api.post(admin, "/api/challenges", Map.of("title", "截止 " + run + " " + i,
                    "problemStatement", "问题", "technologyField", "OTHER", "totalBudget", "1.00",
                    "bidOpensAt", Instant.now().minus(1, ChronoUnit.DAYS).toString(),
                    "bidClosesAt", closes.toString())).get("id");
            api.post(admin, "/api/challenges/" + id + "/publish", "");
            ids.add(id);
        }
        try (TopicRecorder events = new TopicRecorder(Devstack.kafkaBootstrapServers(), Topics.CHALLENGE_EVENTS,
                r -> ids.contains(r.key()) && ChallengeBiddingClosed.TYPE.equals(TopicRecorder.header(r, CloudEventHeaders.TYPE)))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> Sql.count(db,
                    "SELECT COUNT(*) FROM challenge WHERE status = 'SCREENING' AND title LIKE '截止 " + run + "%'") == 12);
            await().atMost(Duration.ofSeconds(60)).until(() -> events.all().size() >= 12);
            // give a late duplicate the chance to show up before counting
            await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
            assertEquals(12, events.all().size(), "one bidding-closed event per challenge");
            assertEquals(12, events.all().stream().map(r -> r.key()).distinct().count());
            assertEquals(12, Sql.count(db, "SELECT COUNT(*) FROM outbox_message WHERE event_type = '"
                    + ChallengeBiddingClosed.TYPE + "'"));
            assertEquals(409, api.status(HttpRequest.POST("/api/challenges/" + ids.get(0) + "/amendments",
                    Map.of("kind", "CLARIFICATION", "text", "too late")), admin), "a closed challenge is no longer amended");
            api.post(admin, "/api/challenges/" + ids.get(1) + "/cancel", Map.of("reason", "评审前撤榜"));
            assertEquals(1, Sql.count(db, "SELECT COUNT(*) FROM outbox_message WHERE event_type = 'challenge.cancelled.v1'"
                    + " AND message_key = '" + ids.get(1) + "'"), "bidders of a closed challenge hear of its cancellation");
        }
    }
}
