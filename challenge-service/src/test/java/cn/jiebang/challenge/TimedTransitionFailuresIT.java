package cn.jiebang.challenge;

import cn.jiebang.devstack.Devstack;
import cn.jiebang.devstack.TestDatabase;
import cn.jiebang.events.ChallengeBiddingClosed;
import cn.jiebang.testing.Sql;
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

/** A due row whose transition fails rolls back alone: the others in the same run go on (ADR 0009). */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimedTransitionFailuresIT implements TestPropertyProvider {

    private final TestDatabase db = Devstack.database("timed_transition_failures");

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(Devstack.serviceProperties(db));
        properties.putAll(Api.bootstrapAdmin());
        properties.put("jiebang.timed-transitions.interval", "50ms");
        properties.put("jiebang.timed-transitions.initial-delay", "0s");
        properties.put("jiebang.due-rows.backoff", "200ms");
        properties.put("jiebang.due-rows.max-backoff", "1s");
        return properties;
    }

    @AfterAll
    void dropDatabase() {
        Devstack.drop(db);
    }

    @Test
    void aChallengeThatCannotCloseHoldsBackNoOtherAndClosesOnceItCan() {
        Api api = new Api(http);
        String admin = api.adminToken();
        Api.Agency agency = api.newAgency(admin, "山西省科学技术厅");
        String requirement = api.approvedRequirement(admin, agency, "坏行");
        // installed first: the job may reach the challenge as soon as its window ends
        Sql.execute(db, "CREATE TRIGGER cannot_close BEFORE UPDATE ON challenge FOR EACH ROW BEGIN"
                + " IF OLD.title = '坏行 2' AND NEW.status = 'SCREENING' THEN"
                + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'this challenge cannot close'; END IF; END");
        Instant closes = Instant.now().plus(4, ChronoUnit.SECONDS);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = (String) api.post(admin, "/api/challenges", ChallengeBody.anOpenCompetition(
                    agency.organizationId(), requirement).with("title", "坏行 " + i)
                    .window(Instant.now().minus(1, ChronoUnit.DAYS), closes).build()).get("id");
            api.post(admin, "/api/challenges/" + id + "/publish", "");
            ids.add(id);
        }
        String poisoned = ids.get(2);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> Sql.count(db, "SELECT COUNT(*) FROM challenge"
                    + " WHERE status = 'SCREENING' AND title LIKE '坏行 %'") == 4);
            assertEquals("PUBLISHED", Sql.query(db, "SELECT status FROM challenge WHERE id = '" + poisoned + "'"));
            assertEquals(0, closedEvents(List.of(poisoned)), "its state and its event rolled back together");
        } finally {
            Sql.execute(db, "DROP TRIGGER IF EXISTS cannot_close");
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> "SCREENING".equals(
                Sql.query(db, "SELECT status FROM challenge WHERE id = '" + poisoned + "'")));
        assertEquals(5, closedEvents(ids), "one bidding-closed event per challenge");
    }

    private long closedEvents(List<String> ids) {
        return Sql.count(db, "SELECT COUNT(*) FROM outbox_message WHERE event_type = '" + ChallengeBiddingClosed.TYPE
                + "' AND message_key IN ('" + String.join("','", ids) + "')");
    }
}
