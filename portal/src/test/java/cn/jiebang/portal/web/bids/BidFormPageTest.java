package cn.jiebang.portal.web.bids;

import cn.jiebang.portal.support.FakeServices;
import cn.jiebang.portal.support.PortalClient;
import cn.jiebang.portal.support.PortalTest;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.jiebang.portal.web.bids.BidFixtures.CHALLENGE_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class BidFormPageTest extends PortalTest {

    private static final String FORM = "/challenges/" + CHALLENGE_ID + "/bid";
    private static final String BIDS = "/api/challenges/" + CHALLENGE_ID + "/bids";

    @Inject
    ObjectMapper json;

    @Test
    void theFormShowsTheChallengeItsDeadlineAndEachIndicatorBesideItsTarget() {
        PortalClient browser = browser().signIn(fake, "TEAM");
        BidFixtures.challenge(fake, true);

        Document page = browser.get(FORM).document();

        assertEquals(BidFixtures.TITLE, page.select("#challenge-title").text());
        assertEquals("2099-06-30 17:00 北京时间 (UTC+8)", page.select("#deadline").text());
        assertTrue(page.select("#countdown").text().startsWith("剩余"));
        assertEquals("3,000 万元", page.select("#total-budget").text());
        assertEquals("微管密度", page.select("label[for=committedIndicators-0-value] span").first().text());
        assertEquals("≤ 0.5 个/cm²", page.select("#committedIndicators-0-value-target .indicator-target").text());
        assertTrue(page.select("#committedIndicators-0-value-target").text().contains("不高于"));
        assertEquals("≥ 150 mm", page.select("#committedIndicators-1-value-target .indicator-target").text());
        Element value = page.selectFirst("#committedIndicators-0-value");
        assertEquals("0.5", value.attr("data-target"));
        assertEquals("AT_MOST", value.attr("data-direction"));
        assertEquals("承诺值弱于目标值（≤ 0.5 个/cm²）。", page.select("#committedIndicators-0-value-check").text(),
                "the message the script shows as a weaker value is typed");
        assertEquals("个/cm²", page.select("#committedIndicators-0-value + .unit").text());
        assertEquals("申请经费（万元）", page.select("label[for=requestedBudget] span").first().text());
        assertFalse(page.select("#bid-form input[name=idempotencyKey]").val().isBlank());
        assertNotNull(page.selectFirst("progress[data-upload-progress]"));
        assertNotNull(page.selectFirst("#upload-form[hx-encoding=multipart/form-data]"));
    }

    @Test
    void eachRenderingOfTheFormHasItsOwnIdempotencyKey() {
        PortalClient browser = browser().signIn(fake, "TEAM");
        BidFixtures.challenge(fake, true);

        String first = browser.get(FORM).document().select("input[name=idempotencyKey]").val();
        String second = browser.get(FORM).document().select("input[name=idempotencyKey]").val();

        assertFalse(first.equals(second));
    }

    @Test
    void submittingSendsTheContentAndTheIdempotencyKeyAndLandsOnTheReceipt() throws IOException {
        PortalClient browser = browser().signIn(fake, "TEAM");
        BidFixtures.challenge(fake, true);
        BidFixtures.directory(fake);
        String key = browser.get(FORM).document().select("input[name=idempotencyKey]").val();
        fake.on("POST", BIDS, 201, BidFixtures.receipt(1, false));

        PortalClient.Page answer = browser.postForm(FORM, validForm(key));

        assertEquals("/my/bids/b-1/receipt?version=1", answer.redirect());
        FakeServices.Received sent = fake.received("POST", BIDS).get(0);
        assertEquals(key, sent.header("Idempotency-Key"));
        assertEquals("Bearer token-TEAM", sent.header("Authorization"));
        assertTrue(sent.text().contains("\"requestedBudget\":25005000.00"), sent.text());
        JsonNode body = json.readValue(sent.text(), JsonNode.class);
        assertEquals("org-tju", body.get("memberOrganizationIds").get(0).getStringValue());
        assertEquals(1, body.get("memberOrganizationIds").size());
        assertEquals("李明", body.get("teamLead").get("name").getStringValue());
        assertEquals("研究员", body.get("teamLead").get("title").getStringValue());
        assertEquals(2, body.get("coreMembers").size(), "the blank row is dropped, the gap in numbering closed");
        assertEquals("王芳", body.get("coreMembers").get(1).get("name").getStringValue());
        assertEquals("碳化硅长晶与外延", body.get("technicalApproach").getStringValue());
        assertEquals("2026-09-30", body.get("milestones").get(0).get("dueOn").getStringValue());
        assertEquals("4 英寸样品", body.get("milestones").get(0).get("deliverable").getStringValue());
        assertEquals("微管密度", body.get("committedIndicators").get(0).get("name").getStringValue());
        assertEquals(0, new BigDecimal("0.3").compareTo(body.get("committedIndicators").get(0).get("value").getBigDecimalValue()));
        assertEquals(0, new BigDecimal("150").compareTo(body.get("committedIndicators").get(1).get("value").getBigDecimalValue()));
        assertEquals("a-1", body.get("attachmentIds").get(0).getStringValue());
    }

    @Test
    void anEmptyConsortiumIsSentAsAnEmptyList() {
        PortalClient browser = browser().signIn(fake, "TEAM");
        BidFixtures.challenge(fake, true);
        String key = browser.get(FORM).document().select("input[name=idempotencyKey]").val();
        fake.on("POST", BIDS, 201, BidFixtures.receipt(1, false));
        List<Map.Entry<String, String>> form = new ArrayList<>(validForm(key));
        form.removeIf(e -> e.getKey().equals("memberOrganizationIds") || e.getKey().startsWith("attachment"));

        browser.postForm(FORM, form);

        String sent = fake.received("POST", BIDS).get(0).text();
        assertTrue(sent.contains("\"memberOrganizationIds\":[]"), sent);
        assertTrue(sent.contains("\"attachmentIds\":[]"), sent);
    }

    @Test
    void aDoubleSubmitSendsTheSameKeyAndShowsTheFirstReceiptAgain() {
        PortalClient browser = browser().signIn(fake, "TEAM");
        BidFixtures.challenge(fake, true);
        BidFixtures.directory(fake);
        String key = browser.get(FORM).document().select("input[name=idempotencyKey]").val();
        fake.on("POST", BIDS, 201, BidFixtures.receipt(1, false));
        browser.postForm(FORM, validForm(key));
        fake.on("POST", BIDS, 201, BidFixtures.receipt(1, true));

        PortalClient.Page again = browser.postForm(FORM, validForm(key));

        assertEquals("/my/bids/b-1/receipt?version=1&replayed=true", again.redirect());
        List<FakeServices.Received> sent = fake.received("POST", BIDS);
        assertEquals(2, sent.size());
        assertEquals(sent.get(0).header("Idempotency-Key"), sent.get(1).header("Idempotency-Key"));
    }

    @Test
    void theBudgetIsTypedInCnyOnTheEnglishPage() {
        PortalClient browser = browser().language("en").signIn(fake, "TEAM");
        BidFixtures.challenge(fake, true);
        Document page = browser.get(FORM).document();
        assertEquals("Requested budget (CNY)", page.select("label[for=requestedBudget] span").first().text());
        assertEquals("CNY", page.select("input[name=budgetUnit]").val());
        assertTrue(page.select("#committedIndicators-1-value-target").text().contains("at least"));
        fake.on("POST", BIDS, 201, BidFixtures.receipt(1, false));
        List<Map.Entry<String, String>> form = replace(validForm(page.select("input[name=idempotencyKey]").val()),
                "budgetUnit", "CNY");
        form = replace(form, "requestedBudget", "1,234,567.8");

        browser.postForm(FORM, form);

        assertTrue(fake.received("POST", BIDS).get(0).text().contains("\"requestedBudget\":1234567.80"));
    }

    @Test
    void eachFieldErrorOfBidServiceIsShownAtItsFieldWithThePersonsInputKept() {
        PortalClient browser = browser().signIn(fake, "TEAM");
        BidFixtures.challenge(fake, true);
        BidFixtures.directory(fake);
        String key = browser.get(FORM).document().select("input[name=idempotencyKey]").val();
        fake.on("POST", BIDS, 422, """
                {"type":"https://jiebang.cn/problems/invalid-bid","title":"Unprocessable Entity","status":422,
                 "detail":"committedIndicators[0].value is weaker than the target 微管密度 ≤ 0.5 个/cm²; …",
                 "errors":[
                   {"field":"memberOrganizationIds[0]","message":"is not a registered organization"},
                   {"field":"requestedBudget","message":"is above the challenge's total budget 30000000.00"},
                   {"field":"committedIndicators[0].value","message":"is weaker than the target 微管密度 ≤ 0.5 个/cm²"},
                   {"field":"attachmentIds[0]","message":"is not a file your organization uploaded for this challenge"}]}""");
        List<Map.Entry<String, String>> form = replace(validForm(key), "committedIndicators[0].value", "0.8");

        PortalClient.Page answer = browser.postForm(FORM, form);

        assertEquals(422, answer.status());
        Document page = answer.document();
        assertEquals("提交的内容有误，请按提示修改。", page.select("#form-error").text());
        assertEquals("承诺值弱于目标值（≤ 0.5 个/cm²）。", page.select("#committedIndicators-0-value-error").text());
        Element value = page.selectFirst("#committedIndicators-0-value");
        assertEquals("0.8", value.val());
        assertEquals("true", value.attr("aria-invalid"));
        assertTrue(value.attr("aria-describedby").contains("committedIndicators-0-value-error"));
        assertEquals("超过了榜单总经费 3,000 万元。", page.select("#requestedBudget-error").text());
        assertEquals("2500.5", page.select("#requestedBudget").val());
        assertEquals("true", page.select("#requestedBudget").attr("aria-invalid"));
        assertEquals("天津大学 不是平台的注册单位。", page.select("#memberOrganizationIds-error").text());
        assertEquals("技术方案.pdf 不是本单位为此榜单上传的文件，请重新上传。", page.select("#attachmentIds-error").text());
        // everything else as typed
        assertEquals("李明", page.select("#teamLead-name").val());
        assertEquals("碳化硅长晶与外延", page.select("#technicalApproach").text());
        assertEquals("王芳", page.select("#coreMembers-1-name").val());
        assertEquals("2026-09-30", page.select("#milestones-0-dueOn").val());
        assertEquals("org-tju", page.select("#chosen-members input[name=memberOrganizationIds]").val());
        assertEquals("天津大学", page.select("#chosen-members label span").first().text());
        assertEquals("a-1", page.select("#attachment-list input[name=attachmentIds]").val());
        assertEquals(key, page.select("input[name=idempotencyKey]").val(), "the same request, once corrected");
        assertFalse(page.html().contains("is weaker than"), "no service English on the Chinese page");
        assertFalse(page.html().contains("registered organization"));
    }

    @Test
    void aValidationErrorOfTheRequestIsShownAtItsField() {
        PortalClient browser = browser().signIn(fake, "TEAM");
        BidFixtures.challenge(fake, true);
        BidFixtures.directory(fake);
        String key = browser.get(FORM).document().select("input[name=idempotencyKey]").val();
        fake.on("POST", BIDS, 400, """
                {"type":"https://jiebang.cn/problems/invalid-request","title":"Bad Request","status":400,
                 "detail":"coreMembers[1].title must not be blank; teamLead.name size must be between 0 and 100",
                 "errors":[{"field":"coreMembers[1].title","message":"must not be blank"},
                           {"field":"teamLead.name","message":"size must be between 0 and 100"}]}""");
        List<Map.Entry<String, String>> form = replace(validForm(key), "coreMembers[3].title", "");

        PortalClient.Page answer = browser.postForm(FORM, form);

        assertEquals(422, answer.status());
        Document page = answer.document();
        assertEquals("请填写此项。", page.select("#coreMembers-1-title-error").text());
        assertEquals("王芳", page.select("#coreMembers-1-name").val());
        assertEquals("最多 100 个字符。", page.select("#teamLead-name-error").text());
        assertEquals("teamLead-name-error", page.select("#teamLead-name").attr("aria-describedby"));
    }

    @Test
    void aNumberThatCannotBeReadIsShownAtItsFieldTogetherWithBidServicesFaults() {
        PortalClient browser = browser().signIn(fake, "TEAM");
        BidFixtures.challenge(fake, true);
        BidFixtures.directory(fake);
        String key = browser.get(FORM).document().select("input[name=idempotencyKey]").val();
        fake.on("POST", BIDS, 400, """
                {"type":"https://jiebang.cn/problems/invalid-request","title":"Bad Request","status":400,
                 "errors":[{"field":"committedIndicators[1].value","message":"must not be null"},
                           {"field":"requestedBudget","message":"must not be null"},
                           {"field":"technicalApproach","message":"must not be blank"}]}""");
        List<Map.Entry<String, String>> form = replace(validForm(key), "committedIndicators[1].value", "一百五十");
        form = replace(form, "requestedBudget", "1.2345678");
        form = replace(form, "technicalApproach", " ");

        Document page = browser.postForm(FORM, form).document();

        assertEquals("请填写数字，例如 1200 或 12.5。", page.select("#committedIndicators-1-value-error").text());
        assertEquals("一百五十", page.select("#committedIndicators-1-value").val());
        assertEquals("以万元填写时最多六位小数（精确到分）。", page.select("#requestedBudget-error").text());
        assertEquals("请填写此项。", page.select("#technicalApproach-error").text());
        String sent = fake.received("POST", BIDS).get(0).text();
        assertFalse(sent.contains("requestedBudget\":1"), "an unreadable budget is not guessed at: " + sent);
    }

    @Test
    void aRuleAboutTheLeadOrganizationIsListedAtTheTop() {
        PortalClient browser = browser().language("en").signIn(fake, "TEAM");
        BidFixtures.challenge(fake, true);
        BidFixtures.directory(fake);
        String key = browser.get(FORM).document().select("input[name=idempotencyKey]").val();
        fake.on("POST", BIDS, 422, """
                {"type":"https://jiebang.cn/problems/invalid-bid","title":"Unprocessable Entity","status":422,
                 "errors":[{"field":"leadOrganization","message":"is in OTHER; this challenge admits BEIJING, TIANJIN, HEBEI"}]}""");

        Document page = browser.postForm(FORM, replace(validForm(key), "budgetUnit", "CNY")).document();

        assertEquals("Some of what you entered needs correcting; see the messages.", page.select("#form-error").text());
        assertEquals("Your organization’s region does not meet this challenge’s rules; it admits lead organizations "
                + "from: Beijing, Tianjin, Hebei.", page.select("#general-errors li").text());
    }

    @Test
    void aSecondBidOnTheSameChallengeIsRefusedWithAMessageAndTheInputKept() {
        PortalClient browser = browser().signIn(fake, "TEAM");
        BidFixtures.challenge(fake, true);
        BidFixtures.directory(fake);
        String key = browser.get(FORM).document().select("input[name=idempotencyKey]").val();
        fake.on("POST", BIDS, 409, """
                {"type":"https://jiebang.cn/problems/duplicate-bid","title":"Conflict","status":409,
                 "detail":"organization org-team-1 already leads a live bid on c-1; revise that bid instead"}""");

        PortalClient.Page answer = browser.postForm(FORM, validForm(key));

        assertEquals(409, answer.status());
        assertEquals("本单位已对该榜单提交过申报，请在“我的揭榜”中修改原申报。", answer.document().select("#form-error").text());
        assertEquals("碳化硅长晶与外延", answer.document().select("#technicalApproach").text());
        assertFalse(answer.body().contains("revise that bid instead"));
    }

    @Test
    void aClosedChallengeShowsNoForm() {
        PortalClient browser = browser().signIn(fake, "TEAM");
        BidFixtures.challenge(fake, false);

        Document page = browser.get(FORM).document();

        assertEquals("该榜单当前不接受申报。", page.select("#bidding-closed").text());
        assertNull(page.selectFirst("#bid-form"));
    }

    @Test
    void theConsortiumSearchListsRegisteredOrganizationsButNeverTheTeamsOwn() {
        PortalClient browser = browser().signIn(fake, "TEAM");
        BidFixtures.directory(fake);

        Document results = browser.get(FORM + "/organizations?q=%E5%A4%A9%E6%B4%A5").document();

        FakeServices.Received asked = fake.received("GET", "/api/directory/organizations").get(0);
        assertEquals("size=10&q=%E5%A4%A9%E6%B4%A5", asked.query());
        assertEquals(1, results.select("li[data-organization]").size());
        assertEquals("org-tju", results.select("li[data-organization]").attr("data-organization"));
        assertTrue(results.select("li").text().contains("天津大学"));
        assertEquals("/challenges/c-1/bid/organizations/org-tju", results.select("button").attr("hx-get"));
    }

    @Test
    void anOrganizationAlreadyChosenIsMarkedInTheResultsAndNotAddedTwice() {
        PortalClient browser = browser().signIn(fake, "TEAM");
        BidFixtures.directory(fake);

        Document results = browser.get(FORM + "/organizations?q=tj&memberOrganizationIds=org-tju").document();
        PortalClient.Page again = browser.get(FORM + "/organizations/org-tju?memberOrganizationIds=org-tju");
        PortalClient.Page own = browser.get(FORM + "/organizations/" + cn.jiebang.portal.support.Fixtures.ORG_ID);

        assertEquals("已添加", results.select("li[data-organization] .meta").last().text());
        assertTrue(results.select("button").isEmpty());
        assertEquals(204, again.status());
        assertEquals(204, own.status());
    }

    @Test
    void choosingAnOrganizationAnswersItsCheckedChip() {
        PortalClient browser = browser().signIn(fake, "TEAM");
        BidFixtures.directory(fake);

        Document chip = browser.get(FORM + "/organizations/org-tju").document();

        Element box = chip.selectFirst("input[name=memberOrganizationIds]");
        assertEquals("org-tju", box.val());
        assertTrue(box.hasAttr("checked"));
        assertEquals("天津大学 · 天津 · 高等院校", chip.select("label").text());
    }

    /** A complete bid as the form posts it: one member, a gap and a blank row among the core members, a file. */
    static List<Map.Entry<String, String>> validForm(String key) {
        return List.of(Map.entry("idempotencyKey", key), Map.entry("budgetUnit", "WAN"),
                Map.entry("memberOrganizationIds", "org-tju"),
                Map.entry("teamLead.name", "李明"), Map.entry("teamLead.title", "研究员"),
                Map.entry("coreMembers[0].name", "张伟"), Map.entry("coreMembers[0].title", "副研究员"),
                Map.entry("coreMembers[3].name", "王芳"), Map.entry("coreMembers[3].title", "工程师"),
                Map.entry("coreMembers[5].name", ""), Map.entry("coreMembers[5].title", ""),
                Map.entry("technicalApproach", "碳化硅长晶与外延"),
                Map.entry("milestones[0].title", "样品"), Map.entry("milestones[0].dueOn", "2026-09-30"),
                Map.entry("milestones[0].deliverable", "4 英寸样品"),
                Map.entry("committedIndicators[0].name", "微管密度"), Map.entry("committedIndicators[0].value", "0.3"),
                Map.entry("committedIndicators[1].name", "衬底直径"), Map.entry("committedIndicators[1].value", "150"),
                Map.entry("requestedBudget", "2500.5"),
                Map.entry("attachmentIds", "a-1"), Map.entry("attachmentNames", "技术方案.pdf"),
                Map.entry("attachmentSizes", "1258291"), Map.entry("attachmentHashes", BidFixtures.SHA_PLAN),
                Map.entry("q", "天津"));
    }

    static List<Map.Entry<String, String>> replace(List<Map.Entry<String, String>> form, String name, String value) {
        List<Map.Entry<String, String>> copy = new ArrayList<>();
        for (Map.Entry<String, String> e : form) {
            copy.add(e.getKey().equals(name) ? Map.entry(name, value) : e);
        }
        return copy;
    }
}
