package cn.jiebang.portal.web.bids;

import cn.jiebang.portal.support.FakeServices;
import cn.jiebang.portal.support.PortalClient;
import cn.jiebang.portal.support.PortalTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.jiebang.portal.web.bids.BidFormPageTest.replace;
import static cn.jiebang.portal.web.bids.BidFormPageTest.validForm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class RevisionTest extends PortalTest {

    private static final String REVISE = "/my/bids/b-1/revise";
    private static final String VERSIONS = "/api/bids/b-1/versions";

    @Test
    void theRevisionFormIsPrefilledWithTheCurrentVersionAndItsNumber() {
        PortalClient browser = browser().signIn(fake, "TEAM");
        BidFixtures.challenge(fake, true);
        BidFixtures.directory(fake);
        BidFixtures.bid(fake, "SUBMITTED", 2);

        Document page = browser.get(REVISE).document();

        assertEquals("修改申报", page.select("h1").text());
        assertEquals("/my/bids/b-1/revise", page.select("#bid-form").attr("action"));
        assertEquals("2", page.select("input[name=baseVersion]").val());
        assertEquals("2", page.select("#base-version").text());
        assertEquals(List.of("天津大学", "北京精密仪器厂"), page.select("#chosen-members label > span:first-child").eachText());
        assertEquals("李明", page.select("#teamLead-name").val());
        assertEquals("张伟", page.select("#coreMembers-0-name").val());
        assertEquals("第一版技术路线\n新增外延工艺", page.select("#technicalApproach").val());
        assertEquals("2026-09-30", page.select("#milestones-0-dueOn").val());
        assertEquals("0.3", page.select("#committedIndicators-0-value").val());
        assertEquals("150", page.select("#committedIndicators-1-value").val());
        assertEquals("2500", page.select("#requestedBudget").val(), "25,000,000.00 CNY in 万元");
        assertEquals("技术方案.pdf", page.select("#attachment-list .attachment-name").text());
        assertEquals("1.2 MB", page.select("#attachment-list .attachment-size").text());
        assertEquals(BidFixtures.SHA_PLAN, page.select("#attachment-list .attachment-hash").text());
    }

    @Test
    void aRevisionIsSentWithItsBaseVersionAndKeyAndLandsOnTheNewReceipt() {
        PortalClient browser = browser().signIn(fake, "TEAM");
        BidFixtures.challenge(fake, true);
        BidFixtures.directory(fake);
        BidFixtures.bid(fake, "SUBMITTED", 1);
        String key = browser.get(REVISE).document().select("input[name=idempotencyKey]").val();
        fake.on("POST", VERSIONS, 201, BidFixtures.receipt(2, false));

        PortalClient.Page answer = browser.postForm(REVISE, with(validForm(key), "baseVersion", "1"));

        assertEquals("/my/bids/b-1/receipt?version=2", answer.redirect());
        FakeServices.Received sent = fake.received("POST", VERSIONS).get(0);
        assertEquals(key, sent.header("Idempotency-Key"));
        assertTrue(sent.text().startsWith("{\"baseVersion\":1,\"content\":{"), sent.text());
        assertTrue(sent.text().contains("\"technicalApproach\":\"碳化硅长晶与外延\""));
    }

    @Test
    void aStaleRevisionSaysSoKeepsTheInputAndIsBasedOnTheLatestVersionNext() {
        PortalClient browser = browser().signIn(fake, "TEAM");
        BidFixtures.challenge(fake, true);
        BidFixtures.directory(fake);
        BidFixtures.bid(fake, "SUBMITTED", 2);
        String key = browser.get(REVISE).document().select("input[name=idempotencyKey]").val();
        fake.on("POST", VERSIONS, 409, """
                {"type":"https://jiebang.cn/problems/stale-version","title":"Conflict","status":409,
                 "detail":"the revision is based on version 1 of bid b-1, but version 2 is the latest; start from it"}""");

        PortalClient.Page answer = browser.postForm(REVISE, with(validForm(key), "baseVersion", "1"));

        assertEquals(409, answer.status());
        Document page = answer.document();
        assertTrue(page.select("#form-error").text().startsWith("您的团队在此期间已提交了版本 2。您填写的内容保留在下方"),
                page.select("#form-error").text());
        assertEquals("/my/bids/b-1", page.select("#stale-latest").attr("href"));
        assertEquals("碳化硅长晶与外延", page.select("#technicalApproach").val());
        assertEquals("2500.5", page.select("#requestedBudget").val());
        assertEquals("2", page.select("input[name=baseVersion]").val());
        assertFalse(page.html().contains("start from it"));
    }

    @Test
    void aStaleRevisionIsExplainedInEnglishToo() {
        PortalClient browser = browser().language("en").signIn(fake, "TEAM");
        BidFixtures.challenge(fake, true);
        BidFixtures.directory(fake);
        BidFixtures.bid(fake, "SUBMITTED", 2);
        fake.on("POST", VERSIONS, 409, """
                {"type":"https://jiebang.cn/problems/stale-version","title":"Conflict","status":409}""");
        browser.get(REVISE);

        Document page = browser.postForm(REVISE, with(replace(validForm("k-1"), "budgetUnit", "CNY"), "baseVersion", "1"))
                .document();

        assertTrue(page.select("#form-error").text().startsWith("Your team submitted version 2 in the meantime."));
    }

    @Test
    void aWithdrawnBidCannotBeRevised() {
        PortalClient browser = browser().signIn(fake, "TEAM");
        BidFixtures.challenge(fake, true);
        BidFixtures.directory(fake);
        BidFixtures.bid(fake, "WITHDRAWN", 2);

        Document page = browser.get(REVISE).document();

        assertTrue(page.select("#bidding-closed").text().startsWith("该申报已不能修改"));
        assertNull(page.selectFirst("#bid-form"));
    }

    private static List<Map.Entry<String, String>> with(List<Map.Entry<String, String>> form, String name, String value) {
        List<Map.Entry<String, String>> copy = new java.util.ArrayList<>(form);
        copy.add(Map.entry(name, value));
        return copy;
    }
}
