package cn.jiebang.challenge;

import cn.jiebang.devstack.Devstack;
import cn.jiebang.devstack.TopicRecorder;
import cn.jiebang.events.ScreeningCompleted;
import cn.jiebang.events.ScreeningStarted;
import cn.jiebang.events.Topics;
import cn.jiebang.messaging.CloudEventHeaders;
import cn.jiebang.testing.ConsumerGroups;
import cn.jiebang.testing.Events;
import cn.jiebang.testing.Sql;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 需求凝练 to 流榜 or round 1: composing, publishing, screening outcomes, the judge panel and the first round. */
class ChallengeLifecycleIT extends ChallengeServiceIT {

    private static final String RARE = "𠀀𪚥😀🚀";

    @Inject
    ApplicationContext context;

    private String admin;
    private Api.Agency agency;

    @Override
    protected Map<String, String> properties() {
        return Map.of("jiebang.timed-transitions.interval", "200ms");
    }

    private void signIn() {
        if (admin == null) {
            admin = api.adminToken();
            agency = api.newAgency(admin, "北京市经济和信息化局");
        }
    }

    private ChallengeBody openCompetition() {
        signIn();
        return ChallengeBody.anOpenCompetition(agency.organizationId(),
                api.approvedRequirement(admin, agency, "需求 " + UUID.randomUUID()));
    }

    private String create(ChallengeBody body) {
        return (String) api.post(admin, "/api/challenges", body.build()).get("id");
    }

