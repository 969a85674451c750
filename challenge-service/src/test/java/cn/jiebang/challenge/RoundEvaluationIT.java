package cn.jiebang.challenge;

import cn.jiebang.events.RoundRanked;
import cn.jiebang.events.ScoringCompleted;
import cn.jiebang.events.ScreeningCompleted;
import cn.jiebang.events.ScreeningStarted;
import cn.jiebang.testing.ControlledClock;
import cn.jiebang.testing.Events;
import cn.jiebang.testing.Sql;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The horse race in challenge-service, bid-service's facts delivered as its events: closing rounds only with
 * complete scores, 公示 of the ranking, an upheld and a dismissed objection, finalization with tranches, the
 * next rounds with the teams that went on, and the award; 流榜 when nobody goes on.
 */
class RoundEvaluationIT extends ChallengeServiceIT {

    @Inject
    ControlledClock clock;

    private String admin;
    private Api.Agency agency;
    private final List<Api.Agency> teams = new ArrayList<>();
    private List<String> judges;

    @Override
    protected Map<String, String> properties() {
        return Map.of("jiebang.timed-transitions.interval", "100ms",
                "jiebang.test.controlled-clock", "true");
    }

    @AfterEach
    void realTime() {
        clock.release();
    }

    private void signIn() {
        if (admin != null) {
            return;
        }
        admin = api.adminToken();
        agency = api.newAgency(admin, "北京市科学技术委员会");
        for (int i = 0; i < 6; i++) {
            teams.add(api.newTeam(admin, "团队 " + i));
        }
        judges = List.of(api.newJudge(admin), api.newJudge(admin));
    }

    /** A three-round horse race (caps 4, 2, 1; 100,000 per team per round) in evaluation, round 1 open. */
    private String raceInRoundOne(int publicityDays) {
        signIn();
        String requirement = api.approvedRequirement(admin, agency, "赛马 " + UUID.randomUUID());
        Instant closes = Instant.now().plus(2, ChronoUnit.SECONDS);
        String id = (String) api.post(admin, "/api/challenges", ChallengeBody.aHorseRace(agency.organizationId(), requirement)
                .window(Instant.now().minus(1, ChronoUnit.DAYS), closes).round(0, "publicityDays", publicityDays)
                .round(0, "advancement", Map.of("rule", "TOP_N", "value", 4))
                .round(1, "advancement", Map.of("rule", "TOP_N", "value", 2))
                .round(1, "publicityDays", 0).round(2, "publicityDays", 0).build()).get("id");
        api.post(admin, "/api/challenges/" + id + "/publish", "");
        for (int r = 1; r <= 3; r++) {
            api.put(admin, "/api/challenges/" + id + "/rounds/" + r + "/panel", Map.of("judgeIds", judges));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "SCREENING".equals(status(id)));
        Events.deliver(new ScreeningStarted(id, "赛马", agency.organizationId(), 6, Instant.now()));
        Events.deliver(new ScreeningCompleted(id, 6, 0, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> Sql.count(db,
                "SELECT COUNT(*) FROM challenge WHERE id = '" + id + "' AND screening_completed_at IS NOT NULL") == 1);
        api.post(admin, "/api/challenges/" + id + "/rounds/1/open", "");
        return id;
    }

    private String status(String id) {
        return (String) api.get(admin, "/api/challenges/" + id).get("status");
    }

    private String roundStatus(String id, int round) {
        return Sql.query(db, "SELECT status FROM challenge_round WHERE challenge_id = '" + id + "' AND round_index = " + round);
    }

    /** bid-service's ranking of the given teams (by index), best first; the first {@code goingOn} go on. */
    private void ranked(String id, int round, List<Integer> teamOrder, int goingOn, String decision) {
        List<RoundRanked.Entry> entries = new ArrayList<>();
        for (int rank = 1; rank <= teamOrder.size(); rank++) {
            Api.Agency team = teams.get(teamOrder.get(rank - 1));
            entries.add(new RoundRanked.Entry(bidOf(team), team.organizationId(), team.userId(),
                    BigDecimal.valueOf(100 - 5L * rank).setScale(4), rank, rank <= goingOn ? decision : "ELIMINATED", 2, false));
        }
        Events.deliver(new RoundRanked(id, round, entries, Instant.now()));
        // with no 公示 days the round is final right after its announcement
        await().atMost(Duration.ofSeconds(30)).until(() -> Sql.count(db, "SELECT COUNT(*) FROM challenge_round WHERE"
                + " challenge_id = '" + id + "' AND round_index = " + round + " AND announced_at IS NOT NULL") == 1);
    }

    private static String bidOf(Api.Agency team) {
        return UUID.nameUUIDFromBytes(team.organizationId().getBytes()).toString();
    }

    private void closeWithScores(String id, int round) {
        Events.deliver(new ScoringCompleted(id, round, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> Sql.count(db, "SELECT COUNT(*) FROM challenge_round WHERE"
                + " challenge_id = '" + id + "' AND round_index = " + round + " AND scores_completed_at IS NOT NULL") == 1);
        api.post(admin, "/api/challenges/" + id + "/rounds/" + round + "/close", Map.of("force", false));
    }

    private String problem(io.micronaut.http.MutableHttpRequest<?> request, String token, int status) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(Api.auth(request, token)));
        assertEquals(status, e.code(), e.getResponse().getBody(String.class).orElse(""));
        String type = (String) e.getResponse().getBody(Api.JSON).orElseThrow().get("type");
        return type.substring(type.lastIndexOf('/') + 1);
    }

