package cn.jiebang.portal.web.bids;

import cn.jiebang.portal.support.PortalClient;
import cn.jiebang.portal.support.PortalTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class AccessTest extends PortalTest {

    private static final List<String> PAGES = List.of("/my/bids", "/my/bids/b-1", "/my/bids/b-1/receipt?version=1",
            "/my/bids/b-1/diff?from=1&to=2", "/my/bids/b-1/withdraw", "/my/bids/b-1/revise", "/challenges/c-1/bid",
            "/my/attachments/a-1");

    @Test
    void everyBidPageSendsASignedOutVisitorToSignInAndBack() {
        for (String path : PAGES) {
            PortalClient.Page page = browser().get(path);

            assertEquals(303, page.status(), path);
            assertEquals("/signin?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8), page.redirect(), path);
        }
        assertTrue(fake.received().isEmpty(), "nothing is asked of the services for a signed-out visitor");
    }

    @Test
    void anotherRoleIsToldPlainlyThatBidsAreTheTeams() {
        for (String role : List.of("ADMIN", "AGENCY", "JUDGE")) {
            PortalClient browser = browser().signIn(fake, role);
            for (String path : PAGES) {
                PortalClient.Page page = browser.get(path);

                assertEquals(403, page.status(), role + " " + path);
                assertEquals("申报页面仅供揭榜团队使用。您当前的账号不是揭榜团队账号。",
                        page.document().select("#error-message").text(), role + " " + path);
            }
            assertTrue(fake.received("GET", "/api/bids").isEmpty());
        }
    }

    @Test
    void theRefusalIsInEnglishToo() {
        PortalClient browser = browser().language("en").signIn(fake, "JUDGE");

        PortalClient.Page page = browser.get("/my/bids");

        assertEquals("The bid pages are for research teams. The account you are signed in with is not a research team’s.",
                page.document().select("#error-message").text());
    }
}
