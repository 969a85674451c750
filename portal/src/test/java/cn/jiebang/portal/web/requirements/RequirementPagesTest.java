package cn.jiebang.portal.web.requirements;

import cn.jiebang.portal.support.FakeServices;
import cn.jiebang.portal.support.PortalClient;
import cn.jiebang.portal.support.PortalTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class RequirementPagesTest extends PortalTest {

    private static final String NOT_FOUND = """
            {"type":"https://jiebang.cn/problems/requirement-not-found","title":"Not Found","status":404,
             "detail":"requirement r-9 not found"}""";

    @Test
    void theListShowsTheOrganizationsRequirementsWithTheirStatusAndTheNavLinksToIt() {
        PortalClient browser = browser().signIn(fake, "AGENCY");
        RequirementFixtures.list(fake, RequirementFixtures.requirement("r-1", "RETURNED", "请补充测试方法"),
                RequirementFixtures.requirement("r-2", "SUBMITTED", null));

        Document page = browser.get("/requirements").document();

        assertEquals("需求征集", page.select("h1").text());
        assertEquals("/requirements", page.select("#nav-requirements").attr("href"));
        assertEquals(List.of("退回修改", "待审核"), page.select("#requirements .tag").eachText());
        assertEquals(List.of("/requirements/r-1/edit"), page.select("#requirements a[href$=/edit]").eachAttr("href"));
        assertEquals("项目办已给出审核意见。", page.select("[data-requirement=r-1] .review-note").text());
        assertEquals("token-AGENCY", bearer(fake.received("GET", "/api/requirements").get(0)));
    }

    @Test
    void onlyAnAgencySeesTheLinkAndThePages() {
        PortalClient team = browser().signIn(fake, "TEAM");

        PortalClient.Page page = team.get("/requirements");

        assertEquals(403, page.status());
        assertEquals("需求征集页面仅供需求单位使用。您当前的账号不是需求单位账号。", page.document().select("#error-message").text());
        assertTrue(team.get("/challenges").document().select("#nav-requirements").isEmpty());
        assertTrue(fake.received("GET", "/api/requirements").isEmpty());
        PortalClient.Page signedOut = browser().get("/requirements/new");
        assertEquals(303, signedOut.status());
        assertEquals("/signin?next=" + URLEncoder.encode("/requirements/new", StandardCharsets.UTF_8), signedOut.redirect());
    }

    @Test
    void aNewRequirementIsSentAsTypedAndOpensOnItsPage() {
        PortalClient browser = browser().signIn(fake, "AGENCY");
        browser.get("/requirements/new");
        fake.on("POST", "/api/requirements", 201, RequirementFixtures.requirement("r-3", "DRAFT", null));

        PortalClient.Page answer = browser.postForm("/requirements/new", validForm());

        assertEquals("/requirements/r-3", answer.redirect());
        String sent = fake.received("POST", "/api/requirements").get(0).text();
        assertTrue(sent.contains("\"title\":\"高纯碳化硅衬底\""), sent);
        assertTrue(sent.contains("\"kind\":\"BOTTLENECK\""), sent);
        assertTrue(sent.contains("\"indicators\":[{\"name\":\"微管密度\",\"targetValue\":0.5,\"unit\":\"个/cm²\","
                + "\"direction\":\"AT_MOST\",\"testMethod\":\"光学检测\"}]"), sent);
        assertTrue(sent.contains("\"budgetCeiling\":30000000"), sent);
        assertTrue(sent.contains("\"wantedBy\":\"2027-06-30\""), sent);
        assertTrue(sent.contains("\"coFunded\":true"), sent);
    }

    @Test
    void aFieldErrorFromTheServerIsShownAtItsFieldAndTheInputStays() {
        PortalClient browser = browser().signIn(fake, "AGENCY");
        browser.get("/requirements/new");
        fake.on("POST", "/api/requirements", 422, """
                {"type":"https://jiebang.cn/problems/invalid-requirement","title":"Unprocessable","status":422,
                 "detail":"wantedBy must be in the future; indicators[0].targetValue must not be negative",
                 "errors":[{"field":"wantedBy","message":"must be in the future"},
                           {"field":"indicators[0].targetValue","message":"must not be negative"}]}""");

        PortalClient.Page answer = browser.postForm("/requirements/new", validForm());

        assertEquals(422, answer.status());
        Document page = answer.document();
        assertEquals("必须晚于今天。", page.select("#wantedBy-error").text());
        assertEquals("true", page.select("#wantedBy").attr("aria-invalid"));
        assertEquals("不能为负数。", page.select("#indicators-0-targetValue-error").text());
        assertEquals("高纯碳化硅衬底", page.select("#title").val());
        assertEquals("0.5", page.select("#indicators-0-targetValue").val());
        assertFalse(page.html().contains("must be in the future"));
    }

    @Test
    void aNumberTheFormCannotReadIsSaidAtItsFieldWithoutAskingTheServer() {
        PortalClient browser = browser().language("en").signIn(fake, "AGENCY");
        browser.get("/requirements/new");

        PortalClient.Page answer = browser.postForm("/requirements/new", replace(validForm(), "budgetCeiling", "lots"));

        assertEquals(422, answer.status());
        assertEquals("Enter a number, e.g. 1200 or 12.5.", answer.document().select("#budgetCeiling-error").text());
        assertTrue(fake.received("POST", "/api/requirements").isEmpty());
    }

    @Test
    void aReturnedRequirementShowsTheCommentIsRevisedAndResubmitted() {
        PortalClient browser = browser().signIn(fake, "AGENCY");
        RequirementFixtures.one(fake, "r-1", "RETURNED", "请补充测试方法");

        Document shown = browser.get("/requirements/r-1").document();
        assertEquals("请补充测试方法", shown.select("#review-comment").text());
        assertEquals("退回修改", shown.select("#status").text());
        assertEquals("/requirements/r-1/submit", shown.select("#submit-form").attr("action"));

        Document edit = browser.get("/requirements/r-1/edit").document();
        assertEquals("请补充测试方法", edit.select("#review-comment").text());
        assertEquals("高纯碳化硅衬底", edit.select("#title").val());
        assertEquals("0.5", edit.select("#indicators-0-targetValue").val());
        assertEquals("AT_MOST", edit.select("#indicators-0-direction option[selected]").val());
        assertEquals("30000000", edit.select("#budgetCeiling").val());

        fake.on("PUT", "/api/requirements/r-1", RequirementFixtures.requirement("r-1", "RETURNED", "请补充测试方法"));
        PortalClient.Page saved = browser.postForm("/requirements/r-1/edit",
                replace(validForm(), "indicators[0].testMethod", "第三方检测"));
        assertEquals("/requirements/r-1", saved.redirect());
        assertTrue(fake.received("PUT", "/api/requirements/r-1").get(0).text().contains("\"testMethod\":\"第三方检测\""));

        fake.on("POST", "/api/requirements/r-1/submit", RequirementFixtures.requirement("r-1", "SUBMITTED", null));
        PortalClient.Page submitted = browser.postForm("/requirements/r-1/submit", List.of());
        assertEquals("/requirements/r-1?submitted=true", submitted.redirect());
        assertEquals(1, fake.received("POST", "/api/requirements/r-1/submit").size());
    }

    @Test
    void aSubmittedRequirementOffersNoEditOrSubmit() {
        PortalClient browser = browser().signIn(fake, "AGENCY");
        RequirementFixtures.one(fake, "r-2", "SUBMITTED", null);

        Document shown = browser.get("/requirements/r-2?submitted=true").document();
        assertEquals("需求已提交，等待项目办审核。", shown.select("#submitted").text());
        assertNull(shown.selectFirst("#submit-form"));
        assertNull(shown.selectFirst("#review"));

        Document edit = browser.get("/requirements/r-2/edit").document();
        assertNull(edit.selectFirst("#requirement-form"));
        assertFalse(edit.select("#not-editable").text().isEmpty());
    }

    @Test
    void anotherOrganizationsRequirementIsNotFound() {
        PortalClient browser = browser().signIn(fake, "AGENCY");
        fake.on("GET", "/api/requirements/r-9", 404, NOT_FOUND);
        fake.on("PUT", "/api/requirements/r-9", 404, NOT_FOUND);

        for (String path : List.of("/requirements/r-9", "/requirements/r-9/edit")) {
            PortalClient.Page page = browser.get(path);
            assertEquals(404, page.status(), path);
            assertEquals("未找到该需求。", page.document().select("#error-message").text(), path);
            assertFalse(page.body().contains("r-9 not found"), path);
        }
        PortalClient.Page save = browser.postForm("/requirements/r-9/edit", validForm());
        assertEquals(404, save.status());
        assertTrue(fake.received("PUT", "/api/requirements/r-9").isEmpty());
    }

    @Test
    void thePagesSpeakEnglish() {
        PortalClient browser = browser().language("en").signIn(fake, "AGENCY");
        RequirementFixtures.one(fake, "r-1", "RETURNED", "Add a test method");

        Document shown = browser.get("/requirements/r-1").document();

        assertEquals("Returned for revision", shown.select("#status").text());
        assertEquals("The program office’s comment", shown.select("#review-heading").text());
        assertEquals("Bottleneck technology", shown.select("#kind").text());
    }

    static List<Map.Entry<String, String>> validForm() {
        List<Map.Entry<String, String>> form = new ArrayList<>();
        form.add(Map.entry("title", "高纯碳化硅衬底"));
        form.add(Map.entry("description", "6 英寸衬底国产化"));
        form.add(Map.entry("kind", "BOTTLENECK"));
        form.add(Map.entry("technologyField", "NEW_MATERIALS"));
        form.add(Map.entry("region", "TIANJIN"));
        form.add(Map.entry("indicators[0].name", "微管密度"));
        form.add(Map.entry("indicators[0].direction", "AT_MOST"));
        form.add(Map.entry("indicators[0].targetValue", "0.5"));
        form.add(Map.entry("indicators[0].unit", "个/cm²"));
        form.add(Map.entry("indicators[0].testMethod", "光学检测"));
        form.add(Map.entry("indicators[1].name", ""));
        form.add(Map.entry("indicators[1].direction", "AT_LEAST"));
        form.add(Map.entry("indicators[1].targetValue", ""));
        form.add(Map.entry("indicators[1].unit", ""));
        form.add(Map.entry("indicators[1].testMethod", ""));
        form.add(Map.entry("budgetCeiling", "30000000"));
        form.add(Map.entry("wantedBy", "2027-06-30"));
        form.add(Map.entry("coFunded", "true"));
        return form;
    }

    static List<Map.Entry<String, String>> replace(List<Map.Entry<String, String>> form, String name, String value) {
        return form.stream().map(e -> e.getKey().equals(name) ? Map.entry(name, value) : e).toList();
    }

    private static String bearer(FakeServices.Received received) {
        String auth = received.header("Authorization");
        return auth == null ? null : auth.substring("Bearer ".length());
    }
}
