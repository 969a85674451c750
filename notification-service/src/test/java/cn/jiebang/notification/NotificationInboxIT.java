package cn.jiebang.notification;

import cn.jiebang.devstack.Devstack;
import cn.jiebang.devstack.TestDatabase;
import cn.jiebang.devstack.TestTokens;
import cn.jiebang.testing.Published;
import cn.jiebang.testing.Events;
import cn.jiebang.testing.Sql;
import cn.jiebang.events.BidScreened;
import cn.jiebang.events.BidSubmitted;
import cn.jiebang.events.ChallengeAmended;
import cn.jiebang.events.ChallengeCancelled;
import cn.jiebang.events.ChallengePublished;
import cn.jiebang.events.RequirementReviewed;
import cn.jiebang.events.ScreeningStarted;
import cn.jiebang.events.UserRegistered;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationInboxIT implements TestPropertyProvider {

    private static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);
    private final TestDatabase db = Devstack.database("notification");

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return Devstack.resourceServerProperties(db);
    }

    @AfterAll
    void dropDatabase() {
        Devstack.drop(db);
    }

    @Test
    void publishedChallengeIsAnnouncedOnceEvenWhenDeliveredTwice() {
        String challengeId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        ChallengePublished event = Published.challenge(challengeId, "新能源储能 🔋 " + challengeId,
                "NEW_ENERGY", new BigDecimal("8000000.00"), Instant.parse("2026-12-01T00:00:00Z"),
                Instant.parse("2027-01-31T09:00:00Z"));
        deliver(eventId, event);
        deliver(eventId, event);
        String marker = UUID.randomUUID().toString();
        deliver(UUID.randomUUID().toString(), Published.challenge(marker, "marker " + marker, "OTHER",
                BigDecimal.ONE, Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2027-01-31T09:00:00Z")));

        await().atMost(Duration.ofSeconds(60)).until(() -> titles().stream().anyMatch(t -> t.contains(marker)));
        List<Map<String, Object>> mine = items().stream()
                .filter(n -> ((String) n.get("title")).contains(challengeId)).toList();
        assertEquals(1, mine.size(), "one notification per event and recipient");
        Map<String, Object> n = mine.get(0);
        assertEquals("CHALLENGE_PUBLISHED", n.get("kind"));
        assertEquals("/api/challenges/" + challengeId, n.get("link"));
        assertTrue(((String) n.get("body")).contains("8000000.00"));
        assertTrue(((String) n.get("body")).contains("2027-01-31 17:00 CST"), "deadline shown in Beijing time");
        assertFalse((Boolean) n.get("read"));
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
                && ((String) n.get("body")).contains(submitted.contentHash())), told.toString());
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
    void everyoneHearsOfAnExtendedDeadlineAndACancellation() {
        String id = UUID.randomUUID().toString();
        Events.deliver(new ChallengeAmended(id, "量子传感", "DEADLINE_EXTENDED", "应申请延期",
                Instant.parse("2027-01-31T09:00:00Z"), Instant.parse("2027-02-14T09:00:00Z"), Instant.now()));
        Events.deliver(new ChallengeCancelled(id, "量子传感", "需求方撤回", Instant.now()));
        List<Map<String, Object>> told = await().atMost(Duration.ofSeconds(60)).until(() -> items().stream()
                .filter(n -> ("/api/challenges/" + id).equals(n.get("link"))).toList(), list -> list.size() == 2);
        assertTrue(told.stream().anyMatch(n -> "CHALLENGE_AMENDED".equals(n.get("kind"))
                && ((String) n.get("body")).contains("2027-02-14 17:00 CST")), told.toString());
        assertTrue(told.stream().anyMatch(n -> "CHALLENGE_CANCELLED".equals(n.get("kind"))
                && "需求方撤回".equals(n.get("body"))), told.toString());
    }

    @Test
    void pageSizeIsBounded() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().retrieve(HttpRequest.GET("/api/notifications?size=1000").bearerAuth(token()), JSON));
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
    }

    private List<Map<String, Object>> items() {
        return items(token());
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

    private List<String> titles() {
        return items().stream().map(n -> (String) n.get("title")).toList();
    }

    private static void deliver(String eventId, ChallengePublished event) {
        Events.deliver(eventId, event);
    }
}
