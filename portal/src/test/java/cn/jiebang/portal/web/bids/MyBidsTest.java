package cn.jiebang.portal.web.bids;

import cn.jiebang.portal.support.PortalClient;
import cn.jiebang.portal.support.PortalTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class MyBidsTest extends PortalTest {

    @Test
    void aTeamLandsOnItsBidsWithTitleStatusVersionLastChangeAndLinks() {
        PortalClient browser = browser().signIn(fake, "TEAM");
        BidFixtures.challenge(fake, true);
        BidFixtures.bid(fake, "SUBMITTED", 2);
        fake.on("GET", "/api/bids", "{\"items\":[" + bidJson() + "],\"page\":0,\"size\":20,\"totalItems\":1}");

        Document page = browser.get("/my/bids").document();

        assertEquals("size=20&page=0", fake.received("GET", "/api/bids").get(0).query());
        Element row = page.selectFirst("#my-bids li[data-bid=b-1]");
        assertEquals(BidFixtures.TITLE, row.select(".bid-challenge").text());
        assertEquals("已提交", row.select(".tag").text());
        assertEquals("2", row.select(".bid-version").text());
        assertEquals("2026-03-05 16:00 北京时间 (UTC+8)", row.select(".bid-updated").text());
        assertEquals(List.of("/my/bids/b-1", "/my/bids/b-1", "/my/bids/b-1/receipt?version=2", "/my/bids/b-1/revise",
                "/my/bids/b-1/progress"), row.select("a").eachAttr("href"));
    }

    @Test
    void withoutBidsTheListPointsToTheBoard() {
        PortalClient browser = browser().language("en").signIn(fake, "TEAM");
        fake.on("GET", "/api/bids", "{\"items\":[],\"page\":0,\"size\":20,\"totalItems\":0}");

        Document page = browser.get("/my/bids").document();

        assertEquals("Your organization has not submitted any bids yet.", page.select("#no-bids p").first().text());
        assertEquals("/challenges", page.select("#no-bids a").attr("href"));
    }

    @Test
    void signingInAsATeamLandsOnMyBids() {
        PortalClient browser = browser();
        cn.jiebang.portal.support.Fixtures.signedIn(fake, "TEAM");
        browser.get("/signin");

        PortalClient.Page page = browser.post("/signin", Map.of("email", "team@jiebang.local", "password", "pw"));

        assertEquals("/my/bids", page.redirect());
    }

    @Test
    void theBidPageShowsStatusContentAttachmentsVersionsAndWhatCanBeDone() {
        PortalClient browser = browser().signIn(fake, "TEAM");
        BidFixtures.challenge(fake, true);
        BidFixtures.directory(fake);
        BidFixtures.bid(fake, "SUBMITTED", 2);

        Document page = browser.get("/my/bids/b-1").document();

        assertEquals("已提交", page.select("#bid-status").text());
        assertEquals("2", page.select("#bid-version").text());
        assertEquals("2026-03-05 16:00 北京时间 (UTC+8)", page.select("#bid-updated").text());
        assertEquals(List.of("天津大学", "北京精密仪器厂"), page.select("#bid-members li").eachText());
        assertEquals("李明 · 研究员", page.select("#bid-team-lead").text());
        assertEquals("2,500 万元", page.select("#bid-budget").text());
        assertEquals("0.3 个/cm²", page.select("#bid-indicators tbody tr").first().select("td").get(1).text());
        assertEquals("≤ 0.5 个/cm²", page.select("#bid-indicators tbody tr").first().select("td").get(2).text());
        Element file = page.selectFirst("#bid-attachments a");
        assertEquals("/my/attachments/a-1", file.attr("href"));
        assertEquals("false", file.attr("hx-boost"));
        assertEquals(List.of("2", "1"), page.select("#bid-versions tbody tr").eachAttr("data-version"));
        assertTrue(page.select("#bid-versions").text().contains("2026-03-01 10:03:04 北京时间 (UTC+8)"));
        assertEquals("/my/bids/b-1/diff", page.select("#diff-form").attr("action"));
        assertEquals("1", page.select("#diff-from option[selected]").val());
        assertEquals("2", page.select("#diff-to option[selected]").val());
        assertEquals("/my/bids/b-1/revise", page.select("#revise-link").attr("href"));
        assertEquals("/my/bids/b-1/withdraw", page.select("#withdraw-link").attr("href"));
        assertEquals("/my/bids/b-1/progress", page.select("#progress-link").attr("href"));
    }

    @Test
    void afterTheDeadlineTheBidCanNeitherBeRevisedNorWithdrawn() {
        PortalClient browser = browser().signIn(fake, "TEAM");
        BidFixtures.challenge(fake, false);
        BidFixtures.directory(fake);
        BidFixtures.bid(fake, "SCREENED_IN", 2);

        Document page = browser.get("/my/bids/b-1").document();

        assertEquals("形式审查通过", page.select("#bid-status").text());
        assertNull(page.selectFirst("#revise-link"));
        assertNull(page.selectFirst("#withdraw-link"));
        assertNotNull(page.selectFirst("#progress-link"));
    }

    @Test
    void theReceiptShowsIdChallengeVersionBeijingTimeAndHash() {
        PortalClient browser = browser().signIn(fake, "TEAM");
        BidFixtures.challenge(fake, true);
        BidFixtures.bid(fake, "SUBMITTED", 2);

        Document page = browser.get("/my/bids/b-1/receipt?version=1").document();

        assertEquals("b-1", page.select("#receipt-bid-id").text());
        assertTrue(page.select("#receipt-challenge").text().startsWith(BidFixtures.TITLE));
        assertEquals("1", page.select("#receipt-version").text());
        assertEquals("2026-03-01 10:03:04 北京时间 (UTC+8)", page.select("#receipt-time").text());
        assertEquals(BidFixtures.HASH_1, page.select("#receipt-hash").text());
        assertEquals("天津新材料研究院", page.select("#receipt-lead").text());
        assertNotNull(page.selectFirst("#print-receipt[data-print]"));
        assertEquals("申报已受理。请保存或打印本回执，作为提交的凭证。", page.select("#receipt-status").text());
        assertEquals(1, fake.received("GET", "/api/bids/b-1/versions/1").size());
    }

    @Test
    void aReplayedReceiptSaysNoNewVersionWasMade() {
        PortalClient browser = browser().language("en").signIn(fake, "TEAM");
        BidFixtures.challenge(fake, true);
        BidFixtures.bid(fake, "SUBMITTED", 1);

        Document page = browser.get("/my/bids/b-1/receipt?version=1&replayed=true").document();

        assertTrue(page.select("#receipt-status").text().contains("submitting it again created no new version"));
        assertEquals("2026-03-01 10:03:04 Beijing time (UTC+8)", page.select("#receipt-time").text());
    }

    @Test
    void theDiffShowsTheChangedFieldsSideBySide() {
        PortalClient browser = browser().signIn(fake, "TEAM");
        BidFixtures.challenge(fake, true);
        BidFixtures.directory(fake);
        BidFixtures.bid(fake, "SUBMITTED", 2);

        Document page = browser.get("/my/bids/b-1/diff?from=1&to=2").document();

        assertEquals("版本 1 到版本 2 的变化", page.select("h1").text());
        List<String> labels = page.select("#diff .diff-label").eachText();
        assertEquals(List.of("联合体成员单位", "技术路线", "申请经费", "附件"), labels);
        Element members = page.select("#diff tbody tr").get(0);
        assertEquals("北京精密仪器厂", members.select(".diff-to ins").text());
        assertTrue(members.select(".diff-from del").isEmpty());
        Element budget = page.select("#diff tbody tr").get(2);
        assertEquals("2,000 万元", budget.select(".diff-from del").text());
        assertEquals("2,500 万元", budget.select(".diff-to ins").text());
        assertEquals("新增外延工艺", page.select("#diff tbody tr").get(1).select(".diff-to ins").text());
        assertTrue(page.select("#diff tbody tr").get(3).select(".diff-to ins").text().startsWith("技术方案.pdf (1.2 MB"));
        assertTrue(page.select("#diff-unchanged").text().contains("挂帅人（团队负责人）"));
    }

    @Test
    void withdrawingAsksFirstThenWithdrawsAndSaysSo() {
        PortalClient browser = browser().signIn(fake, "TEAM");
        BidFixtures.challenge(fake, true);
        BidFixtures.directory(fake);
        BidFixtures.bid(fake, "SUBMITTED", 2);

        Document confirm = browser.get("/my/bids/b-1/withdraw").document();
        assertEquals("确定撤回对“" + BidFixtures.TITLE + "”的申报（当前版本 2）吗？", confirm.select("#withdraw-question").text());
        assertEquals("/my/bids/b-1/withdraw", confirm.select("#withdraw-form").attr("action"));
        assertTrue(fake.received("POST", "/api/bids/b-1/withdraw").isEmpty(), "asking is not withdrawing");

        fake.on("POST", "/api/bids/b-1/withdraw", bidJson().replace("SUBMITTED", "WITHDRAWN"));
        PortalClient.Page done = browser.post("/my/bids/b-1/withdraw", Map.of());

        assertEquals("/my/bids/b-1?withdrawn=true", done.redirect());
        assertEquals("Bearer token-TEAM", fake.received("POST", "/api/bids/b-1/withdraw").get(0).header("Authorization"));
        BidFixtures.bid(fake, "WITHDRAWN", 2);
        Document after = browser.get(done.redirect()).document();
        assertEquals("申报已撤回。", after.select("#withdrawn-notice").text());
        assertEquals("已撤回", after.select("#bid-status").text());
    }

    @Test
    void aWithdrawalAfterTheDeadlineIsRefusedWithAMessage() {
        PortalClient browser = browser().language("en").signIn(fake, "TEAM");
        BidFixtures.challenge(fake, true);
        BidFixtures.bid(fake, "SUBMITTED", 2);
        browser.get("/my/bids/b-1/withdraw");
        fake.on("POST", "/api/bids/b-1/withdraw", 409, """
                {"type":"https://jiebang.cn/problems/bid-window-closed","title":"Conflict","status":409,
                 "detail":"bids on challenge c-1 are taken from … until (not at) …"}""");
        BidFixtures.challenge(fake, false);

        PortalClient.Page answer = browser.post("/my/bids/b-1/withdraw", Map.of());

        assertEquals(409, answer.status());
        assertTrue(answer.document().select("#withdraw-error").text().startsWith("This challenge does not take bids"));
        assertNull(answer.document().selectFirst("#withdraw-form"));
    }

    private static String bidJson() {
        return """
                {"id":"b-1","challengeId":"c-1","leadOrganizationId":"org-team-1","submittedBy":"user-1","status":"SUBMITTED",
                 "currentVersion":2,"contentHash":"%s","submittedAt":"2026-03-05T08:00:00Z","content":%s,"attachments":[],
                 "screeningReason":null,"createdAt":"2026-03-01T02:03:04Z","updatedAt":"2026-03-05T08:00:00Z"}"""
                .formatted(BidFixtures.HASH_2, BidFixtures.content("25000000.00", "x", "", ""));
    }
}