    private Map<String, Object> problem(HttpRequest<?> request, String token, int status) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(Api.auth((io.micronaut.http.MutableHttpRequest<?>) request, token)));
        assertEquals(status, e.code(), e.getResponse().getBody(String.class).orElse(""));
        return e.getResponse().getBody(Api.JSON).orElseThrow();
    }

    private static List<Object> fields(Map<String, Object> problem) {
        return ((List<?>) problem.get("errors")).stream().<Object>map(e -> ((Map<?, ?>) e).get("field")).toList();
    }

    @Test
    void onlyApprovedRequirementsOfAnActiveOwnerMakeAChallengeAndEachFaultIsNamed() {
        signIn();
        String submitted = (String) api.post(agency.token(), "/api/requirements", RequirementsIT.requirement("待审")).get("id");
        api.post(agency.token(), "/api/requirements/" + submitted + "/submit", "");
        long before = Sql.count(db, "SELECT COUNT(*) FROM challenge");

        Map<String, Object> refused = problem(HttpRequest.POST("/api/challenges", openCompetition()
                .with("ownerOrganizationId", UUID.randomUUID().toString())
                .with("requirementIds", List.of(submitted, UUID.randomUUID().toString()))
                .round(0, "criteria", List.of(Map.of("code", "TECH", "name", "技术", "weight", 70, "maxScore", 10)))
                .build()), admin, 422);
        assertEquals("https://jiebang.cn/problems/invalid-challenge", refused.get("type"));
        assertEquals(List.of("rounds[0].criteria", "ownerOrganizationId", "requirementIds[0]", "requirementIds[1]"),
                fields(refused));
        assertEquals(before, Sql.count(db, "SELECT COUNT(*) FROM challenge"));
        assertEquals(0, Sql.count(db, "SELECT COUNT(*) FROM challenge_round WHERE challenge_id NOT IN (SELECT id FROM challenge)"));
    }

    @Test
    void aHorseRaceWithOneRoundOrTranchesAboveTheBudgetIsRefusedPerField() {
        signIn();
        String requirement = api.approvedRequirement(admin, agency, "赛马");
        Map<String, Object> oneRound = problem(HttpRequest.POST("/api/challenges",
                ChallengeBody.aHorseRace(agency.organizationId(), requirement).withoutRoundsAfter(1)
                        .round(0, "advancement", Map.of("rule", "TOP_N", "value", 1)).build()), admin, 422);
        assertEquals(List.of("rounds"), fields(oneRound));

        Map<String, Object> overBudget = problem(HttpRequest.POST("/api/challenges",
                ChallengeBody.aHorseRace(agency.organizationId(), requirement).with("totalBudget", "1000000.00")
                        .round(1, "tranchePerTeam", "300000.00").build()), admin, 422);
        assertEquals(List.of("rounds[1].tranchePerTeam"), fields(overBudget));

        Map<String, Object> closed = problem(HttpRequest.POST("/api/challenges",
                ChallengeBody.aHorseRace(agency.organizationId(), requirement)
                        .window(Instant.now().minus(9, ChronoUnit.DAYS), Instant.now().minus(1, ChronoUnit.DAYS)).build()),
                admin, 422);
        assertEquals(List.of("bidClosesAt"), fields(closed));
        Map<String, Object> malformed = problem(HttpRequest.POST("/api/challenges",
                ChallengeBody.aHorseRace(agency.organizationId(), requirement).with("mode", "LOTTERY").build()), admin, 400);
        assertEquals(List.of(Map.of("field", "mode", "message", "must be one of OPEN_COMPETITION, HORSE_RACE")),
                malformed.get("errors"), malformed.toString());
    }

    @Test
    void publishingCarriesTheFullDefinitionAndPublishesTheRequirementsAndADraftIsRedefinedOnlyBeforeThat() {
        signIn();
        String requirement = api.approvedRequirement(admin, agency, "完整定义");
        String id = create(ChallengeBody.aHorseRace(agency.organizationId(), requirement));
        Map<String, Object> redefined = api.put(admin, "/api/challenges/" + id, ChallengeBody.aHorseRace(
                agency.organizationId(), requirement).with("title", "重新定义的赛马 " + id).withoutRoundsAfter(2)
                .round(1, "advancement", Map.of("rule", "TOP_N", "value", 1)).build());
        assertEquals(2, ((List<?>) redefined.get("rounds")).size());
        assertEquals(2, Sql.count(db, "SELECT COUNT(*) FROM challenge_round WHERE challenge_id = '" + id + "'"));

        try (TopicRecorder events = new TopicRecorder(Devstack.kafkaBootstrapServers(), Topics.CHALLENGE_EVENTS,
                r -> id.equals(r.key()))) {
            api.post(admin, "/api/challenges/" + id + "/publish", "");
            await().atMost(Duration.ofSeconds(60)).until(() -> events.all().size() == 1);
            String published = events.all().get(0).value();
            for (String expected : List.of("\"mode\":\"HORSE_RACE\"", "\"requirementIds\":[\"" + requirement + "\"]",
                    "\"ownerOrganizationId\":\"" + agency.organizationId() + "\"", "\"maxConsortiumMembers\":4",
                    "\"index\":2", "\"weight\":60", "\"advancement\":{\"rule\":\"TOP_N\",\"value\":1,\"maxTeams\":1}",
                    "\"allowedRegions\":[\"BEIJING\",\"HEBEI\",\"TIANJIN\"]", "重新定义的赛马")) {
                assertTrue(published.contains(expected), expected + " in " + published);
            }
        }
        assertEquals("PUBLISHED", api.get(agency.token(), "/api/requirements/" + requirement).get("status"));
        assertEquals(409, api.status(HttpRequest.PUT("/api/challenges/" + id, ChallengeBody.aHorseRace(
                agency.organizationId(), requirement).build()), admin), "after publishing, only amendments");
        String again = create(ChallengeBody.anOpenCompetition(agency.organizationId(), requirement));
        assertEquals("DRAFT", api.get(admin, "/api/challenges/" + again).get("status"),
                "a published requirement may feed a further challenge");
    }

    @Test
    void theDeadlineIsNotExtendedIntoRoundOne() {
        String id = create(openCompetition());
        api.post(admin, "/api/challenges/" + id + "/publish", "");
        Map<String, Object> challenge = api.get(null, "/api/challenges/" + id);
        Instant roundOpens = Instant.parse((String) ((Map<?, ?>) ((List<?>) challenge.get("rounds")).get(0)).get("opensAt"));
        Map<String, Object> refused = problem(HttpRequest.POST("/api/challenges/" + id + "/amendments", Map.of(
                "kind", "DEADLINE_EXTENSION", "bidClosesAt", roundOpens.plusSeconds(1).toString(), "text", "延期")), admin, 422);
        assertEquals(List.of("bidClosesAt"), fields(refused));
        assertEquals(0, Sql.count(db, "SELECT COUNT(*) FROM challenge_amendment WHERE challenge_id = '" + id + "'"));
    }

    /** Published, closing two seconds from now; returns the id once bidding has closed. */
    private String closedForBidding(ChallengeBody body) {
        Instant closes = Instant.now().plus(2, ChronoUnit.SECONDS);
        String id = create(body.window(Instant.now().minus(1, ChronoUnit.DAYS), closes));
        api.post(admin, "/api/challenges/" + id + "/publish", "");
        assertNull(api.get(null, "/api/challenges/" + id).get("bidCount"), "sealed while bidding is open");
        await().atMost(Duration.ofSeconds(30)).until(() -> "SCREENING".equals(api.get(null, "/api/challenges/" + id).get("status")));
        return id;
    }

    @Test
    void aWindowClosingWithoutBidsFailsOnceEvenWhenTheCountArrivesTwice() {
        String id = closedForBidding(openCompetition());
        try (TopicRecorder events = new TopicRecorder(Devstack.kafkaBootstrapServers(), Topics.CHALLENGE_EVENTS,
                r -> id.equals(r.key()) && "challenge.failed.v1".equals(TopicRecorder.header(r, CloudEventHeaders.TYPE)))) {
            String eventId = Events.deliver(new ScreeningStarted(id, "t", "o", 0, Instant.now()));
            Events.deliver(eventId, new ScreeningStarted(id, "t", "o", 0, Instant.now()));
            await().atMost(Duration.ofSeconds(60)).until(() -> events.all().size() == 1);
            assertTrue(events.all().get(0).value().contains("\"reason\":\"NO_BIDS\""));
            Map<String, Object> failed = api.get(null, "/api/challenges/" + id);
            assertEquals("FAILED", failed.get("status"));
            assertEquals(0, failed.get("bidCount"));
            assertTrue(failed.get("timeline").toString().contains("event=FAILED"), failed.get("timeline").toString());
            await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
            assertEquals(1, Sql.count(db, "SELECT COUNT(*) FROM outbox_message WHERE event_type = 'challenge.failed.v1'"
                    + " AND message_key = '" + id + "'"));
        }
        assertEquals(409, api.status(HttpRequest.POST("/api/challenges/" + id + "/cancel", Map.of("reason", "x")), admin));
    }

    @Test
    void screeningThatLeavesNoBidInFails() {
        String id = closedForBidding(openCompetition());
        Events.deliver(new ScreeningStarted(id, "t", "o", 2, Instant.now()));
        Events.deliver(new ScreeningCompleted(id, 0, 2, Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> "FAILED".equals(api.get(null, "/api/challenges/" + id).get("status")));
        Map<String, Object> failed = api.get(null, "/api/challenges/" + id);
        assertEquals("NONE_SCREENED_IN", failed.get("failureReason"));
        assertEquals(2, failed.get("bidCount"));
        assertEquals(409, api.status(HttpRequest.POST("/api/challenges/" + id + "/rounds/1/open", ""), admin));
    }

    @Test
    void roundOneOpensWithItsPanelOnlyAfterScreeningAndOnlyOnce() {
        String id = closedForBidding(openCompetition());
        String judge = api.newJudge(admin);
        String secondJudge = api.newJudge(admin);
        Events.deliver(new ScreeningStarted(id, "t", "o", 3, Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> Integer.valueOf(3).equals(api.get(null, "/api/challenges/" + id).get("bidCount")));
        assertEquals("screening-not-complete", code(problem(HttpRequest.POST("/api/challenges/" + id + "/rounds/1/open", ""), admin, 409)));

        Events.deliver(new ScreeningCompleted(id, 2, 1, Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> Integer.valueOf(2).equals(api.get(null, "/api/challenges/" + id).get("screenedIn")));
        assertEquals("panel-not-named", code(problem(HttpRequest.POST("/api/challenges/" + id + "/rounds/1/open", ""), admin, 409)));
        assertEquals(List.of("judgeIds[1]"), fields(problem(HttpRequest.PUT("/api/challenges/" + id + "/rounds/1/panel",
                Map.of("judgeIds", List.of(judge, agency.userId()))), admin, 422)), "an agency user is no judge");
        assertEquals(List.of("judgeIds"), fields(problem(HttpRequest.PUT("/api/challenges/" + id + "/rounds/1/panel",
                Map.of("judgeIds", List.of(judge))), admin, 422)), "the round needs two judges per bid");
        assertEquals(404, api.status(HttpRequest.PUT("/api/challenges/" + id + "/rounds/9/panel",
                Map.of("judgeIds", List.of(judge, secondJudge))), admin));
        api.put(admin, "/api/challenges/" + id + "/rounds/1/panel", Map.of("judgeIds", List.of(judge, secondJudge)));

        try (TopicRecorder events = new TopicRecorder(Devstack.kafkaBootstrapServers(), Topics.CHALLENGE_EVENTS,
                r -> id.equals(r.key()) && "round.opened.v1".equals(TopicRecorder.header(r, CloudEventHeaders.TYPE)))) {
            Map<String, Object> round = api.post(admin, "/api/challenges/" + id + "/rounds/1/open", "");
            assertEquals("OPEN", round.get("status"));
            assertEquals(409, api.status(HttpRequest.POST("/api/challenges/" + id + "/rounds/1/open", ""), admin));
            assertEquals(409, api.status(HttpRequest.PUT("/api/challenges/" + id + "/rounds/1/panel",
                    Map.of("judgeIds", List.of(judge, secondJudge))), admin), "an open round keeps its panel");
            await().atMost(Duration.ofSeconds(60)).until(() -> events.all().size() == 1);
            assertTrue(events.all().get(0).value().contains(judge) && events.all().get(0).value().contains(secondJudge));
        }
        Map<String, Object> inEvaluation = api.get(null, "/api/challenges/" + id);
        assertEquals("IN_EVALUATION", inEvaluation.get("status"));
        Map<?, ?> publicRound = (Map<?, ?>) ((List<?>) inEvaluation.get("rounds")).get(0);
        assertNull(publicRound.get("judgeIds"), "the public does not see the panel");
        assertTrue(inEvaluation.get("timeline").toString().contains("ROUND_OPENED"));
        Map<?, ?> adminRound = (Map<?, ?>) ((List<?>) api.get(admin, "/api/challenges/" + id).get("rounds")).get(0);
        assertEquals(List.of(judge, secondJudge), adminRound.get("judgeIds"));
    }

    private static String code(Map<String, Object> problem) {
        String type = (String) problem.get("type");
        return type.substring(type.lastIndexOf('/') + 1);
    }

    @Test
    void chineseAndRareCharactersSurviveEveryFieldThroughApiDatabaseAndEvent() {
        String text = "揭榜挂帅 " + RARE + " 𠮷野家";
        ChallengeBody body = openCompetition().with("title", "标题 " + text).with("problemStatement", "问题 " + text)
                .with("ipTerms", "知识产权 " + text)
                .with("indicators", List.of(Map.of("name", "指标 " + text, "targetValue", "1.5", "unit", "µm " + RARE,
                        "direction", "AT_LEAST", "testMethod", "方法 " + text)))
                .round(0, "name", "轮次 " + RARE)
                .round(0, "criteria", List.of(Map.of("code", "TECH", "name", "准则 " + text, "weight", 100, "maxScore", 10)));
        String id = create(body);
        try (TopicRecorder events = new TopicRecorder(Devstack.kafkaBootstrapServers(), Topics.CHALLENGE_EVENTS,
                r -> id.equals(r.key()))) {
            api.post(admin, "/api/challenges/" + id + "/publish", "");
            Map<String, Object> read = api.get(null, "/api/challenges/" + id);
            assertEquals("标题 " + text, read.get("title"));
            assertEquals("问题 " + text, read.get("problemStatement"));
            assertEquals("知识产权 " + text, read.get("ipTerms"));
            Map<?, ?> indicator = (Map<?, ?>) ((List<?>) read.get("indicators")).get(0);
            assertEquals("指标 " + text, indicator.get("name"));
            assertEquals("µm " + RARE, indicator.get("unit"));
            assertEquals("方法 " + text, indicator.get("testMethod"));
            Map<?, ?> round = (Map<?, ?>) ((List<?>) read.get("rounds")).get(0);
            assertEquals("轮次 " + RARE, round.get("name"));
            assertEquals("准则 " + text, ((Map<?, ?>) ((List<?>) round.get("criteria")).get(0)).get("name"));
            assertEquals("标题 " + text, Sql.query(db, "SELECT title FROM challenge WHERE id = '" + id + "'"));
            assertEquals("轮次 " + RARE, Sql.query(db, "SELECT name FROM challenge_round WHERE challenge_id = '" + id + "'"));
            assertEquals(List.of(id), ids(null, "q=" + enc(RARE)), "found by its rare characters");
            await().atMost(Duration.ofSeconds(60)).until(() -> events.all().size() == 1);
            for (String expected : List.of("标题 " + text, "问题 " + text, "知识产权 " + text, "指标 " + text,
                    "方法 " + text, "轮次 " + RARE, "准则 " + text)) {
                assertTrue(events.all().get(0).value().contains(expected), expected);
            }
        }
    }

    @Test
    void theBoardFiltersByRegionModeAndOwnerAndAnAgencySeesItsOwnDrafts() {
        signIn();
        String marker = "赛马榜" + UUID.randomUUID().toString().substring(0, 6);
        Api.Agency other = api.newAgency(admin, "天津市科学技术局");
        String requirement = api.approvedRequirement(admin, agency, "榜单筛选");
        String horseRace = create(ChallengeBody.aHorseRace(agency.organizationId(), requirement).with("title", marker + " 赛马")
                .with("region", "HEBEI"));
        String open = create(ChallengeBody.anOpenCompetition(other.organizationId(), requirement).with("title", marker + " 揭榜"));
        String draft = create(ChallengeBody.anOpenCompetition(agency.organizationId(), requirement).with("title", marker + " 草稿"));
        api.post(admin, "/api/challenges/" + horseRace + "/publish", "");
        api.post(admin, "/api/challenges/" + open + "/publish", "");

        String q = "q=" + enc(marker);
        assertEquals(List.of(open, horseRace), ids(null, q));
        assertEquals(List.of(horseRace), ids(null, q + "&region=HEBEI"));
        assertEquals(List.of(open), ids(null, q + "&mode=OPEN_COMPETITION"));
        assertEquals(List.of(horseRace), ids(null, q + "&mode=HORSE_RACE&region=HEBEI"));
        assertEquals(List.of(open), ids(null, q + "&owner=" + other.organizationId()));
        assertEquals(List.of(draft, open, horseRace), ids(agency.token(), q), "its own draft too");
        assertEquals(List.of(open, horseRace), ids(other.token(), q), "not another agency's draft");
        assertEquals(200, api.status(HttpRequest.GET("/api/challenges/" + draft), agency.token()));
        assertEquals(404, api.status(HttpRequest.GET("/api/challenges/" + draft), other.token()));
        assertEquals(400, api.status(HttpRequest.GET("/api/challenges?mode=LOTTERY"), null));
    }

    private List<Object> ids(String token, String query) {
        Map<String, Object> page = api.get(token, "/api/challenges?size=100&" + query);
        return ((List<?>) page.get("items")).stream().<Object>map(item -> ((Map<?, ?>) item).get("id")).toList();
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void itsConsumerIsAStaticMemberOfItsGroupUnderThisInstancesId() {
        String instanceId = context.getRequiredProperty("jiebang.kafka.instance-id", String.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> ConsumerGroups.staticMembers("challenge-service").contains(instanceId));
    }
}
