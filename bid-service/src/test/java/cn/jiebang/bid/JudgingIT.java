package cn.jiebang.bid;

import cn.jiebang.events.ChallengeBiddingClosed;
import cn.jiebang.events.ChallengePublished;
import cn.jiebang.events.RoundAnnounced;
import cn.jiebang.events.RoundClosed;
import cn.jiebang.events.RoundOpened;
import cn.jiebang.events.UserRegistered;
import cn.jiebang.testing.Events;
import cn.jiebang.testing.Published;
import cn.jiebang.testing.Sql;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A round judged in bid-service: assignment without conflicts, 回避, sealed scoring, ranking at the close. */
class JudgingIT extends BidServiceIT {

    private static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);

    private String organization() {
        return knownOrganization(UUID.randomUUID().toString(), "BEIJING", "UNIVERSITY");
    }

    private String judgeOf(String organization) {
        String id = UUID.randomUUID().toString();
        Events.deliver(new UserRegistered(id, organization, "专家", "j@example.cn", List.of("JUDGE"), List.of(), "zh",
                Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                Sql.count(db, "SELECT COUNT(*) FROM known_user WHERE user_id = '" + id + "'") == 1);
        return id;
    }

    private Map<String, Object> call(MutableHttpRequest<?> request, String token) {
        return http.toBlocking().retrieve(request.bearerAuth(token), JSON);
    }

    private String problem(MutableHttpRequest<?> request, String token, int status) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(request.bearerAuth(token)));
        assertEquals(status, e.code(), e.getResponse().getBody(String.class).orElse(""));
        String type = (String) e.getResponse().getBody(JSON).orElseThrow().get("type");
        return type.substring(type.lastIndexOf('/') + 1);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> assignmentsOf(String judgeToken) {
        return (List<Map<String, Object>>) (List<?>) http.toBlocking().retrieve(HttpRequest.GET("/api/judging/assignments")
                .bearerAuth(judgeToken), Argument.listOf(Map.class));
    }

    /** The bid of an assignment, from the database: a blind round does not tell the judge. */
    private String bidOf(Map<String, Object> assignment) {
        return Sql.query(db, "SELECT bid_id FROM assignment WHERE id = '" + assignment.get("id") + "'");
    }

    private static Map<String, Object> sheet(int tech, int team) {
        return Map.of("scores", List.of(Map.of("criterion", "TECH", "score", tech, "comment", "技术路线清晰"),
                Map.of("criterion", "TEAM", "score", team, "comment", "团队完整")));
    }

    /** A one-round race (TOP_N 2 of two criteria, MEAN, two judges a bid, blind) whose bidding closes at {@code closes}. */
    private ChallengePublished publishRace(String challengeId, Instant closes) {
        ChallengePublished p = Published.challenge(challengeId, "赛马 " + challengeId, "NEW_MATERIALS",
                new BigDecimal("3000000.00"), Instant.now().minus(1, ChronoUnit.DAYS), closes);
        ChallengePublished.Round round = new ChallengePublished.Round(1, "方案评审", "PROPOSAL_REVIEW",
                closes.plus(1, ChronoUnit.DAYS), closes.plus(9, ChronoUnit.DAYS),
                List.of(new ChallengePublished.Criterion("TECH", "技术路线", 60, 10),
                        new ChallengePublished.Criterion("TEAM", "团队能力", 40, 10)),
                "MEAN", new ChallengePublished.Advancement("TOP_N", new BigDecimal("2"), 2), 2, true, BigDecimal.ZERO, 0);
        published(new ChallengePublished(p.challengeId(), p.title(), p.problemStatement(), p.technologyField(),
                p.totalBudget(), p.bidOpensAt(), p.bidClosesAt(), p.publishedAt(), p.ownerOrganizationId(), p.region(),
                "OPEN_COMPETITION", 2, p.requirementIds(), p.indicators(), p.eligibility(), p.ipTerms(), List.of(round)));
        return p;
    }

    /** Bidding closes at {@code closes}, the program office screens every bid in, and round 1 opens with the panel. */
    private void openRoundOne(String challengeId, Instant closes, List<String> bidIds, List<String> panel, String admin) {
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(closes));
        Events.deliver(new ChallengeBiddingClosed(challengeId, "赛马", closes, Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> Sql.count(db,
                "SELECT COUNT(*) FROM outbox_message WHERE message_key = '" + challengeId + "' AND event_type = 'screening.started.v1'") == 1);
        bidIds.forEach(b -> call(HttpRequest.POST("/api/bids/" + b + "/screening",
                Map.of("decision", "SCREENED_IN", "reason", "合格")), admin));
        Events.deliver(new RoundOpened(challengeId, 1, "方案评审", "PROPOSAL_REVIEW", closes.plus(9, ChronoUnit.DAYS),
                panel, 2, true, Instant.now(), List.of(), List.of()));
    }

    @Test
    void aBlindRoundIsAssignedWithoutConflictsScoredSealedAndRankedAtTheClose() {
        // four teams; T1 has member organization M; judges: J1 of T2's organization, J2 of M, J3 and J4 independent
        List<String> teams = List.of(organization(), organization(), organization(), organization());
        String member = organization();
        String j1 = judgeOf(teams.get(1));
        String j2 = judgeOf(member);
        String j3 = judgeOf(organization());
        String j4 = judgeOf(organization());
        Map<String, String> judgeTokens = new LinkedHashMap<>();
        for (String j : List.of(j1, j2, j3, j4)) {
            judgeTokens.put(j, tokens.token(j, "judge-org", "JUDGE"));
        }
        String admin = tokens.token("office", "program-office", "ADMIN");

        String challengeId = UUID.randomUUID().toString();
        Instant closes = Instant.now().plus(2, ChronoUnit.SECONDS);
        ChallengePublished p = publishRace(challengeId, closes);

        List<String> bidIds = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Map<String, Object> body = BidBody.aBid().with("memberOrganizationIds", i == 0 ? List.of(member) : List.of())
                    .build();
            bidIds.add((String) call(HttpRequest.POST("/api/challenges/" + challengeId + "/bids", body),
                    tokens.token(UUID.randomUUID().toString(), teams.get(i), "TEAM")).get("bidId"));
        }
        openRoundOne(challengeId, closes, bidIds, List.of(j1, j2, j3, j4), admin);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                Sql.count(db, "SELECT COUNT(*) FROM assignment WHERE challenge_id = '" + challengeId + "'") == 8);

        // no judge on a bid of its own organization; the load is even
        Map<String, List<String>> bidsOf = new HashMap<>();
        judgeTokens.forEach((judge, token) -> bidsOf.put(judge, assignmentsOf(token).stream()
                .filter(a -> challengeId.equals(a.get("challengeId"))).map(a -> bidOf(a)).toList()));
        assertTrue(assignmentsOf(judgeTokens.get(j3)).stream().allMatch(a -> a.get("bidId") == null),
                "a blind round does not tell judges the bid id either");
        assertTrue(!bidsOf.get(j1).contains(bidIds.get(1)), "J1 is of T2's organization");
        assertTrue(!bidsOf.get(j2).contains(bidIds.get(0)), "J2 is of T1's member organization");
        assertEquals(List.of(2, 2, 2, 2), bidsOf.values().stream().map(List::size).toList(), "each judge two of the eight");
        assertEquals(1, Sql.count(db, "SELECT COUNT(*) FROM outbox_message WHERE message_key = '" + challengeId
                + "' AND event_type = 'judges.assigned.v1'"));

        // a blind bid shows no team identity; once opened, no conflict can be declared on it
        String j3Token = judgeTokens.get(j3);
        Map<String, Object> first = assignmentsOf(j3Token).stream().filter(a -> challengeId.equals(a.get("challengeId")))
                .findFirst().orElseThrow();
        Map<String, Object> blind = call(HttpRequest.GET("/api/judging/assignments/" + first.get("id") + "/bid"), j3Token);
        assertNull(blind.get("leadOrganizationId"));
        assertNull(blind.get("teamLead"));
        assertEquals(true, blind.get("blind"));
        assertEquals("conflict-after-viewing", problem(HttpRequest.POST("/api/judging/assignments/" + first.get("id")
                + "/conflict", Map.of("reason", "曾合作")), j3Token, 409));
        assertEquals("assignment-not-found", problem(HttpRequest.PUT("/api/judging/assignments/" + first.get("id")
                + "/scores", sheet(5, 5)), judgeTokens.get(j4), 404), "another judge's assignment");

        // 回避 before opening: the bid goes to another eligible judge
        String j4Token = judgeTokens.get(j4);
        Map<String, Object> declined = assignmentsOf(j4Token).stream().filter(a -> challengeId.equals(a.get("challengeId")))
                .findFirst().orElseThrow();
        Map<String, Object> withdrawn = call(HttpRequest.POST("/api/judging/assignments/" + declined.get("id") + "/conflict",
                Map.of("reason", "与该团队有合作关系")), j4Token);
        assertEquals("WITHDRAWN", withdrawn.get("status"));
        assertEquals(9, Sql.count(db, "SELECT COUNT(*) FROM assignment WHERE challenge_id = '" + challengeId + "'"));
        assertEquals(2, Sql.count(db, "SELECT COUNT(*) FROM assignment WHERE challenge_id = '" + challengeId
                + "' AND bid_id = '" + bidOf(declined) + "' AND status = 'ACTIVE'"), "the bid keeps two judges");
        assertEquals(0, Sql.count(db, "SELECT COUNT(*) FROM assignment a WHERE challenge_id = '" + challengeId
                + "' AND status = 'ACTIVE' AND ((judge_id = '" + j1 + "' AND bid_id = '" + bidIds.get(1) + "') OR (judge_id = '"
                + j2 + "' AND bid_id = '" + bidIds.get(0) + "'))"), "the replacement respects conflicts too");

        // sealed scoring: refusals, then every active assignment scored (bid i gets 9-i on both criteria)
        assertEquals("invalid-scores", problem(HttpRequest.PUT("/api/judging/assignments/" + first.get("id") + "/scores",
                Map.of("scores", List.of(Map.of("criterion", "TECH", "score", 11, "comment", "x")))), j3Token, 422));
        assertEquals("invalid-scores", problem(HttpRequest.PUT("/api/judging/assignments/" + first.get("id") + "/scores",
                Map.of("scores", List.of(Map.of("criterion", "TECH", "score", 5, "comment", "x"),
                        Map.of("criterion", "TECH", "score", 6, "comment", "y"), Map.of("criterion", "TEAM", "score", 5,
                                "comment", "z")))), j3Token, 422), "a criterion scored twice in one sheet");
        assertEquals("round-not-closed", problem(HttpRequest.GET("/api/challenges/" + challengeId + "/rounds/1/ranking"),
                admin, 409), "no ranking before the close");
        for (Map.Entry<String, String> judge : judgeTokens.entrySet()) {
            for (Map<String, Object> a : assignmentsOf(judge.getValue())) {
                if (challengeId.equals(a.get("challengeId")) && "ACTIVE".equals(a.get("status"))) {
                    int quality = 9 - bidIds.indexOf(bidOf(a));
                    call(HttpRequest.PUT("/api/judging/assignments/" + a.get("id") + "/scores", sheet(quality, quality)),
                            judge.getValue());
                }
            }
        }
        assertEquals(1, Sql.count(db, "SELECT COUNT(*) FROM outbox_message WHERE message_key = '" + challengeId
                + "' AND event_type = 'scoring.completed.v1'"));

        Events.deliver(new RoundClosed(challengeId, 1, false, Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> Sql.count(db, "SELECT COUNT(*) FROM outbox_message WHERE"
                + " message_key = '" + challengeId + "' AND event_type = 'round.ranked.v1'") == 1);
        String ranked = Sql.query(db, "SELECT payload FROM outbox_message WHERE message_key = '" + challengeId
                + "' AND event_type = 'round.ranked.v1'");
        assertTrue(ranked.contains("\"bidId\":\"" + bidIds.get(0) + "\",\"leadOrganizationId\":\"" + teams.get(0)), ranked);
        List<?> recomputed = http.toBlocking().retrieve(HttpRequest.GET("/api/challenges/" + challengeId + "/rounds/1/ranking")
                .bearerAuth(admin), Argument.listOf(Map.class));
        assertEquals(List.of(bidIds.get(0), bidIds.get(1), bidIds.get(2), bidIds.get(3)),
                recomputed.stream().map(r -> ((Map<?, ?>) r).get("bidId")).toList());
        assertEquals(List.of("WINNER", "WINNER", "ELIMINATED", "ELIMINATED"), // its only round is the last
                recomputed.stream().map(r -> ((Map<?, ?>) r).get("decision")).toList());
        assertEquals(0, new BigDecimal("90").compareTo(new BigDecimal(((Map<?, ?>) recomputed.get(0)).get("aggregate").toString())));
        assertTrue(ranked.contains("\"aggregate\":90.0000"), "the published ranking is the recomputed one: " + ranked);
        assertEquals("round-not-open", problem(HttpRequest.PUT("/api/judging/assignments/" + first.get("id") + "/scores",
                sheet(1, 1)), j3Token, 409), "no scoring after the close");

        // each team reads its own result once challenge-service has announced it, never another's
        String team0 = tokens.token(UUID.randomUUID().toString(), teams.get(0), "TEAM");
        String resultOf0 = "/api/bids/" + bidIds.get(0) + "/rounds/1/result";
        assertEquals("results-not-announced", problem(HttpRequest.GET(resultOf0), team0, 409));
        Events.deliver(new RoundAnnounced(challengeId, "赛马", p.ownerOrganizationId(), 1, "方案评审",
                List.of(new RoundAnnounced.Result(bidIds.get(0), teams.get(0), "u", new BigDecimal("90.0000"), 1, "WINNER",
                        false)), false, Instant.now().plus(5, ChronoUnit.DAYS), Instant.now()));
        Map<String, Object> own = await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> call(HttpRequest.GET(resultOf0), team0), r -> r != null);
        assertEquals(1, own.get("rank"));
        assertEquals("WINNER", own.get("decision"));
        assertEquals(Map.of("TEAM", 9.0, "TECH", 9.0), own.get("meanScoreByCriterion"), "means per criterion, no judge");
        assertEquals("bid-not-found", problem(HttpRequest.GET(resultOf0),
                tokens.token(UUID.randomUUID().toString(), teams.get(1), "TEAM"), 404));
    }

    @Test
    void aTieGoesToTheBidFirstSubmittedEarlierThoughItWasRevisedAfterTheOther() {
        String early = organization();
        String late = organization();
        List<String> panel = List.of(judgeOf(organization()), judgeOf(organization()));
        String admin = tokens.token("office", "program-office", "ADMIN");
        String challengeId = UUID.randomUUID().toString();
        // room for the projection, two submissions and a revision on a busy machine
        Instant closes = Instant.now().plus(8, ChronoUnit.SECONDS);
        publishRace(challengeId, closes);

        String earlyTeam = tokens.token(UUID.randomUUID().toString(), early, "TEAM");
        String earlyBid = (String) call(HttpRequest.POST("/api/challenges/" + challengeId + "/bids",
                BidBody.aBid().build()), earlyTeam).get("bidId");
        String lateBid = (String) call(HttpRequest.POST("/api/challenges/" + challengeId + "/bids",
                BidBody.aBid().build()), tokens.token(UUID.randomUUID().toString(), late, "TEAM")).get("bidId");
        // the early team improves its bid before the deadline: its judged version is now the newer one
        call(HttpRequest.POST("/api/bids/" + earlyBid + "/versions", Map.of("baseVersion", 1,
                "content", BidBody.aBid().with("requestedBudget", "900000.00").build())), earlyTeam);
        assertTrue(Sql.count(db, "SELECT COUNT(*) FROM bid_version v JOIN bid_version w ON w.bid_id = '" + lateBid
                + "' AND w.version_no = 1 WHERE v.bid_id = '" + earlyBid + "' AND v.version_no = 2"
                + " AND v.submitted_at > w.submitted_at") == 1, "the revision came after the other bid");

        openRoundOne(challengeId, closes, List.of(earlyBid, lateBid), panel, admin);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                Sql.count(db, "SELECT COUNT(*) FROM assignment WHERE challenge_id = '" + challengeId + "'") == 4);
        for (String judge : panel) {
            String token = tokens.token(judge, "judge-org", "JUDGE");
            for (Map<String, Object> a : assignmentsOf(token)) {
                if (challengeId.equals(a.get("challengeId"))) {
                    call(HttpRequest.PUT("/api/judging/assignments/" + a.get("id") + "/scores", sheet(7, 7)), token);
                }
            }
        }
        Events.deliver(new RoundClosed(challengeId, 1, false, Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> Sql.count(db, "SELECT COUNT(*) FROM outbox_message WHERE"
                + " message_key = '" + challengeId + "' AND event_type = 'round.ranked.v1'") == 1);

        List<?> ranking = http.toBlocking().retrieve(HttpRequest.GET("/api/challenges/" + challengeId + "/rounds/1/ranking")
                .bearerAuth(admin), Argument.listOf(Map.class));
        assertEquals(List.of(earlyBid, lateBid), ranking.stream().map(r -> ((Map<?, ?>) r).get("bidId")).toList());
        assertEquals(((Map<?, ?>) ranking.get(0)).get("aggregate"), ((Map<?, ?>) ranking.get(1)).get("aggregate"),
                "a tie on the aggregate, and on the heaviest criterion");
    }
}