    private long events(String id, String type) {
        return Sql.count(db, "SELECT COUNT(*) FROM outbox_message WHERE message_key = '" + id + "' AND event_type = '"
                + type + "'");
    }

    @Test
    void threeRoundsWithAnUpheldObjectionTranchesAndTheAward() {
        String id = raceInRoundOne(1);
        String close = "/api/challenges/" + id + "/rounds/1/close";
        assertEquals("scores-incomplete", problem(HttpRequest.POST(close, Map.of("force", false)), admin, 409));
        assertEquals("results-not-announced", problem(HttpRequest.GET("/api/challenges/" + id + "/rounds/1/results"),
                null, 409), "sealed until announced");
        closeWithScores(id, 1);
        assertEquals(1, events(id, "round.closed.v1"));

        ranked(id, 1, List.of(0, 1, 2, 3, 4, 5), 4, "ADVANCED");
        Map<String, Object> results = api.get(null, "/api/challenges/" + id + "/rounds/1/results");
        assertEquals(6, ((List<?>) results.get("results")).size(), "public once announced");

        // team 4 (ranked 5th) objects and is upheld: it goes on instead of team 3; team 5's objection is dismissed
        String objection = (String) api.post(teams.get(4).token(), "/api/challenges/" + id + "/rounds/1/objections",
                Map.of("reasons", "第三位专家的评分录入有误")).get("id");
        assertEquals("objection-exists", problem(HttpRequest.POST("/api/challenges/" + id + "/rounds/1/objections",
                Map.of("reasons", "再次")), teams.get(4).token(), 409));
        String dismissed = (String) api.post(teams.get(5).token(), "/api/challenges/" + id + "/rounds/1/objections",
                Map.of("reasons", "不服")).get("id");
        assertEquals(2, http.toBlocking().retrieve(HttpRequest.GET("/api/challenges/" + id + "/rounds/1/objections")
                .bearerAuth(admin), io.micronaut.core.type.Argument.listOf(Map.class)).size());
        assertEquals("challenge-not-found", problem(HttpRequest.GET("/api/challenges/" + UUID.randomUUID()
                + "/rounds/1/objections"), admin, 404), "the objections of an unknown challenge are not an empty list");
        assertEquals("round-not-found", problem(HttpRequest.GET("/api/challenges/" + id + "/rounds/9/objections"),
                admin, 404));
        assertEquals("invalid-correction", problem(HttpRequest.POST("/api/objections/" + objection + "/uphold",
                Map.of("resolution", "更正", "corrections", Map.of(bidOf(teams.get(4)), "ADVANCED"))), admin, 422),
                "five would go on where four may");
        api.post(admin, "/api/objections/" + objection + "/uphold", Map.of("resolution", "复核后更正",
                "corrections", Map.of(bidOf(teams.get(4)), "ADVANCED", bidOf(teams.get(3)), "ELIMINATED")));
        api.post(admin, "/api/objections/" + dismissed + "/dismiss", Map.of("resolution", "评分无误"));
        assertEquals(2, events(id, "round.announced.v1"), "announced, then announced again corrected");
        assertEquals(2, events(id, "objection.resolved.v1"));

        // after 公示 (a day), with no objection open, the round is final and the four going on get their tranche
        clock.set(Instant.now().plus(2, ChronoUnit.DAYS));
        await().atMost(Duration.ofSeconds(30)).until(() -> "FINALIZED".equals(roundStatus(id, 1)));
        assertEquals(4, Sql.count(db, "SELECT COUNT(*) FROM funding_grant WHERE challenge_id = '" + id
                + "' AND round_index = 1 AND amount = 100000.00"));
        assertEquals(1, Sql.count(db, "SELECT COUNT(*) FROM funding_grant WHERE challenge_id = '" + id + "' AND bid_id = '"
                + bidOf(teams.get(4)) + "'"), "the corrected result is the one funded");
        assertEquals("publicity-over", problem(HttpRequest.POST("/api/challenges/" + id + "/rounds/1/objections",
                Map.of("reasons", "迟到")), teams.get(0).token(), 409));

        List<?> grants = http.toBlocking().retrieve(HttpRequest.GET("/api/challenges/" + id + "/funding")
                .bearerAuth(agency.token()), io.micronaut.core.type.Argument.listOf(Map.class));
        String grantId = (String) ((Map<?, ?>) grants.get(0)).get("id");
        api.post(admin, "/api/challenges/" + id + "/funding/" + grantId + "/releases", Map.of("amount", "60000.00"));
        assertEquals("release-above-grant", problem(HttpRequest.POST("/api/challenges/" + id + "/funding/" + grantId
                + "/releases", Map.of("amount", "40000.01")), admin, 422));

        // round 2 with the four that went on; then round 3 names the winner
        api.post(admin, "/api/challenges/" + id + "/rounds/2/open", "");
        String opened = Sql.query(db, "SELECT payload FROM outbox_message WHERE message_key = '" + id
                + "' AND event_type = 'round.opened.v1' ORDER BY id DESC LIMIT 1");
        assertTrue(opened.contains(bidOf(teams.get(4))) && !opened.contains(bidOf(teams.get(3))), opened);
        closeWithScores(id, 2);
        ranked(id, 2, List.of(4, 0, 1, 2), 2, "ADVANCED");
        await().atMost(Duration.ofSeconds(30)).until(() -> "FINALIZED".equals(roundStatus(id, 2)));
        api.post(admin, "/api/challenges/" + id + "/rounds/3/open", "");
        closeWithScores(id, 3);
        ranked(id, 3, List.of(0, 4), 1, "WINNER");
        await().atMost(Duration.ofSeconds(30)).until(() -> "AWARDED".equals(status(id)));
        assertEquals(1, events(id, "challenge.awarded.v1"));
        String timeline = api.get(null, "/api/challenges/" + id).get("timeline").toString();
        for (String fact : List.of("ROUND_CLOSED", "RESULTS_ANNOUNCED", "ROUND_FINALIZED", "AWARDED")) {
            assertTrue(timeline.contains("event=" + fact), fact + " in " + timeline);
        }
        assertTrue(Sql.query(db, "SELECT payload FROM outbox_message WHERE message_key = '" + id
                + "' AND event_type = 'challenge.awarded.v1'").contains(teams.get(0).organizationId()));
        assertEquals(4 + 2 + 1, Sql.count(db, "SELECT COUNT(*) FROM funding_grant WHERE challenge_id = '" + id + "'"));
        assertTrue(new BigDecimal(Sql.query(db, "SELECT SUM(amount) FROM funding_grant WHERE challenge_id = '" + id + "'"))
                .compareTo(new BigDecimal("30000000.00")) <= 0, "never above the budget");
    }

