package cn.jiebang.challenge;

import cn.jiebang.devstack.Devstack;
import cn.jiebang.devstack.TopicRecorder;
import cn.jiebang.events.ChallengeBiddingClosed;
import cn.jiebang.events.RoundClosed;
import cn.jiebang.events.RoundOpened;
import cn.jiebang.events.RoundRanked;
import cn.jiebang.events.ScreeningCompleted;
import cn.jiebang.events.ScreeningStarted;
import cn.jiebang.events.ScoringCompleted;
import cn.jiebang.events.Topics;
import cn.jiebang.messaging.CloudEventHeaders;
import cn.jiebang.testing.Events;
import cn.jiebang.testing.Sql;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two challenge-service instances on one database: each time-driven transition happens exactly once. */
class TimedTransitionsIT extends ChallengeServiceIT {

    private ApplicationContext secondInstance;

    private String admin;
    private Api.Agency agency;
    private String requirement;

    @Override
    protected Map<String, String> properties() {
        return Map.of("jiebang.timed-transitions.interval", "50ms",
                "jiebang.timed-transitions.initial-delay", "0s",
                "jiebang.due-rows.backoff", "200ms",
                "jiebang.due-rows.max-backoff", "1s");
    }

    private void start() {
        if (secondInstance != null) {
            return;
        }
        Map<String, Object> second = new HashMap<>(getProperties());
        second.put("micronaut.server.port", -1);
        secondInstance = ApplicationContext.run(second);
        admin = api.adminToken();
        agency = api.newAgency(admin, "河北省科学技术厅");
        requirement = api.approvedRequirement(admin, agency, "定时");
    }

    @AfterAll
    void stop() {
        if (secondInstance != null) {
            secondInstance.close();
        }
    }

    private List<String> publishClosingAt(String run, Instant closes, int count, Instant firstRoundOpens) {
        return publish(run, count, () -> ChallengeBody.anOpenCompetition(agency.organizationId(), requirement)
                .window(Instant.now().minus(1, ChronoUnit.DAYS), closes)
                .round(0, "opensAt", firstRoundOpens.toString()).round(0, "publicityDays", 0));
    }

