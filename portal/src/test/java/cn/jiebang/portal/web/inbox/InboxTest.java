package cn.jiebang.portal.web.inbox;

import cn.jiebang.portal.support.PortalClient;
import cn.jiebang.portal.support.PortalTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class InboxTest extends PortalTest {

    private static final String TWO_NOTIFICATIONS = """
            {"items":[
              {"id":"n-1","kind":"ROUND_RESULTS","title":"结果公示：「高强度碳纤维」第 1 轮",
               "body":"您的申报排名第 2，晋级下一轮；公示至 2027-02-03 17:00 CST",
               "link":"/api/challenges/c-1/rounds/1/results","createdAt":"2027-02-01T09:00:00Z","read":false},
              {"id":"n-2","kind":"BID_RECEIPT","title":"申报回执：「高强度碳纤维」第 2 版","body":"服务器接收时间 …",
               "link":"/api/bids/b-1","createdAt":"2027-01-31T08:59:59Z","read":true},
              {"id":"n-3","kind":"CHALLENGE_PUBLISHED","title":"新榜单发布：高强度碳纤维","body":"",
               "link":"/api/challenges/c-1","createdAt":"2027-01-01T02:00:00Z","read":true}
            ],"page":0,"size":20,"totalItems":3,"unread":1}""";

    private static final String NOTHING_UNREAD = """
            {"items":[
              {"id":"n-1","kind":"ROUND_RESULTS","title":"结果公示：「高强度碳纤维」第 1 轮","body":"",
               "link":null,"createdAt":"2027-02-01T09:00:00Z","read":true}
            ],"page":0,"size":20,"totalItems":1,"unread":0}""";

    private PortalClient signedInTeam() {
        PortalClient browser = browser().signIn(fake, "TEAM");
        fake.on("GET", "/api/challenges", """
                {"items":[],"page":0,"size":20,"totalItems":0}""");
        return browser;
    }

    @Test
    void listsNotificationsWithTitleBodyBeijingTimeAndUnreadStyling() {
        PortalClient browser = signedInTeam();
        fake.on("GET", "/api/notifications", TWO_NOTIFICATIONS);

        Document page = browser.get("/inbox").document();

        Element first = page.selectFirst("#notification-n-1");
        assertNotNull(first);
        assertTrue(first.hasClass("unread"));
        assertEquals("未读 结果公示：「高强度碳纤维」第 1 轮", first.select(".notification-title").text());
        assertEquals("您的申报排名第 2，晋级下一轮；公示至 2027-02-03 17:00 CST", first.select(".notification-body").text());
        assertEquals("2027-02-01 17:00 北京时间 (UTC+8)", first.select("time").text());
        assertEquals("结果公示", first.select(".meta .tag").text());
        assertNotNull(first.selectFirst("#mark-read-n-1"));
        Element second = page.selectFirst("#notification-n-2");
        assertTrue(second.hasClass("read"));
        assertNull(second.selectFirst("#mark-read-n-2"), "a read notification has nothing to mark");
        assertEquals("1", page.select("#unread-count").text());
        assertEquals("1 条未读", page.select("#inbox-unread-summary").text());
        assertEquals("page=0&size=20&unread=false", fake.received("GET", "/api/notifications").get(fake
                .received("GET", "/api/notifications").size() - 1).query());
    }

    @Test
    void linksGoToThePortalPageOfAChallengeOrABidAndNowhereElse() {
        PortalClient browser = signedInTeam();
        fake.on("GET", "/api/notifications", TWO_NOTIFICATIONS);

        Document page = browser.get("/inbox").document();

        assertTrue(page.select("#notification-n-1 .notification-title a").isEmpty(),
                "a round's results have no portal page of their own here");
        assertEquals("/my/bids/b-1", page.select("#notification-n-2 .notification-title a").attr("href"));
        assertEquals("/challenges/c-1", page.select("#notification-n-3 .notification-title a").attr("href"));
        assertFalse(page.html().contains("/api/"));
    }

    @Test
    void theUnreadFilterAsksOnlyForUnreadOnes() {
        PortalClient browser = signedInTeam();
        fake.on("GET", "/api/notifications", """
                {"items":[],"page":0,"size":20,"totalItems":0,"unread":0}""");

        Document page = browser.get("/inbox?unread=true").document();

        assertEquals("page=0&size=20&unread=true", fake.received("GET", "/api/notifications").get(fake
                .received("GET", "/api/notifications").size() - 1).query());
        assertEquals("page", page.select("#filter-unread").attr("aria-current"));
        assertEquals("没有未读消息。", page.select("#inbox-empty").text());
        assertTrue(page.select("#mark-all-read").isEmpty());
    }

    @Test
    void anEmptyInboxSaysSoInEnglishToo() {
        PortalClient browser = browser().language("en").signIn(fake, "JUDGE");
        fake.on("GET", "/api/notifications", """
                {"items":[],"page":0,"size":20,"totalItems":0,"unread":0}""");

        Document page = browser.get("/inbox").document();

        assertEquals("Inbox", page.select("h1").text());
        assertEquals("No notifications yet.", page.select("#inbox-empty").text());
        assertTrue(page.select("#unread-count").isEmpty());
    }

    @Test
    void pagesThroughTwentyAtATime() {
        PortalClient browser = signedInTeam();
        fake.on("GET", "/api/notifications", """
                {"items":[{"id":"n-21","kind":"FUNDING","title":"经费到位","body":"已拨付 ¥1500000.00","link":null,
                 "createdAt":"2027-01-01T00:00:00Z","read":true}],"page":1,"size":20,"totalItems":45,"unread":0}""");

        Document page = browser.get("/inbox?page=1").document();

        assertEquals("page=1&size=20&unread=false", fake.received("GET", "/api/notifications").get(fake
                .received("GET", "/api/notifications").size() - 1).query());
        assertEquals("第 2 页，共 3 页", page.select("#page-position").text());
        assertEquals("/inbox", page.select("#page-previous").attr("href"));
        assertEquals("/inbox?page=2", page.select("#page-next").attr("href"));
    }

    @Test
    void markingOneReadPostsItAndTheNavigationCountGoesDown() {
        PortalClient browser = signedInTeam();
        fake.on("GET", "/api/notifications", TWO_NOTIFICATIONS);
        browser.get("/inbox");
        fake.on("POST", "/api/notifications/n-1/read", """
                {"id":"n-1","kind":"ROUND_RESULTS","title":"t","body":"b","link":null,
                 "createdAt":"2027-02-01T09:00:00Z","read":true}""");
        fake.on("GET", "/api/notifications", NOTHING_UNREAD);

        PortalClient.Page answer = browser.post("/inbox/n-1/read", Map.of("unread", "false", "page", "0"));

        assertEquals(200, answer.status());
        assertEquals(1, fake.received("POST", "/api/notifications/n-1/read").size());
        assertEquals("Bearer token-TEAM", fake.received("POST", "/api/notifications/n-1/read").get(0).header("Authorization"));
        Document fragment = answer.document();
        assertEquals("已标为已读。", fragment.select("#inbox-status").text());
        assertTrue(fragment.selectFirst("#notification-n-1").hasClass("read"));
        Element nav = fragment.selectFirst("#nav-inbox");
        assertEquals("true", nav.attr("hx-swap-oob"));
        assertTrue(nav.select("#unread-count").isEmpty(), "no unread left: the badge goes");
    }

    @Test
    void markingAllReadPostsOnceAndTheCountFollows() {
        PortalClient browser = signedInTeam();
        fake.on("GET", "/api/notifications", TWO_NOTIFICATIONS);
        browser.get("/inbox");
        fake.on("POST", "/api/notifications/read", """
                {"marked":1}""");
        fake.on("GET", "/api/notifications", """
                {"items":[],"page":0,"size":20,"totalItems":0,"unread":0}""");

        PortalClient.Page answer = browser.post("/inbox/read", Map.of("unread", "true"));

        assertEquals(1, fake.received("POST", "/api/notifications/read").size());
        Document fragment = answer.document();
        assertEquals("所有消息已标为已读。", fragment.select("#inbox-status").text());
        assertEquals("没有未读消息。", fragment.select("#inbox-empty").text());
        assertTrue(fragment.select("#nav-inbox #unread-count").isEmpty());
        assertEquals("page=0&size=20&unread=true", fake.received("GET", "/api/notifications").get(fake
                .received("GET", "/api/notifications").size() - 1).query());
    }

    @Test
    void theCountInTheNavigationShowsWhatIsStillUnreadAfterMarkingOne() {
        PortalClient browser = signedInTeam();
        fake.on("GET", "/api/notifications", """
                {"items":[],"page":0,"size":20,"totalItems":5,"unread":5}""");
        browser.get("/inbox");
        fake.on("POST", "/api/notifications/n-9/read", """
                {"id":"n-9","kind":"FUNDING","title":"t","body":"b","link":null,"createdAt":"2027-02-01T09:00:00Z","read":true}""");
        fake.on("GET", "/api/notifications", """
                {"items":[],"page":0,"size":20,"totalItems":5,"unread":4}""");

        PortalClient.Page answer = browser.post("/inbox/n-9/read", Map.of());

        assertEquals(200, answer.status());
        Document fragment = answer.document();
        assertEquals("已标为已读。", fragment.select("#inbox-status").text());
        assertEquals("4", fragment.select("#nav-inbox #unread-count").text());
    }

    @Test
    void withoutScriptMarkingReadComesBackToTheSameList() {
        PortalClient browser = signedInTeam();
        fake.on("GET", "/api/notifications", TWO_NOTIFICATIONS);
        browser.get("/inbox");
        fake.on("POST", "/api/notifications/n-1/read", """
                {"id":"n-1","kind":"FUNDING","title":"t","body":"b","link":null,"createdAt":"2027-02-01T09:00:00Z","read":true}""");

        PortalClient.Page answer = browser.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(browser.base() + "/inbox/n-1/read"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-CSRF-Token", browser.csrf())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("unread=true&page=0")));

        assertEquals(303, answer.status());
        assertEquals("/inbox?unread=true", answer.redirect());
    }

    @Test
    void anotherPersonsNotificationIsRefusedInTheList() {
        PortalClient browser = signedInTeam();
        fake.on("GET", "/api/notifications", TWO_NOTIFICATIONS);
        browser.get("/inbox");
        fake.on("POST", "/api/notifications/n-x/read", 404, """
                {"type":"https://jiebang.cn/problems/notification-not-found","title":"Not Found","status":404,
                 "detail":"you have no notification n-x"}""");

        PortalClient.Page answer = browser.post("/inbox/n-x/read", Map.of());

        assertEquals("找不到这条消息，它可能不属于您。", answer.document().select("#inbox-error").text());
        assertEquals("2027-02-01 17:00 北京时间 (UTC+8)", answer.document().select("#notification-n-1 time").text(),
                "the list is still there");
        assertFalse(answer.body().contains("you have no notification"));
    }

    @Test
    void signedOutVisitorsAreSentToSignInAndBack() {
        PortalClient.Page page = browser().get("/inbox?unread=true");

        assertEquals(303, page.status());
        assertEquals("/signin?next=%2Finbox%3Funread%3Dtrue", page.redirect());
        assertTrue(fake.received("GET", "/api/notifications").isEmpty());
    }
}