    @Test
    void aForcedCloseRanksWithScoresMissingAndNobodyGoingOnIsFailure() {
        String id = raceInRoundOne(0);
        Map<String, Object> closed = api.post(admin, "/api/challenges/" + id + "/rounds/1/close", Map.of("force", true));
        assertEquals(true, closed.get("forced"));
        assertTrue(Sql.query(db, "SELECT payload FROM outbox_message WHERE message_key = '" + id
                + "' AND event_type = 'round.closed.v1'").contains("\"forced\":true"));
        ranked(id, 1, List.of(0, 1, 2), 0, "ADVANCED");
        await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(status(id)));
        assertEquals("NOBODY_ADVANCED", api.get(null, "/api/challenges/" + id).get("failureReason"));
        assertEquals(0, Sql.count(db, "SELECT COUNT(*) FROM funding_grant WHERE challenge_id = '" + id + "'"));
    }

    @Test
    void aChallengeCancelledDuringEvaluationIsNeitherFinalizedNorFundedAndBlocksNoOther() {
        String cancelled = raceInRoundOne(0);
        String running = raceInRoundOne(0);
        for (String id : List.of(cancelled, running)) {
            api.post(admin, "/api/challenges/" + id + "/rounds/1/close", Map.of("force", true));
        }
        api.post(admin, "/api/challenges/" + cancelled + "/cancel", Map.of("reason", "需求方撤回"));
        Events.deliver(new RoundRanked(cancelled, 1, List.of(new RoundRanked.Entry(bidOf(teams.get(0)),
                teams.get(0).organizationId(), teams.get(0).userId(), new BigDecimal("80.0000"), 1, "ADVANCED", 2, false)),
                Instant.now()));
        ranked(running, 1, List.of(0, 1), 1, "ADVANCED");
        await().atMost(Duration.ofSeconds(30)).until(() -> "FINALIZED".equals(roundStatus(running, 1)));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Sql.count(db, "SELECT COUNT(*) FROM round_result WHERE challenge_id = '" + cancelled + "'") == 1);
        await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
        assertEquals("CLOSED", roundStatus(cancelled, 1), "a cancelled challenge's results are kept, not announced");
        assertEquals("challenge-ended", problem(HttpRequest.POST("/api/challenges/" + cancelled + "/rounds/1/objections",
                Map.of("reasons", "异议")), teams.get(0).token(), 409), "and take no objection");
        assertEquals(0, Sql.count(db, "SELECT COUNT(*) FROM funding_grant WHERE challenge_id = '" + cancelled + "'"));
        assertEquals("CANCELLED", status(cancelled));
    }
}
