package cn.jiebang.portal.web.inbox;

import cn.jiebang.portal.support.PortalClient;
import cn.jiebang.portal.support.PortalTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class PreferencesTest extends PortalTest {

    private static final String FOLLOWING = """
            {"fields":["NEW_MATERIALS"],"regions":["TIANJIN"]}""";

    /** Every kind notification-service knows, as its GET answers them: all on but one. */
    private static final String CHANNELS = """
            {"email":{"CHALLENGE_PUBLISHED":true,"CHALLENGE_AMENDED":true,"CHALLENGE_CANCELLED":true,
             "REQUIREMENT_REVIEWED":true,"BID_RECEIPT":false,"BID_WITHDRAWN":true,"BID_SCREENED":true,
             "BIDS_RECEIVED":true,"BIDDING_CLOSED":true,"CHALLENGE_FAILED":true,"ROUND_OPENED":true,
             "SCREENING_COMPLETED":true,"REQUIREMENT_SUBMITTED":true,"DEADLINE_REMINDER":true,"JUDGES_ASSIGNED":true,
             "ROUND_RESULTS":true,"OBJECTION_FILED":true,"OBJECTION_RESOLVED":true,"FUNDING":true,
             "CHALLENGE_AWARDED":true,"SCORING_REMINDER":true}}""";

    private static final List<String> KINDS = List.of("CHALLENGE_PUBLISHED", "CHALLENGE_AMENDED",
            "CHALLENGE_CANCELLED", "REQUIREMENT_REVIEWED", "BID_RECEIPT", "BID_WITHDRAWN", "BID_SCREENED",
            "BIDS_RECEIVED", "BIDDING_CLOSED", "CHALLENGE_FAILED", "ROUND_OPENED", "SCREENING_COMPLETED",
            "REQUIREMENT_SUBMITTED", "DEADLINE_REMINDER", "JUDGES_ASSIGNED", "ROUND_RESULTS", "OBJECTION_FILED",
            "OBJECTION_RESOLVED", "FUNDING", "CHALLENGE_AWARDED", "SCORING_REMINDER");

    private PortalClient signedIn(String language) {
        PortalClient browser = browser().language(language).signIn(fake, "TEAM");
        fake.on("GET", "/api/subscriptions", FOLLOWING);
        fake.on("GET", "/api/notification-preferences", CHANNELS);
        return browser;
    }

    @Test
    void showsWhatThePersonFollowsAndWhichKindsComeByEmail() {
        Document page = signedIn("zh-CN").get("/preferences").document();

        assertTrue(page.selectFirst("#field-NEW_MATERIALS").hasAttr("checked"));
        assertFalse(page.selectFirst("#field-BIOMEDICINE").hasAttr("checked"));
        assertEquals("新材料", page.select("label[for=field-NEW_MATERIALS]").text());
        assertTrue(page.selectFirst("#region-TIANJIN").hasAttr("checked"));
        assertEquals("天津", page.select("label[for=region-TIANJIN]").text());
        assertFalse(page.selectFirst("#email-BID_RECEIPT").hasAttr("checked"));
        assertTrue(page.selectFirst("#email-ROUND_RESULTS").hasAttr("checked"));
        for (String kind : KINDS) {
            String label = page.select("label[for=email-" + kind + "]").text();
            assertFalse(label.isBlank() || label.equals(kind), "a Chinese label for " + kind);
        }
        assertEquals("申报回执", page.select("label[for=email-BID_RECEIPT]").text());
    }

    @Test
    void everyKindHasAnEnglishLabel() {
        Document page = signedIn("en").get("/preferences").document();

        for (String kind : KINDS) {
            String label = page.select("label[for=email-" + kind + "]").text();
            assertFalse(label.isBlank() || label.equals(kind), "an English label for " + kind);
        }
        assertEquals("Bid receipt", page.select("label[for=email-BID_RECEIPT]").text());
        assertEquals("Subscriptions & e-mail", page.select("h1").text());
    }

    @Test
    void savingSubscriptionsReplacesThemWithTheTickedFieldsAndRegions() {
        PortalClient browser = signedIn("zh-CN");
        browser.get("/preferences");
        fake.on("PUT", "/api/subscriptions", """
                {"fields":["AEROSPACE","NEW_MATERIALS"],"regions":["BEIJING"]}""");

        PortalClient.Page answer = browser.postForm("/preferences/subscriptions", List.of(
                Map.entry("fields", "NEW_MATERIALS"), Map.entry("fields", "AEROSPACE"), Map.entry("regions", "BEIJING")));

        assertEquals("/preferences?saved=subscriptions", answer.redirect());
        assertEquals("{\"fields\":[\"AEROSPACE\",\"NEW_MATERIALS\"],\"regions\":[\"BEIJING\"]}",
                fake.received("PUT", "/api/subscriptions").get(0).text());
        assertEquals("订阅已保存。", browser.get("/preferences?saved=subscriptions").document()
                .select("#subscriptions-saved").text());
    }

    @Test
    void followingNothingSendsEmptyLists() {
        PortalClient browser = signedIn("zh-CN");
        browser.get("/preferences");
        fake.on("PUT", "/api/subscriptions", """
                {"fields":[],"regions":[]}""");

        browser.postForm("/preferences/subscriptions", List.of());

        assertEquals("{\"fields\":[],\"regions\":[]}", fake.received("PUT", "/api/subscriptions").get(0).text());
    }

    @Test
    void savingEmailChoicesSendsEveryKindShownOnOrOff() {
        PortalClient browser = signedIn("zh-CN");
        browser.get("/preferences");
        fake.on("PUT", "/api/notification-preferences", CHANNELS);
        List<Map.Entry<String, String>> form = new ArrayList<>();
        for (String kind : List.of("CHALLENGE_PUBLISHED", "BID_RECEIPT", "FUNDING")) {
            form.add(Map.entry("kind", kind));
        }
        form.add(Map.entry("email", "BID_RECEIPT"));
        form.add(Map.entry("email", "FUNDING"));

        PortalClient.Page answer = browser.postForm("/preferences/email", form);

        assertEquals("/preferences?saved=email", answer.redirect());
        assertEquals("{\"email\":{\"CHALLENGE_PUBLISHED\":false,\"BID_RECEIPT\":true,\"FUNDING\":true}}",
                fake.received("PUT", "/api/notification-preferences").get(0).text());
        assertEquals("邮件设置已保存。", browser.get("/preferences?saved=email").document().select("#email-saved").text());
    }

    @Test
    void anOptionNotOnTheFormIsShownAtItsGroupAndNothingIsSent() {
        PortalClient browser = signedIn("zh-CN");
        browser.get("/preferences");

        PortalClient.Page answer = browser.postForm("/preferences/subscriptions", List.of(
                Map.entry("fields", "NEW_MATERIALS"), Map.entry("regions", "SHANGHAI")));

        assertEquals(422, answer.status());
        Document page = answer.document();
        assertEquals("请从列出的地区中选择。", page.select("#regions-error").text());
        assertEquals("true", page.selectFirst("#region-BEIJING").attr("aria-invalid"));
        assertEquals("regions-error", page.selectFirst("#region-BEIJING").attr("aria-describedby"));
        assertTrue(page.select("#fields-error").isEmpty());
        assertTrue(page.selectFirst("#field-NEW_MATERIALS").hasAttr("checked"), "the choice is kept");
        assertFalse(page.selectFirst("#region-TIANJIN").hasAttr("checked"), "what was sent, not what was stored");
        assertTrue(fake.received("PUT", "/api/subscriptions").isEmpty());
        assertEquals("/preferences", answer.header("HX-Replace-Url"));
    }

    @Test
    void aFieldTheServiceRefusesIsShownAtItsGroupInEnglish() {
        PortalClient browser = signedIn("en");
        browser.get("/preferences");
        fake.on("PUT", "/api/subscriptions", 400, """
                {"type":"https://jiebang.cn/problems/invalid-request","title":"Bad Request","status":400,
                 "detail":"fields[]<iterable element> must match","errors":[{"field":"fields[]<iterable element>",
                 "message":"must match \\"[A-Z][A-Z0-9_]{1,39}\\""}]}""");

        PortalClient.Page answer = browser.postForm("/preferences/subscriptions", List.of(Map.entry("fields", "OTHER")));

        assertEquals(422, answer.status());
        Document page = answer.document();
        assertEquals("Choose among the technology fields listed.", page.select("#fields-error").text());
        assertEquals("true", page.selectFirst("#field-OTHER").attr("aria-invalid"));
        assertFalse(answer.body().contains("must match"));
    }

    @Test
    void aRefusedEmailChoiceIsShownAtTheChoices() {
        PortalClient browser = signedIn("zh-CN");
        browser.get("/preferences");
        fake.on("PUT", "/api/notification-preferences", 400, """
                {"type":"https://jiebang.cn/problems/invalid-request","title":"Bad Request","status":400,
                 "errors":[{"field":"email","message":"must not be null"}]}""");

        PortalClient.Page answer = browser.postForm("/preferences/email", List.of(
                Map.entry("kind", "FUNDING"), Map.entry("email", "FUNDING")));

        assertEquals(422, answer.status());
        assertEquals("这些邮件设置无法保存，请刷新页面后重新选择。", answer.document().select("#email-error").text());
        assertEquals("true", answer.document().selectFirst("#email-FUNDING").attr("aria-invalid"));
        assertEquals("提交的内容有误，请按提示修改。", answer.document().select("#email-problem").text());
    }

    @Test
    void signedOutVisitorsAreSentToSignIn() {
        PortalClient.Page page = browser().get("/preferences");

        assertEquals(303, page.status());
        assertEquals("/signin?next=%2Fpreferences", page.redirect());
    }
}