    private List<String> publish(String run, int count, Supplier<ChallengeBody> definition) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = (String) api.post(admin, "/api/challenges", definition.get().with("title", run + " " + i).build())
                    .get("id");
            api.post(admin, "/api/challenges/" + id + "/publish", "");
            ids.add(id);
        }
        return ids;
    }

    /** Two new judges, named the panel of the given rounds of every challenge. */
    private List<String> namePanels(List<String> ids, int... rounds) {
        List<String> panel = List.of(api.newJudge(admin), api.newJudge(admin));
        for (String id : ids) {
            for (int round : rounds) {
                api.put(admin, "/api/challenges/" + id + "/rounds/" + round + "/panel", Map.of("judgeIds", panel));
            }
        }
        return panel;
    }

    private long inRun(String run, String condition) {
        return Sql.count(db, "SELECT COUNT(*) FROM challenge_round r JOIN challenge c ON c.id = r.challenge_id WHERE "
                + condition + " AND c.title LIKE '" + run + "%'");
    }

    @Test
    void twoInstancesCloseEachChallengeOnceWhenItsWindowEnds() {
        start();
        String run = "截止 " + UUID.randomUUID().toString().substring(0, 8);
        Instant closes = Instant.now().plus(4, ChronoUnit.SECONDS);
        List<String> ids = publishClosingAt(run, closes, 12, closes.plus(1, ChronoUnit.DAYS));
        try (TopicRecorder events = new TopicRecorder(Devstack.kafkaBootstrapServers(), Topics.CHALLENGE_EVENTS,
                r -> ids.contains(r.key()) && ChallengeBiddingClosed.TYPE.equals(TopicRecorder.header(r, CloudEventHeaders.TYPE)))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> Sql.count(db,
                    "SELECT COUNT(*) FROM challenge WHERE status = 'SCREENING' AND title LIKE '" + run + "%'") == 12);
            await().atMost(Duration.ofSeconds(60)).until(() -> events.all().size() >= 12);
            // give a late duplicate the chance to show up before counting
            await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
            assertEquals(12, events.all().size(), "one bidding-closed event per challenge");
            assertEquals(12, events.all().stream().map(r -> r.key()).distinct().count());
            assertEquals(12, Sql.count(db, "SELECT COUNT(*) FROM outbox_message WHERE event_type = '"
                    + ChallengeBiddingClosed.TYPE + "' AND message_key IN ('" + String.join("','", ids) + "')"));
            assertEquals(409, api.status(HttpRequest.POST("/api/challenges/" + ids.get(0) + "/amendments",
                    Map.of("kind", "CLARIFICATION", "text", "too late")), admin), "a closed challenge is no longer amended");
            api.post(admin, "/api/challenges/" + ids.get(1) + "/cancel", Map.of("reason", "评审前撤榜"));
            assertEquals(1, Sql.count(db, "SELECT COUNT(*) FROM outbox_message WHERE event_type = 'challenge.cancelled.v1'"
                    + " AND message_key = '" + ids.get(1) + "'"), "bidders of a closed challenge hear of its cancellation");
        }
    }

    @Test
    void twoInstancesOpenEachFirstRoundOnceAtItsScheduledStartAfterScreening() {
        start();
        String run = "开轮 " + UUID.randomUUID().toString().substring(0, 8);
        Instant closes = Instant.now().plus(3, ChronoUnit.SECONDS);
        List<String> ids = publishClosingAt(run, closes, 6, closes.plus(2, ChronoUnit.SECONDS));
        List<String> panel = namePanels(ids, 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> Sql.count(db,
                "SELECT COUNT(*) FROM challenge WHERE status = 'SCREENING' AND title LIKE '" + run + "%'") == 6);
        try (TopicRecorder events = new TopicRecorder(Devstack.kafkaBootstrapServers(), Topics.CHALLENGE_EVENTS,
                r -> ids.contains(r.key()) && RoundOpened.TYPE.equals(TopicRecorder.header(r, CloudEventHeaders.TYPE)))) {
            for (String id : ids) {
                Events.deliver(new ScreeningStarted(id, "t", "o", 3, Instant.now()));
                Events.deliver(new ScreeningCompleted(id, 2, 1, Instant.now()));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> Sql.count(db,
                    "SELECT COUNT(*) FROM challenge WHERE status = 'IN_EVALUATION' AND title LIKE '" + run + "%'") == 6);
            await().atMost(Duration.ofSeconds(60)).until(() -> events.all().size() >= 6);
            await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
            assertEquals(6, events.all().size(), "one round.opened event per challenge");
            assertEquals(6, events.all().stream().map(r -> r.key()).distinct().count());
            assertEquals(6, Sql.count(db, "SELECT COUNT(*) FROM challenge_round r JOIN challenge c ON c.id = r.challenge_id"
                    + " WHERE r.round_index = 1 AND r.status = 'OPEN' AND c.title LIKE '" + run + "%'"));
            assertEquals(true, events.all().get(0).value().contains(panel.get(0)), "the event carries the panel");
        }
    }

    @Test
    void twoInstancesFinalizeEachRoundOnceAndAwardOnce() {
        start();
        List<String> panel = List.of(api.newJudge(admin), api.newJudge(admin));
        String run = "终审 " + UUID.randomUUID().toString().substring(0, 8);
        Instant closes = Instant.now().plus(3, ChronoUnit.SECONDS);
        List<String> ids = publishClosingAt(run, closes, 4, closes.plus(1, ChronoUnit.DAYS));
        await().atMost(Duration.ofSeconds(60)).until(() -> Sql.count(db,
                "SELECT COUNT(*) FROM challenge WHERE status = 'SCREENING' AND title LIKE '" + run + "%'") == 4);
        for (String id : ids) {
            api.put(admin, "/api/challenges/" + id + "/rounds/1/panel", Map.of("judgeIds", panel));
            Events.deliver(new ScreeningStarted(id, "t", "o", 1, Instant.now()));
            Events.deliver(new ScreeningCompleted(id, 1, 0, Instant.now()));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> Sql.count(db, "SELECT COUNT(*) FROM challenge WHERE"
                + " screening_completed_at IS NOT NULL AND title LIKE '" + run + "%'") == 4);
        for (String id : ids) {
            api.post(admin, "/api/challenges/" + id + "/rounds/1/open", "");
            api.post(admin, "/api/challenges/" + id + "/rounds/1/close", Map.of("force", true));
            Events.deliver(new RoundRanked(id, 1, List.of(new RoundRanked.Entry(UUID.randomUUID().toString(),
                    agency.organizationId(), agency.userId(), new java.math.BigDecimal("80.0000"), 1, "WINNER", 2, false)),
                    Instant.now()));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> Sql.count(db,
                "SELECT COUNT(*) FROM challenge WHERE status = 'AWARDED' AND title LIKE '" + run + "%'") == 4);
        await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
        String keys = "('" + String.join("','", ids) + "')";
        assertEquals(4, Sql.count(db, "SELECT COUNT(*) FROM outbox_message WHERE event_type = 'round.finalized.v1'"
                + " AND message_key IN " + keys), "each round finalized once");
        assertEquals(4, Sql.count(db, "SELECT COUNT(*) FROM outbox_message WHERE event_type = 'challenge.awarded.v1'"
                + " AND message_key IN " + keys));
        assertEquals(4, Sql.count(db, "SELECT COUNT(*) FROM funding_grant WHERE challenge_id IN " + keys),
                "one tranche per winner, never twice");
    }

    @Test
    void twoInstancesCloseEachCompleteRoundOnceAndOpenTheNextRoundOnce() {
        start();
        String run = "轮转 " + UUID.randomUUID().toString().substring(0, 8);
        Instant closes = Instant.now().plus(5, ChronoUnit.SECONDS);
        // every step by the clock: round 1 opens, closes once scored, is final at once (no 公示 days), round 2 opens
        List<String> ids = publish(run, 6, () -> ChallengeBody.aHorseRace(agency.organizationId(), requirement)
                .withoutRoundsAfter(2).window(Instant.now().minus(1, ChronoUnit.DAYS), closes)
                .round(0, "opensAt", closes.plus(2, ChronoUnit.SECONDS).toString())
                .round(0, "closesAt", closes.plus(5, ChronoUnit.SECONDS).toString()).round(0, "publicityDays", 0)
                .round(1, "advancement", Map.of("rule", "TOP_N", "value", 1))
                .round(1, "opensAt", closes.plus(7, ChronoUnit.SECONDS).toString())
                .round(1, "closesAt", closes.plus(1, ChronoUnit.DAYS).toString()));
        namePanels(ids, 1, 2);
        await().atMost(Duration.ofSeconds(60)).until(() -> Sql.count(db,
                "SELECT COUNT(*) FROM challenge WHERE status = 'SCREENING' AND title LIKE '" + run + "%'") == 6);
        Map<String, String> advancing = new HashMap<>();
        try (TopicRecorder events = new TopicRecorder(Devstack.kafkaBootstrapServers(), Topics.CHALLENGE_EVENTS,
                r -> ids.contains(r.key()) && List.of(RoundClosed.TYPE, RoundOpened.TYPE)
                        .contains(TopicRecorder.header(r, CloudEventHeaders.TYPE)))) {
            for (String id : ids) {
                Events.deliver(new ScreeningStarted(id, "t", "o", 1, Instant.now()));
                Events.deliver(new ScreeningCompleted(id, 1, 0, Instant.now()));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> inRun(run, "r.round_index = 1 AND r.status = 'OPEN'") == 6);
            ids.forEach(id -> Events.deliver(new ScoringCompleted(id, 1, Instant.now())));
            await().atMost(Duration.ofSeconds(60)).until(() -> inRun(run, "r.round_index = 1 AND r.status = 'CLOSED'") == 6);
            for (String id : ids) {
                advancing.put(id, UUID.randomUUID().toString());
                Events.deliver(new RoundRanked(id, 1, List.of(new RoundRanked.Entry(advancing.get(id),
                        agency.organizationId(), agency.userId(), new java.math.BigDecimal("80.0000"), 1, "ADVANCED", 2,
                        false)), Instant.now()));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> inRun(run, "r.round_index = 2 AND r.status = 'OPEN'") == 6);
            await().atMost(Duration.ofSeconds(60)).until(() -> events.all().size() >= 18);
            // give a late duplicate the chance to show up before counting
            await().pollDelay(Duration.ofSeconds(2)).until(() -> true);

            String keys = "('" + String.join("','", ids) + "')";
            assertEquals(6, Sql.count(db, "SELECT COUNT(*) FROM outbox_message WHERE event_type = '" + RoundClosed.TYPE
                    + "' AND message_key IN " + keys), "each round 1 closed once");
            assertEquals(6, inRun(run, "r.round_index = 1 AND r.closed_at IS NOT NULL AND NOT r.forced"),
                    "closed by the clock, complete");
            assertEquals(12, Sql.count(db, "SELECT COUNT(*) FROM outbox_message WHERE event_type = '" + RoundOpened.TYPE
                    + "' AND message_key IN " + keys), "round 1, then round 2, each opened once");
            for (String id : ids) {
                List<String> published = events.all().stream().filter(r -> r.key().equals(id))
                        .map(r -> TopicRecorder.header(r, CloudEventHeaders.TYPE)).sorted().toList();
                assertEquals(List.of(RoundClosed.TYPE, RoundOpened.TYPE, RoundOpened.TYPE), published, id);
                String second = Sql.query(db, "SELECT payload FROM outbox_message WHERE event_type = '" + RoundOpened.TYPE
                        + "' AND message_key = '" + id + "' ORDER BY id DESC LIMIT 1");
                assertTrue(second.contains("\"roundIndex\":2") && second.contains(advancing.get(id)),
                        "round 2 opens with the team that went on: " + second);
            }
        }
    }

    @Test
    void aChallengeThatCannotCloseHoldsBackNoOtherAndClosesOnceItCan() {
        start();
        // installed first: an instance may reach the challenge as soon as its window ends
        Sql.execute(db, "CREATE TRIGGER cannot_close BEFORE UPDATE ON challenge FOR EACH ROW BEGIN"
                + " IF OLD.title LIKE '坏行 % 2' AND NEW.status = 'SCREENING' THEN"
                + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'this challenge cannot close'; END IF; END");
        String run = "坏行 " + UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = publishClosingAt(run, Instant.now().plus(4, ChronoUnit.SECONDS), 5,
                Instant.now().plus(1, ChronoUnit.DAYS));
        String poisoned = ids.get(2);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> Sql.count(db, "SELECT COUNT(*) FROM challenge"
                    + " WHERE status = 'SCREENING' AND title LIKE '" + run + "%'") == 4);
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
