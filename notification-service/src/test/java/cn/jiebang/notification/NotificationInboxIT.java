package cn.jiebang.notification;

import cn.jiebang.devstack.TestTokens;
import cn.jiebang.testing.Published;
import cn.jiebang.testing.Events;
import cn.jiebang.testing.Sql;
import cn.jiebang.events.BidScreened;
import cn.jiebang.events.RequirementSubmitted;
import cn.jiebang.events.ScreeningCompleted;
import cn.jiebang.events.RoundOpened;
import cn.jiebang.events.ChallengeFailed;
import cn.jiebang.events.ChallengeBiddingClosed;
import cn.jiebang.events.BidSubmitted;
import cn.jiebang.events.ChallengeAmended;
import cn.jiebang.events.ChallengeCancelled;
import cn.jiebang.events.ChallengePublished;
import cn.jiebang.events.RequirementReviewed;
import cn.jiebang.events.ScreeningStarted;
import cn.jiebang.events.UserRegistered;
import cn.jiebang.testing.ConsumerGroups;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NotificationInboxIT extends NotificationServiceIT {

    private static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);

    @Inject
    ApplicationContext context;

    @Override
    protected Map<String, String> properties() {
        // the inbox alone: e-mail and webhook deliveries are NotificationChannelsIT's
        return Map.of("jiebang.deliveries.enabled", "false");
    }

    private String follower(String field, String region) {
        String token = TestTokens.shared().token(UUID.randomUUID().toString(), "team-org", "TEAM");
        http.toBlocking().exchange(HttpRequest.PUT("/api/subscriptions", Map.of("fields", field == null ? List.of()
                : List.of(field), "regions", region == null ? List.of() : List.of(region))).bearerAuth(token));
        return token;
    }

    @Test
    void aPublishedChallengeIsAnnouncedOnceToTheTeamsFollowingItsFieldOrRegion() {
        String fieldFollower = follower("NEW_ENERGY", null);
        String regionFollower = follower(null, "BEIJING");
        String bystander = follower("AEROSPACE", "HEBEI");
        String challengeId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        ChallengePublished event = Published.challenge(challengeId, "新能源储能 🔋 " + challengeId,
                "NEW_ENERGY", new BigDecimal("8000000.00"), Instant.parse("2026-12-01T00:00:00Z"),
                Instant.parse("2027-01-31T09:00:00Z"));
        deliver(eventId, event);
        deliver(eventId, event);

        List<Map<String, Object>> mine = await().atMost(Duration.ofSeconds(60)).until(() -> items(fieldFollower).stream()
                .filter(n -> ((String) n.get("title")).contains(challengeId)).toList(), list -> !list.isEmpty());
        await().pollDelay(Duration.ofMillis(500)).until(() -> true);
        mine = items(fieldFollower).stream().filter(n -> ((String) n.get("title")).contains(challengeId)).toList();
        assertEquals(1, mine.size(), "one notification per event and recipient");
        Map<String, Object> n = mine.get(0);
        assertEquals("CHALLENGE_PUBLISHED", n.get("kind"));
        assertEquals("/api/challenges/" + challengeId, n.get("link"));
        assertTrue(((String) n.get("body")).contains("8000000.00"));
        assertTrue(((String) n.get("body")).contains("2027-01-31 17:00:00 北京时间 (UTC+8)"), "deadline shown in Beijing time");
        assertFalse((Boolean) n.get("read"));
        assertEquals(1, items(regionFollower).stream().filter(x -> ((String) x.get("title")).contains(challengeId)).count(),
                "the challenge's region is BEIJING");
        assertTrue(items(bystander).stream().noneMatch(x -> ((String) x.get("title")).contains(challengeId)));
        assertEquals(1, Sql.count(db, "SELECT COUNT(*) FROM notification WHERE source_event_id = '" + eventId
                + "' AND recipient IN (SELECT user_id FROM subscription WHERE value = 'NEW_ENERGY')"
                + " AND title LIKE '%" + challengeId + "'"));
    }

    @Test
    void aNotificationIsMarkedReadByItsRecipientOnly() {
        String reader = follower("OTHER", null);
        String challengeId = UUID.randomUUID().toString();
        Events.deliver(Published.challenge(challengeId, "已读 " + challengeId, "OTHER", BigDecimal.ONE,
                Instant.now(), Instant.now().plus(9, java.time.temporal.ChronoUnit.DAYS)));
        Map<String, Object> n = await().atMost(Duration.ofSeconds(60)).until(() -> items(reader).stream()
                .filter(x -> ((String) x.get("title")).contains(challengeId)).findFirst().orElse(null), x -> x != null);
        long unread = ((Number) http.toBlocking().retrieve(HttpRequest.GET("/api/notifications").bearerAuth(reader), JSON)
                .get("unread")).longValue();
        assertEquals(404, status(HttpRequest.POST("/api/notifications/" + n.get("id") + "/read", ""), token()));
        Map<String, Object> read = http.toBlocking().retrieve(HttpRequest.POST("/api/notifications/" + n.get("id") + "/read", "")
                .bearerAuth(reader), JSON);
        assertEquals(true, read.get("read"));
        assertEquals(unread - 1, ((Number) http.toBlocking().retrieve(HttpRequest.GET("/api/notifications")
                .bearerAuth(reader), JSON).get("unread")).longValue());
        http.toBlocking().exchange(HttpRequest.POST("/api/notifications/read", "").bearerAuth(reader));
        assertEquals(0, ((Number) http.toBlocking().retrieve(HttpRequest.GET("/api/notifications?unread=true")
                .bearerAuth(reader), JSON).get("unread")).longValue());
    }

    private int status(io.micronaut.http.MutableHttpRequest<?> request, String token) {
        try {
            return http.toBlocking().exchange(request.bearerAuth(token)).code();
        } catch (HttpClientResponseException e) {
            return e.code();
        }
    }

    @Test
    void theSubmitterAloneHearsOfItsRequirementsReviewInItsLanguage() {
        String submitter = UUID.randomUUID().toString();
        String colleague = UUID.randomUUID().toString();
        Events.deliver(new UserRegistered(submitter, "agency-org", "Liu Yang", "liu@example.cn", List.of("AGENCY"),
                List.of(), "en", Instant.now()));
        // the two events travel on different topics: let the account arrive first, as it does in life
        await().atMost(Duration.ofSeconds(60)).until(() ->
                "en".equals(Sql.query(db, "SELECT language FROM recipient WHERE user_id = '" + submitter + "'")));
        String requirement = UUID.randomUUID().toString();
        Events.deliver(new RequirementReviewed(requirement, "agency-org", submitter, "车规级MCU", "RETURNED",
                "请补充ASIL等级目标", "admin", Instant.now()));

        String mine = TestTokens.shared().token(submitter, "agency-org", "AGENCY");
        List<Map<String, Object>> seen = await().atMost(Duration.ofSeconds(60)).until(() -> items(mine).stream()
                .filter(n -> ("/api/requirements/" + requirement).equals(n.get("link"))).toList(), list -> list.size() == 1);
        assertEquals("REQUIREMENT_REVIEWED", seen.get(0).get("kind"));
        assertEquals("Your requirement \"车规级MCU\" was returned for revision", seen.get(0).get("title"));
        assertTrue(((String) seen.get(0).get("body")).contains("请补充ASIL等级目标"));
        String theirs = TestTokens.shared().token(colleague, "agency-org", "AGENCY");
        assertTrue(items(theirs).stream().noneMatch(n -> ("/api/requirements/" + requirement).equals(n.get("link"))),
                "another user of the same organization is not told");
    }

    @Test
    void aTeamGetsItsReceiptOnceAndItsScreeningReasonAndTheOwnerAgencyTheBidCount() {
        String org = UUID.randomUUID().toString();
        String submitter = UUID.randomUUID().toString();
        String agencyUser = UUID.randomUUID().toString();
        String teamOfAgency = UUID.randomUUID().toString();
        Events.deliver(new UserRegistered(submitter, "team-org", "王建国", "wang@example.cn", List.of("TEAM"), List.of(), "zh",
                Instant.now()));
        Events.deliver(new UserRegistered(agencyUser, org, "Liu Yang", "liu@example.cn", List.of("AGENCY"), List.of(), "en",
                Instant.now()));
        Events.deliver(new UserRegistered(teamOfAgency, org, "张三", "zhang@example.cn", List.of("TEAM"), List.of(), "zh",
                Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> Sql.count(db, "SELECT COUNT(*) FROM recipient WHERE user_id IN ('"
                + submitter + "','" + agencyUser + "','" + teamOfAgency + "')") == 3);
        String challenge = UUID.randomUUID().toString();
        String bid = UUID.randomUUID().toString();
        BidSubmitted submitted = new BidSubmitted(challenge, "光刻胶 𠀀", bid, 1, "team-org", List.of(), submitter,
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", Instant.now());
        String eventId = Events.deliver(submitted);
        Events.deliver(eventId, submitted);
        Events.deliver(new BidScreened(challenge, "光刻胶 𠀀", bid, "team-org", submitter, "SCREENED_OUT", "缺少联合体协议",
                false, "admin", Instant.now()));
        Events.deliver(new ScreeningStarted(challenge, "光刻胶 𠀀", org, 7, Instant.now()));

        String team = TestTokens.shared().token(submitter, "team-org", "TEAM");
        List<Map<String, Object>> told = await().atMost(Duration.ofSeconds(60)).until(() -> items(team).stream()
                .filter(n -> ("/api/bids/" + bid).equals(n.get("link"))).toList(), list -> list.size() == 2);
        assertEquals(1, told.stream().filter(n -> "BID_RECEIPT".equals(n.get("kind"))).count(), "one receipt");
        assertTrue(told.stream().anyMatch(n -> "BID_RECEIPT".equals(n.get("kind"))
                && ((String) n.get("body")).equals("服务器接收时间 " + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                        .withZone(ZoneId.of("Asia/Shanghai")).format(submitted.submittedAt()) + " 北京时间 (UTC+8)；内容 SHA-256："
                        + submitted.contentHash())), told.toString());
        assertTrue(told.stream().anyMatch(n -> "BID_SCREENED".equals(n.get("kind"))
                && ((String) n.get("title")).contains("未通过") && ((String) n.get("body")).contains("缺少联合体协议")));

        String agency = TestTokens.shared().token(agencyUser, org, "AGENCY");
        Map<String, Object> count = await().atMost(Duration.ofSeconds(60)).until(() -> items(agency).stream()
                .filter(n -> "BIDS_RECEIVED".equals(n.get("kind"))).findFirst().orElse(null), n -> n != null);
        assertEquals("Bidding on \"光刻胶 𠀀\" closed with 7 bids", count.get("title"));
        String other = TestTokens.shared().token(teamOfAgency, org, "TEAM");
        assertTrue(items(other).stream().noneMatch(n -> "BIDS_RECEIVED".equals(n.get("kind"))),
                "only the agency's AGENCY users hear the count");
    }

    @Test
    void followersAndBiddersHearOfAnExtendedDeadlineAndACancellation() {
        String follower = follower("AEROSPACE", null);
        String bidderId = UUID.randomUUID().toString();
        String bidder = TestTokens.shared().token(bidderId, "team-org", "TEAM");
        String id = UUID.randomUUID().toString();
        Events.deliver(Published.challenge(id, "量子传感", "AEROSPACE", BigDecimal.TEN, Instant.parse("2026-12-01T00:00:00Z"),
                Instant.parse("2027-01-31T09:00:00Z")));
        Events.deliver(new BidSubmitted(id, "量子传感", UUID.randomUUID().toString(), 1, "team-org", List.of(), bidderId,
                "0".repeat(64), Instant.now()));
        Events.deliver(new ChallengeAmended(id, "量子传感", "DEADLINE_EXTENDED", "应申请延期",
                Instant.parse("2027-01-31T09:00:00Z"), Instant.parse("2027-02-14T09:00:00Z"), Instant.now()));
        Events.deliver(new ChallengeCancelled(id, "量子传感", "需求方撤回", Instant.now()));
        for (String token : List.of(follower, bidder)) {
            List<Map<String, Object>> told = await().atMost(Duration.ofSeconds(60)).until(() -> items(token).stream()
                    .filter(n -> ("/api/challenges/" + id).equals(n.get("link")))
                    .filter(n -> !"CHALLENGE_PUBLISHED".equals(n.get("kind"))).toList(), list -> list.size() == 2);
            assertTrue(told.stream().anyMatch(n -> "CHALLENGE_AMENDED".equals(n.get("kind"))
                    && ((String) n.get("body")).contains("2027-02-14 17:00:00 北京时间 (UTC+8)")), told.toString());
            assertTrue(told.stream().anyMatch(n -> "CHALLENGE_CANCELLED".equals(n.get("kind"))
                    && "需求方撤回".equals(n.get("body"))), told.toString());
        }
        assertTrue(items(token()).stream().noneMatch(n -> ("/api/challenges/" + id).equals(n.get("link"))),
                "nobody else is told");
    }

    private String registered(String organization, String role) {
        String id = UUID.randomUUID().toString();
        Events.deliver(new UserRegistered(id, organization, role.toLowerCase(), "", List.of(role), List.of(), "zh",
                Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                Sql.count(db, "SELECT COUNT(*) FROM recipient WHERE user_id = '" + id + "'") == 1);
        return id;
    }

    private List<Object> kindsFor(String userId, String organization, String role, String link) {
        return items(TestTokens.shared().token(userId, organization, role)).stream()
                .filter(n -> link.equals(n.get("link"))).map(n -> n.get("kind")).sorted().toList();
    }

    @Test
    void closingFailureRoundOpeningAndScreeningReachBiddersTheOwnerAgencyJudgesAndTheProgramOffice() {
        String owner = UUID.randomUUID().toString();
        String agencyUser = registered(owner, "AGENCY");
        String teamOfOwner = registered(owner, "TEAM");
        String judge = registered(UUID.randomUUID().toString(), "JUDGE");
        String otherJudge = registered(UUID.randomUUID().toString(), "JUDGE");
        String office = registered("program-office", "ADMIN");
        String bidderId = UUID.randomUUID().toString();
        String id = UUID.randomUUID().toString();
        ChallengePublished p = Published.challenge(id, "固态电池", "NEW_ENERGY", BigDecimal.TEN, Instant.now(),
                Instant.now().plus(1, java.time.temporal.ChronoUnit.DAYS));
        Events.deliver(new ChallengePublished(p.challengeId(), p.title(), p.problemStatement(), p.technologyField(),
                p.totalBudget(), p.bidOpensAt(), p.bidClosesAt(), p.publishedAt(), owner, p.region(), p.mode(), p.winners(),
                p.requirementIds(), p.indicators(), p.eligibility(), p.ipTerms(), p.rounds()));
        Events.deliver(new BidSubmitted(id, "固态电池", UUID.randomUUID().toString(), 1, "team-org", List.of(), bidderId,
                "0".repeat(64), Instant.now()));
        Events.deliver(new ChallengeBiddingClosed(id, "固态电池", p.bidClosesAt(), Instant.now()));
        Events.deliver(new ScreeningCompleted(id, 1, 0, Instant.now()));
        Events.deliver(new RoundOpened(id, 1, "方案评审", "PROPOSAL_REVIEW", Instant.now().plus(9, java.time.temporal.ChronoUnit.DAYS),
                List.of(judge), 1, true, Instant.now(), List.of(), List.of()));
        Events.deliver(new ChallengeFailed(id, "固态电池", owner, "NONE_SCREENED_IN", Instant.now()));
        String requirement = UUID.randomUUID().toString();
        Events.deliver(new RequirementSubmitted(requirement, owner, agencyUser, "钠离子电池", "COMMON_KEY", "NEW_ENERGY",
                "HEBEI", BigDecimal.TEN, Instant.now()));

        String link = "/api/challenges/" + id;
        await().atMost(Duration.ofSeconds(60)).until(() -> kindsFor(agencyUser, owner, "AGENCY", link).size() == 2);
        assertEquals(List.of("CHALLENGE_FAILED", "SCREENING_COMPLETED"), kindsFor(agencyUser, owner, "AGENCY", link));
        await().atMost(Duration.ofSeconds(60)).until(() -> kindsFor(bidderId, "team-org", "TEAM", link).size() == 2);
        assertEquals(List.of("BIDDING_CLOSED", "CHALLENGE_FAILED"), kindsFor(bidderId, "team-org", "TEAM", link));
        assertEquals(List.of("ROUND_OPENED"), kindsFor(judge, "x", "JUDGE", link));
        assertEquals(List.of(), kindsFor(otherJudge, "x", "JUDGE", link), "only the panel");
        assertEquals(List.of(), kindsFor(teamOfOwner, owner, "TEAM", link), "the agency's AGENCY users only");
        await().atMost(Duration.ofSeconds(60)).until(() ->
                kindsFor(office, "program-office", "ADMIN", "/api/requirements/" + requirement).size() == 1);
        assertEquals(List.of("REQUIREMENT_SUBMITTED"), kindsFor(office, "program-office", "ADMIN", "/api/requirements/" + requirement));
    }

    @Test
    void aWebhookMustPointAtAPublicAddress() {
        String agency = TestTokens.shared().token(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "AGENCY");
        for (String url : List.of("http://127.0.0.1:8080/hook", "http://10.1.2.3/hook", "http://192.168.0.9/hook",
                "http://localhost/hook", "http://[::1]/hook")) {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                    .exchange(HttpRequest.POST("/api/webhooks", Map.of("url", url)).bearerAuth(agency)));
            assertEquals(422, e.code(), url);
            assertTrue(e.getResponse().getBody(String.class).orElse("").contains("webhook-url-not-allowed"), url);
        }
        assertEquals(0, Sql.count(db, "SELECT COUNT(*) FROM webhook"), "nothing stored");
    }

    @Test
    void pageSizeIsBounded() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().retrieve(HttpRequest.GET("/api/notifications?size=1000").bearerAuth(token()), JSON));
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> items(String token) {
        Map<String, Object> page = http.toBlocking().retrieve(
                HttpRequest.GET("/api/notifications?size=100").bearerAuth(token), JSON);
        return (List<Map<String, Object>>) page.get("items");
    }

    private static String token() {
        return TestTokens.shared().token("reader", "some-organization", "TEAM");
    }

    private static void deliver(String eventId, ChallengePublished event) {
        Events.deliver(eventId, event);
    }

    @Test
    void itsConsumerIsAStaticMemberOfItsGroupUnderThisInstancesId() {
        String instanceId = context.getRequiredProperty("jiebang.kafka.instance-id", String.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> ConsumerGroups.staticMembers("notification-service").contains(instanceId));
    }
}
