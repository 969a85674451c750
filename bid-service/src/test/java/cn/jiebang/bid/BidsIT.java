package cn.jiebang.bid;

import cn.jiebang.events.ChallengeAwarded;
import cn.jiebang.events.ChallengeBiddingClosed;
import cn.jiebang.events.ChallengePublished;
import cn.jiebang.events.OrganizationUpdated;
import cn.jiebang.testing.AuditTrail;
import cn.jiebang.testing.ControlledClock;
import cn.jiebang.testing.Events;
import cn.jiebang.testing.Published;
import cn.jiebang.testing.Sql;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 揭榜申报 on deadline day: receipts, retries, versions, refusals that leave nothing, sealing, screening. */
class BidsIT extends BidServiceIT {

    private static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);
    private static final String OWNER = "00000000-0000-4000-8000-000000000001";

    @Inject
    ControlledClock clock;

    @Override
    protected Map<String, String> properties() {
        return Map.of("jiebang.test.controlled-clock", "true",
                "jiebang.attachments.max-bytes", "4096");
    }

    @AfterEach
    void realTime() {
        clock.release();
    }

    // ---- fixtures -------------------------------------------------------------------------------------

    private String challenge(ChallengePublished.Eligibility eligibility, Instant opens, Instant closes) {
        String id = UUID.randomUUID().toString();
        ChallengePublished p = Published.challenge(id, "光刻胶 " + id, "NEW_MATERIALS", new BigDecimal("3000000.00"),
                opens, closes);
        return published(new ChallengePublished(p.challengeId(), p.title(), p.problemStatement(), p.technologyField(),
                p.totalBudget(), p.bidOpensAt(), p.bidClosesAt(), p.publishedAt(), p.ownerOrganizationId(), p.region(),
                p.mode(), p.winners(), p.requirementIds(), p.indicators(), eligibility, p.ipTerms(), p.rounds()));
    }

    private String openChallenge() {
        return challenge(anyone(1), Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(10, ChronoUnit.DAYS));
    }

    private static ChallengePublished.Eligibility anyone(int bidsPerOrganization) {
        return new ChallengePublished.Eligibility(List.of(), List.of(), 2, bidsPerOrganization, false);
    }

    private String organization(String region, String kind) {
        return knownOrganization(UUID.randomUUID().toString(), region, kind);
    }

    private String team(String organization) {
        return tokens.token(UUID.randomUUID().toString(), organization, "TEAM");
    }

    private String newTeam() {
        return team(organization("BEIJING", "UNIVERSITY"));
    }

    private Map<String, Object> submit(String token, String challengeId, Object body) {
        return http.toBlocking().retrieve(HttpRequest.POST("/api/challenges/" + challengeId + "/bids", body)
                .bearerAuth(token), JSON);
    }

    private Map<String, Object> problem(MutableHttpRequest<?> request, String token, int status) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(request.bearerAuth(token)));
        assertEquals(status, e.code(), e.getResponse().getBody(String.class).orElse(""));
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
        return e.getResponse().getBody(JSON).orElseThrow();
    }

    private static String type(Map<String, Object> problem) {
        String type = (String) problem.get("type");
        return type.substring(type.lastIndexOf('/') + 1);
    }

    private long bidRows(String challengeId) {
        return Sql.count(db, "SELECT COUNT(*) FROM bid WHERE challenge_id = '" + challengeId + "'");
    }

    private long bidEvents(String challengeId, String type) {
        return Sql.count(db, "SELECT COUNT(*) FROM outbox_message WHERE message_key = '" + challengeId
                + "' AND event_type = '" + type + "'");
    }

    // ---- receipts, versions ---------------------------------------------------------------------------

    @Test
    void aSubmissionAnswersAReceiptWhoseHashTheBidKeepsAndEveryRevisionIsANewVersion() {
        String challengeId = openChallenge();
        String team = newTeam();
        Map<String, Object> receipt = submit(team, challengeId, BidBody.aBid().build());
        String bidId = (String) receipt.get("bidId");
        assertEquals(1, receipt.get("version"));
        assertTrue(((String) receipt.get("contentHash")).matches("[0-9a-f]{64}"));
        assertTrue(Instant.parse((String) receipt.get("serverTime")).isBefore(Instant.now().plusSeconds(1)));
        Map<String, Object> bid = http.toBlocking().retrieve(HttpRequest.GET("/api/bids/" + bidId).bearerAuth(team), JSON);
        assertEquals(receipt.get("contentHash"), bid.get("contentHash"));
        assertEquals("化学放大光刻胶体系，自主合成树脂与光致产酸剂 𠀀 🚀", ((Map<?, ?>) bid.get("content")).get("technicalApproach"));
        assertEquals(1, bidEvents(challengeId, "bid.submitted.v1"));

        Map<String, Object> revised = http.toBlocking().retrieve(HttpRequest.POST("/api/bids/" + bidId + "/versions",
                Map.of("baseVersion", 1, "content", BidBody.aBid().with("requestedBudget", "900000.00").build()))
                .bearerAuth(team), JSON);
        assertEquals(2, revised.get("version"));
        assertNotEquals(receipt.get("contentHash"), revised.get("contentHash"));
        assertEquals("stale-version", type(problem(HttpRequest.POST("/api/bids/" + bidId + "/versions",
                Map.of("baseVersion", 1, "content", BidBody.aBid().build())), team, 409)));
        List<?> versions = http.toBlocking().retrieve(HttpRequest.GET("/api/bids/" + bidId + "/versions").bearerAuth(team),
                Argument.listOf(Object.class));
        assertEquals(2, versions.size(), "the older version stays readable");
        assertEquals(receipt.get("contentHash"), ((Map<?, ?>) versions.get(0)).get("contentHash"));
        assertEquals(revised.get("contentHash"), http.toBlocking().retrieve(HttpRequest.GET("/api/bids/" + bidId)
                .bearerAuth(team), JSON).get("contentHash"), "the last version is the bid");
        assertEquals(1, bidEvents(challengeId, "bid.revised.v1"));
        assertEquals(404, problemStatus(HttpRequest.GET("/api/bids/" + bidId), newTeam()), "another team never sees it");
    }

    @Test
    void aBidIsStoredOnlyTogetherWithTheAuditEntryOfItsSubmission() {
        String challengeId = openChallenge();
        String team = newTeam();
        try (AuditTrail.Refusal ignored = AuditTrail.refusingEntriesOfChangesTo(db, challengeId)) {
            assertEquals(500, problemStatus(HttpRequest.POST("/api/challenges/" + challengeId + "/bids",
                    BidBody.aBid().build()), team));
        }
        assertEquals(0, bidRows(challengeId), "the bid rolled back with its entry");
        assertEquals(0, bidEvents(challengeId, "bid.submitted.v1"));
        assertEquals(List.of("POST /api/challenges/{id}/bids 500"), AuditTrail.of(db, challengeId));

        submit(team, challengeId, BidBody.aBid().build());
        assertEquals(1, bidRows(challengeId));
        assertEquals(List.of("POST /api/challenges/{id}/bids 500", "POST /api/challenges/{id}/bids 201"),
                AuditTrail.of(db, challengeId));
    }

    @Test
    void theSameContentInAnotherFieldOrderHasTheSameHash() {
        String challengeId = challenge(anyone(2), Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(1, ChronoUnit.DAYS));
        String team = newTeam();
        Map<String, Object> reordered = new java.util.LinkedHashMap<>();
        List<String> keys = new ArrayList<>(BidBody.aBid().build().keySet());
        java.util.Collections.reverse(keys);
        Map<String, Object> original = BidBody.aBid().build();
        keys.forEach(k -> reordered.put(k, original.get(k)));
        reordered.put("requestedBudget", "1000000.0");
        assertEquals(submit(team, challengeId, original).get("contentHash"),
                submit(team, challengeId, reordered).get("contentHash"));
    }

    private int problemStatus(MutableHttpRequest<?> request, String token) {
        try {
            return http.toBlocking().exchange(request.bearerAuth(token)).code();
        } catch (HttpClientResponseException e) {
            return e.code();
        }
    }

    // ---- refusals -------------------------------------------------------------------------------------

    @Test
    void everyRefusalLeavesNoRowAndNoEvent() {
        String challengeId = challenge(new ChallengePublished.Eligibility(List.of("BEIJING", "TIANJIN"),
                List.of("UNIVERSITY", "ENTERPRISE"), 1, 1, false),
                Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(5, ChronoUnit.DAYS));
        String team = newTeam();
        String member = organization("HEBEI", "ENTERPRISE");
        String other = organization("HEBEI", "ENTERPRISE");
        Map<String, String> refusals = new java.util.LinkedHashMap<>();
        refusals.put("committedIndicators[0].value", type(problem(post(challengeId, BidBody.aBid()
                .with("committedIndicators", List.of(Map.of("name", "分辨率", "value", "32")))), team, 422)));
        refusals.put("missing indicator", type(problem(post(challengeId, BidBody.aBid()
                .with("committedIndicators", List.of(Map.of("name", "良率", "value", "99")))), team, 422)));
        refusals.put("requestedBudget", type(problem(post(challengeId, BidBody.aBid()
                .with("requestedBudget", "3000000.01")), team, 422)));
        refusals.put("memberOrganizationIds", type(problem(post(challengeId, BidBody.aBid()
                .with("memberOrganizationIds", List.of(member, other))), team, 422)));
        refusals.put("region", type(problem(post(challengeId, BidBody.aBid()),
                team(organization("HEBEI", "UNIVERSITY")), 422)));
        refusals.put("kind", type(problem(post(challengeId, BidBody.aBid()),
                team(organization("BEIJING", "RESEARCH_INSTITUTE")), 422)));
        refusals.put("unknown attachment", type(problem(post(challengeId, BidBody.aBid()
                .with("attachmentIds", List.of(UUID.randomUUID().toString()))), team, 422)));
        refusals.put("malformed", type(problem(post(challengeId, BidBody.aBid().with("technicalApproach", "")), team, 400)));
        refusals.put("not a team", type(problem(post(challengeId, BidBody.aBid()),
                tokens.token(UUID.randomUUID().toString(), OWNER, "AGENCY"), 403)));
        assertEquals(0, bidRows(challengeId));

        submit(team, challengeId, BidBody.aBid().with("memberOrganizationIds", List.of(member)).build());
        refusals.put("duplicate", type(problem(post(challengeId, BidBody.aBid()), team, 409)));
        String closed = challenge(anyone(1), Instant.now().minus(2, ChronoUnit.DAYS), Instant.now().minus(1, ChronoUnit.DAYS));
        refusals.put("closed window", type(problem(post(closed, BidBody.aBid()), team, 409)));
        String future = challenge(anyone(1), Instant.now().plus(1, ChronoUnit.DAYS), Instant.now().plus(9, ChronoUnit.DAYS));
        refusals.put("window not open", type(problem(post(future, BidBody.aBid()), team, 409)));

        assertEquals(Map.ofEntries(Map.entry("committedIndicators[0].value", "invalid-bid"),
                Map.entry("missing indicator", "invalid-bid"), Map.entry("requestedBudget", "invalid-bid"),
                Map.entry("memberOrganizationIds", "invalid-bid"), Map.entry("region", "invalid-bid"),
                Map.entry("kind", "invalid-bid"), Map.entry("unknown attachment", "invalid-bid"),
                Map.entry("malformed", "invalid-request"), Map.entry("not a team", "forbidden"),
                Map.entry("duplicate", "duplicate-bid"), Map.entry("closed window", "bid-window-closed"),
                Map.entry("window not open", "bid-window-closed")), refusals);
        assertEquals(1, bidRows(challengeId), "only the one accepted bid");
        assertEquals(1, bidEvents(challengeId, "bid.submitted.v1"));
        assertEquals(0, bidRows(closed) + bidRows(future) + bidEvents(closed, "bid.submitted.v1")
                + bidEvents(future, "bid.submitted.v1"));
    }

    @Test
    void aRefusalNamesEachFieldToFix() {
        String challengeId = openChallenge();
        Map<String, Object> refused = problem(post(challengeId, BidBody.aBid().with("requestedBudget", "9000000.00")
                .with("committedIndicators", List.of(Map.of("name", "分辨率", "value", "40"), Map.of("name", "良率", "value", "1")))),
                newTeam(), 422);
        assertEquals(List.of("requestedBudget", "committedIndicators[0].value", "committedIndicators[1].name"),
                ((List<?>) refused.get("errors")).stream().map(e -> ((Map<?, ?>) e).get("field")).toList());
    }

    @Test
    void aMilestoneFallsBetweenTheDayTheBidWindowOpensAndTheDayTheLastRoundCloses() {
        Instant opens = Instant.now().minus(3, ChronoUnit.DAYS);
        Instant closes = Instant.now().plus(5, ChronoUnit.DAYS);
        String challengeId = challenge(anyone(1), opens, closes);
        ZoneId beijing = ZoneId.of("Asia/Shanghai");
        LocalDate firstDay = LocalDate.ofInstant(opens, beijing);
        // Published.challenge: one round, closing 16 days after the bid window
        LocalDate lastDay = LocalDate.ofInstant(closes.plus(16, ChronoUnit.DAYS), beijing);
        String team = newTeam();
        for (LocalDate wrong : List.of(LocalDate.of(2001, 1, 1), firstDay.minusDays(1), lastDay.plusDays(1))) {
            Map<String, Object> refused = problem(post(challengeId, BidBody.aBid().with("milestones",
                    List.of(milestone(firstDay), milestone(wrong)))), team, 422);
            assertEquals("invalid-bid", type(refused));
            assertEquals(List.of("milestones[1].dueOn"), ((List<?>) refused.get("errors")).stream()
                    .map(e -> ((Map<?, ?>) e).get("field")).toList(), wrong.toString());
        }
        assertEquals(0, bidRows(challengeId));
        submit(team, challengeId, BidBody.aBid().with("milestones", List.of(milestone(firstDay), milestone(lastDay)))
                .build());
        assertEquals(1, bidRows(challengeId));
    }

    private static Map<String, Object> milestone(LocalDate dueOn) {
        return Map.of("title", "节点 " + dueOn, "dueOn", dueOn.toString(), "deliverable", "样品");
    }

    @Test
    void anOrganizationMayLeadAsManyLiveBidsAsTheCapAndAWithdrawnOneDoesNotCount() {
        String challengeId = challenge(anyone(2), Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(3, ChronoUnit.DAYS));
        String team = newTeam();
        String first = (String) submit(team, challengeId, BidBody.aBid().build()).get("bidId");
        submit(team, challengeId, BidBody.aBid().with("technicalApproach", "第二条技术路线").build());
        assertEquals("bid-cap-reached", type(problem(post(challengeId, BidBody.aBid()), team, 409)));
        Map<String, Object> withdrawn = http.toBlocking().retrieve(HttpRequest.POST("/api/bids/" + first + "/withdraw", "")
                .bearerAuth(team), JSON);
        assertEquals("WITHDRAWN", withdrawn.get("status"));
        assertEquals(1, bidEvents(challengeId, "bid.withdrawn.v1"));
        submit(team, challengeId, BidBody.aBid().with("technicalApproach", "第三条技术路线").build());
        assertEquals(3, bidRows(challengeId));
        assertEquals("bid-wrong-status", type(problem(HttpRequest.POST("/api/bids/" + first + "/versions",
                Map.of("baseVersion", 1, "content", BidBody.aBid().build())), team, 409)));
    }

    private static MutableHttpRequest<?> post(String challengeId, BidBody body) {
        return HttpRequest.POST("/api/challenges/" + challengeId + "/bids", body.build());
    }

    @Test
    void aChallengeExcludingPastWinnersRefusesAnOrganizationThatWonBefore() {
        String winnerOrg = organization("BEIJING", "UNIVERSITY");
        Events.deliver(new ChallengeAwarded(UUID.randomUUID().toString(), "往期榜单", OWNER, List.of(
                new ChallengeAwarded.Winner(UUID.randomUUID().toString(), winnerOrg, "someone")), Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> Sql.count(db,
                "SELECT COUNT(*) FROM known_organization WHERE organization_id = '" + winnerOrg + "' AND past_winner") == 1);
        String challengeId = challenge(new ChallengePublished.Eligibility(List.of(), List.of(), 2, 1, true),
                Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(5, ChronoUnit.DAYS));
        Map<String, Object> refused = problem(post(challengeId, BidBody.aBid()), team(winnerOrg), 422);
        assertEquals(List.of("leadOrganization"), ((List<?>) refused.get("errors")).stream()
                .map(e -> ((Map<?, ?>) e).get("field")).toList());
        submit(newTeam(), challengeId, BidBody.aBid().build());
        assertEquals(1, bidRows(challengeId), "a first-time organization bids");
    }

    // ---- the deadline, to the millisecond -------------------------------------------------------------

    @Test
    void theLastMillisecondBeforeTheDeadlineIsInAndTheDeadlineItselfIsOut() {
        Instant closes = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        String challengeId = challenge(anyone(3), closes.minus(1, ChronoUnit.DAYS), closes);
        String team = newTeam();
        clock.set(closes.minusMillis(1));
        Map<String, Object> receipt = submit(team, challengeId, BidBody.aBid().build());
        assertEquals(closes.minusMillis(1), Instant.parse((String) receipt.get("serverTime")));
        clock.set(closes);
        assertEquals("bid-window-closed", type(problem(post(challengeId, BidBody.aBid()), team, 409)));
        clock.set(closes.plusMillis(1));
        assertEquals("bid-window-closed", type(problem(post(challengeId, BidBody.aBid()), team, 409)));
        assertEquals("bid-window-closed", type(problem(HttpRequest.POST("/api/bids/" + receipt.get("bidId") + "/versions",
                Map.of("baseVersion", 1, "content", BidBody.aBid().build())), team, 409)), "no revision after it");
        assertEquals("bid-window-closed", type(problem(HttpRequest.POST("/api/bids/" + receipt.get("bidId") + "/withdraw",
                ""), team, 409)), "no withdrawal after it");
        assertEquals(1, bidRows(challengeId));
    }

    // ---- idempotency under load -----------------------------------------------------------------------

    @Test
    void twoHundredConcurrentSubmissionsWithRetriesGiveOneBidAndOneEventPerKey() throws Exception {
        String challengeId = challenge(anyone(1), Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(1, ChronoUnit.DAYS));
        int teams = 50;
        int retries = 4;
        List<String> teamTokens = new ArrayList<>();
        for (int i = 0; i < teams; i++) {
            teamTokens.add(newTeam());
        }
        String body = toJson(BidBody.aBid().build());
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().build();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<CompletableFuture<java.net.http.HttpResponse<String>>> responses = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        try {
            for (int r = 0; r < retries; r++) {
                for (int i = 0; i < teams; i++) {
                    String key = "key-" + challengeId + "-" + i;
                    keys.add(key);
                    java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                                    URI.create(server.getURL() + "/api/challenges/" + challengeId + "/bids"))
                            .header("Authorization", "Bearer " + teamTokens.get(i))
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", key)
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
                    responses.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            return client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }, pool));
                }
            }
            CompletableFuture.allOf(responses.toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdown();
        }
        Map<String, Set<String>> bidIdsByKey = new HashMap<>();
        Pattern bidId = Pattern.compile("\"bidId\":\"([^\"]+)\"");
        for (int n = 0; n < responses.size(); n++) {
            java.net.http.HttpResponse<String> response = responses.get(n).join();
            assertEquals(201, response.statusCode(), response.body());
            Matcher m = bidId.matcher(response.body());
            assertTrue(m.find(), response.body());
            bidIdsByKey.computeIfAbsent(keys.get(n), k -> new HashSet<>()).add(m.group(1));
        }
        assertEquals(teams, bidIdsByKey.size());
        bidIdsByKey.forEach((key, ids) -> assertEquals(1, ids.size(), "every retry of " + key + " got the first receipt"));
        assertEquals(teams, bidRows(challengeId));
        assertEquals(teams, bidEvents(challengeId, "bid.submitted.v1"));
        assertEquals(teams, Sql.count(db, "SELECT COUNT(*) FROM bid_version v JOIN bid b ON b.id = v.bid_id"
                + " WHERE b.challenge_id = '" + challengeId + "'"));

        String sameKeyOtherBody = "key-" + challengeId + "-0";
        Map<String, Object> reused = problem(HttpRequest.POST("/api/challenges/" + challengeId + "/bids",
                BidBody.aBid().with("requestedBudget", "1.00").build()).header("Idempotency-Key", sameKeyOtherBody),
                teamTokens.get(0), 422);
        assertEquals("idempotency-key-reused", type(reused));
        assertEquals(teams, bidRows(challengeId));
    }

    @Inject
    io.micronaut.json.JsonMapper jsonMapper;

    private String toJson(Object value) {
        try {
            return jsonMapper.writeValueAsString(value);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- sealing and screening ------------------------------------------------------------------------

    @Test
    void bidsAreSealedUntilTheCloseThenScreenedAutomaticallyAndByTheProgramOffice() {
        Instant closes = Instant.now().plus(1, ChronoUnit.HOURS);
        String challengeId = challenge(new ChallengePublished.Eligibility(List.of("BEIJING"), List.of(), 2, 1, false),
                Instant.now().minus(1, ChronoUnit.DAYS), closes);
        String movingOrg = organization("BEIJING", "ENTERPRISE");
        String moving = team(movingOrg);
        String inTeam = newTeam();
        String outTeam = newTeam();
        String admin = tokens.token(UUID.randomUUID().toString(), "office", "ADMIN");
        String agency = tokens.token(UUID.randomUUID().toString(), OWNER, "AGENCY");
        String otherAgency = tokens.token(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "AGENCY");
        String movedBid = (String) submit(moving, challengeId, BidBody.aBid().build()).get("bidId");
        String inBid = (String) submit(inTeam, challengeId, BidBody.aBid().build()).get("bidId");
        String outBid = (String) submit(outTeam, challengeId, BidBody.aBid().build()).get("bidId");
        String withdrawn = (String) submit(newTeam(), challengeId, BidBody.aBid().build()).get("bidId");
        http.toBlocking().exchange(HttpRequest.POST("/api/bids/" + withdrawn + "/withdraw", "")
                .bearerAuth(tokens.token(UUID.randomUUID().toString(),
                        Sql.query(db, "SELECT lead_organization_id FROM bid WHERE id = '" + withdrawn + "'"), "TEAM")));

        assertEquals("bids-sealed", type(problem(HttpRequest.GET("/api/challenges/" + challengeId + "/bids"), admin, 409)));
        assertEquals("bids-sealed", type(problem(HttpRequest.GET("/api/challenges/" + challengeId + "/bids"), agency, 409)));
        assertEquals("bids-sealed", type(problem(HttpRequest.GET("/api/bids/" + inBid), admin, 409)));
        assertEquals(404, problemStatus(HttpRequest.GET("/api/challenges/" + challengeId + "/bids"), otherAgency));
        assertEquals("screening-not-open", type(problem(HttpRequest.POST("/api/bids/" + inBid + "/screening",
                Map.of("decision", "SCREENED_IN", "reason", "材料齐全")), admin, 409)));

        Events.deliver(new OrganizationUpdated(movingOrg, "迁出的企业", "91110108MA01ABCDEN", "OTHER", "ENTERPRISE", Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> "OTHER".equals(Sql.query(db,
                "SELECT region FROM known_organization WHERE organization_id = '" + movingOrg + "'")));
        clock.set(closes.plusSeconds(1));
        String closedEvent = Events.deliver(new ChallengeBiddingClosed(challengeId, "光刻胶", closes, closes.plusSeconds(1)));
        Events.deliver(closedEvent, new ChallengeBiddingClosed(challengeId, "光刻胶", closes, closes.plusSeconds(1)));
        await().atMost(Duration.ofSeconds(60)).until(() -> bidEvents(challengeId, "screening.started.v1") == 1);
        assertTrue(Sql.query(db, "SELECT payload FROM outbox_message WHERE message_key = '" + challengeId
                + "' AND event_type = 'screening.started.v1'").contains("\"bidCount\":3"), "withdrawn bids do not count");
        await().atMost(Duration.ofSeconds(60)).until(() -> "SCREENED_OUT".equals(Sql.query(db,
                "SELECT status FROM bid WHERE id = '" + movedBid + "'")));
        Map<String, Object> movedView = http.toBlocking().retrieve(HttpRequest.GET("/api/bids/" + movedBid).bearerAuth(moving), JSON);
        assertTrue(((String) movedView.get("screeningReason")).contains("automatic"), movedView.toString());

        assertEquals(4, http.toBlocking().retrieve(HttpRequest.GET("/api/challenges/" + challengeId + "/bids")
                .bearerAuth(agency), Argument.listOf(Object.class)).size(), "unsealed for the owner agency");
        http.toBlocking().exchange(HttpRequest.POST("/api/bids/" + inBid + "/screening",
                Map.of("decision", "SCREENED_IN", "reason", "材料齐全")).bearerAuth(admin));
        assertEquals(0, bidEvents(challengeId, "screening.completed.v1"), "one bid still undecided");
        http.toBlocking().exchange(HttpRequest.POST("/api/bids/" + outBid + "/screening",
                Map.of("decision", "SCREENED_OUT", "reason", "缺少联合体协议")).bearerAuth(admin));
        assertEquals("bid-wrong-status", type(problem(HttpRequest.POST("/api/bids/" + outBid + "/screening",
                Map.of("decision", "SCREENED_IN", "reason", "改判")), admin, 409)));
        assertEquals(1, bidEvents(challengeId, "screening.completed.v1"));
        assertTrue(Sql.query(db, "SELECT payload FROM outbox_message WHERE message_key = '" + challengeId
                + "' AND event_type = 'screening.completed.v1'").contains("\"screenedIn\":1,\"screenedOut\":2"));
        assertEquals(3, bidEvents(challengeId, "bid.screened.v1"));
        Map<String, Object> outView = http.toBlocking().retrieve(HttpRequest.GET("/api/bids/" + outBid).bearerAuth(outTeam), JSON);
        assertEquals("SCREENED_OUT", outView.get("status"));
        assertEquals("缺少联合体协议", outView.get("screeningReason"), "the team sees its result and reason");
    }

    // ---- attachments ----------------------------------------------------------------------------------

    @Test
    void attachmentsAreCheckedStoredWithTheirHashAndCoveredByTheReceipt() {
        String challengeId = openChallenge();
        String team = newTeam();
        byte[] pdf = "%PDF-1.7\n光刻胶技术方案 𠀀\n%%EOF".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Map<String, Object> uploaded = upload(team, challengeId, "技术方案.pdf", pdf);
        assertEquals("application/pdf", uploaded.get("contentType"));
        assertEquals(pdf.length, ((Number) uploaded.get("sizeBytes")).intValue());
        assertEquals(sha256(pdf), uploaded.get("sha256"));

        Map<String, Object> tooLarge = problemOf(() -> upload(team, challengeId, "big.pdf", pdfOf(5000)), 413);
        assertEquals("attachment-too-large", type(tooLarge));
        assertEquals("attachment-type-not-accepted", type(problemOf(() -> upload(team, challengeId, "x.exe",
                "MZ not a document".getBytes(java.nio.charset.StandardCharsets.UTF_8)), 422)));
        assertEquals(1, Sql.count(db, "SELECT COUNT(*) FROM attachment WHERE challenge_id = '" + challengeId + "'"));

        String attachmentId = (String) uploaded.get("id");
        String withFile = (String) submit(team, challengeId, BidBody.aBid().with("attachmentIds", List.of(attachmentId))
                .build()).get("contentHash");
        Map<String, Object> bid = http.toBlocking().retrieve(HttpRequest.GET("/api/bids?size=1").bearerAuth(team), JSON);
        Map<?, ?> first = (Map<?, ?>) ((List<?>) bid.get("items")).get(0);
        assertEquals(withFile, first.get("contentHash"));
        assertEquals(sha256(pdf), ((Map<?, ?>) ((List<?>) first.get("attachments")).get(0)).get("sha256"));
        byte[] downloaded = http.toBlocking().retrieve(HttpRequest.GET("/api/attachments/" + attachmentId).bearerAuth(team),
                byte[].class);
        assertEquals(sha256(pdf), sha256(downloaded));
        assertEquals(404, problemStatus(HttpRequest.GET("/api/attachments/" + attachmentId), newTeam()));
        assertEquals("invalid-bid", type(problem(post(challengeId, BidBody.aBid().with("attachmentIds", List.of(attachmentId))),
                newTeam(), 422)), "another team cannot attach it");
    }

    private Map<String, Object> upload(String token, String challengeId, String name, byte[] bytes) {
        MultipartBody body = MultipartBody.builder().addPart("file", name, MediaType.APPLICATION_OCTET_STREAM_TYPE, bytes).build();
        return http.toBlocking().retrieve(HttpRequest.POST("/api/challenges/" + challengeId + "/attachments", body)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(token), JSON);
    }

    private static Map<String, Object> problemOf(Runnable call, int status) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, call::run);
        assertEquals(status, e.code(), e.getResponse().getBody(String.class).orElse(""));
        return e.getResponse().getBody(JSON).orElseThrow();
    }

    private static byte[] pdfOf(int size) {
        byte[] bytes = new byte[size];
        System.arraycopy("%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, bytes, 0, 5);
        return bytes;
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anUnknownBidIsA404Problem() {
        assertEquals("bid-not-found", type(problem(HttpRequest.GET("/api/bids/" + UUID.randomUUID()), newTeam(), 404)));
    }
}
