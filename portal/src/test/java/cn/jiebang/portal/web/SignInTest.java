package cn.jiebang.portal.web;

import cn.jiebang.portal.support.Fixtures;
import cn.jiebang.portal.support.PortalClient;
import cn.jiebang.portal.support.PortalTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class SignInTest extends PortalTest {

    private static final String EMPTY_BOARD = """
            {"items":[],"page":0,"size":20,"totalItems":0}""";

    @Test
    void navigationShowsWhoIsSignedInTheirRoleOrganizationAndUnreadCount() {
        fake.on("GET", "/api/challenges", EMPTY_BOARD);
        PortalClient browser = browser().signIn(fake, "TEAM");

        Document page = browser.get("/challenges").document();

        assertEquals("王建国", page.select("#who strong").text());
        assertEquals("揭榜团队", page.select("#who .role").text());
        assertEquals("天津新材料研究院", page.select("#who .org").text());
        assertEquals("2", page.select("#unread-count").text());
        // the token went to the services as a bearer token, and never into the page
        assertEquals("Bearer token-TEAM", fake.received("GET", "/api/challenges").get(0).header("Authorization"));
        assertFalse(page.html().contains("token-TEAM"));
    }

    @Test
    void wrongPasswordIsShownOnTheFormInTheVisitorsLanguage() {
        fake.on("POST", "/api/auth/token", 401, """
                {"type":"https://jiebang.cn/problems/bad-credentials","title":"Unauthorized","status":401}""");
        PortalClient browser = browser().language("en");
        browser.get("/signin");

        PortalClient.Page page = browser.post("/signin", Map.of("email", "team@jiebang.local", "password", "nope"));

        assertEquals(401, page.status());
        assertEquals("Wrong e-mail or password.", page.document().select("#signin-error").text());
        assertEquals("team@jiebang.local", page.document().select("#email").val());
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefusedAndReachesNoService() {
        PortalClient browser = browser();
        browser.get("/signin");

        PortalClient.Page page = browser.send(HttpRequest.newBuilder(URI.create(browser.base() + "/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=team%40jiebang.local&password=x")));

        assertEquals(403, page.status());
        assertEquals("页面已过期，请刷新页面后重试。", page.document().select("#error-message").text());
        assertTrue(fake.received().isEmpty());
    }

    @Test
    void signInReturnsToThePageThePersonCameFrom() {
        Fixtures.signedIn(fake, "TEAM");
        PortalClient browser = browser();
        Document form = browser.get("/signin?next=/challenges/c-1").document();
        assertEquals("/challenges/c-1", form.select("input[name=next]").val());

        PortalClient.Page page = browser.post("/signin",
                Map.of("email", "team@jiebang.local", "password", "pw", "next", "/challenges/c-1"));

        assertEquals("/challenges/c-1", page.redirect());
    }

    @Test
    void signInNeverRedirectsToAnotherSite() {
        Fixtures.signedIn(fake, "TEAM");
        PortalClient browser = browser();
        browser.get("/signin");

        PortalClient.Page page = browser.post("/signin",
                Map.of("email", "team@jiebang.local", "password", "pw", "next", "//evil.example/x"));

        assertEquals("/my/bids", page.redirect());
    }

    @Test
    void anExpiredTokenSendsThePersonToSignInAndBackAfterwards() {
        PortalClient browser = browser().signIn(fake, "TEAM");
        fake.on("GET", "/api/challenges", 401, """
                {"type":"https://jiebang.cn/problems/unauthorized","title":"Unauthorized","status":401}""");

        PortalClient.Page page = browser.get("/challenges?field=NEW_MATERIALS");

        assertEquals(303, page.status());
        assertEquals("/signin?next=%2Fchallenges%3Ffield%3DNEW_MATERIALS&expired=1", page.redirect());
        fake.on("GET", "/api/challenges", EMPTY_BOARD);
        Document board = browser.get("/challenges").document();
        assertTrue(board.select("#who").isEmpty(), "the expired session is forgotten");
        assertNotNull(board.selectFirst("#sign-in"));
    }

    @Test
    void signOutForgetsTheSession() {
        fake.on("GET", "/api/challenges", EMPTY_BOARD);
        PortalClient browser = browser().signIn(fake, "TEAM");

        PortalClient.Page out = browser.post("/signout", Map.of());

        assertEquals("/", out.redirect());
        Document board = browser.get("/challenges").document();
        assertTrue(board.select("#who").isEmpty());
        assertNull(fake.received("GET", "/api/challenges").get(fake.received("GET", "/api/challenges").size() - 1)
                .header("Authorization"));
    }

    @Test
    void aTamperedSessionCookieIsIgnored() {
        fake.on("GET", "/api/challenges", EMPTY_BOARD);
        PortalClient.Page page = browser().send(HttpRequest.newBuilder(URI.create(server.getURL() + "/challenges"))
                .header("Cookie", "JIEBANG_SESSION=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));

        assertEquals(200, page.status());
        assertTrue(page.document().select("#who").isEmpty());
    }

    @Test
    void englishFromAcceptLanguageAndTheLanguageMenuPersists() {
        fake.on("GET", "/api/challenges", EMPTY_BOARD);
        PortalClient browser = browser().language("en-US,en;q=0.9");
        assertEquals("Challenge board", browser.get("/challenges").document().select("h1").text());

        PortalClient.Page chosen = browser.get("/lang?to=zh&next=/challenges");
        assertEquals("/challenges", chosen.redirect());
        assertEquals("榜单大厅", browser.get("/challenges").document().select("h1").text());
        assertEquals("zh-CN", browser.get("/challenges").document().select("html").attr("lang"));
    }

    @Test
    void anUnknownPageIsAPageNotAStackTrace() {
        PortalClient.Page page = browser().language("en").get("/no/such/page");

        assertEquals(404, page.status());
        assertEquals("This page or item cannot be found.", page.document().select("#error-message").text());
    }
}
