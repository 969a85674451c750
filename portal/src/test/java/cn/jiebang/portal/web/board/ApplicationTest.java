package cn.jiebang.portal.web.board;

import cn.jiebang.portal.support.FakeServices;
import cn.jiebang.portal.support.PortalClient;
import cn.jiebang.portal.support.PortalTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class ApplicationTest extends PortalTest {

    private static final String APPLIED = """
            {"id":"org-new","name":"天津新材料研究院","creditCode":"9144030071526726XG","region":"TIANJIN",
             "kind":"RESEARCH_INSTITUTE","status":"PENDING","rejectionReason":null,"createdAt":"2026-11-30T00:00:00Z"}""";

    /** A complete application as a person fills it in; {@code with} replaces or adds fields. */
    private static List<Map.Entry<String, String>> application(String... with) {
        List<Map.Entry<String, String>> fields = new ArrayList<>(List.of(
                Map.entry("organization.name", "天津新材料研究院"),
                Map.entry("organization.creditCode", " 9144030071526726xg "),
                Map.entry("organization.region", "TIANJIN"),
                Map.entry("organization.kind", "RESEARCH_INSTITUTE"),
                Map.entry("contact.name", "王建国"),
                Map.entry("contact.email", "wang@tjnm.example.cn"),
                Map.entry("contact.roles", "TEAM"),
                Map.entry("contact.roles", "JUDGE"),
                Map.entry("contact.language", "zh"),
                Map.entry("contact.password", "correct-horse-battery"),
                Map.entry("contact.passwordAgain", "correct-horse-battery")));
        for (int i = 0; i < with.length; i += 2) {
            String name = with[i];
            fields.removeIf(e -> e.getKey().equals(name));
            if (with[i + 1] != null) {
                fields.add(Map.entry(name, with[i + 1]));
            }
        }
        return fields;
    }

    private PortalClient.Page check(PortalClient browser, String code) {
        return browser.get("/organizations/apply/credit-code?organization.creditCode="
                + URLEncoder.encode(code, StandardCharsets.UTF_8));
    }

    @Test
    void theFormOffersOnlyTheRolesAnApplicantMayAskFor() {
        Document page = browser().get("/organizations/apply").document();

        assertEquals(List.of("AGENCY", "TEAM", "JUDGE"), page.select("input[name=contact.roles]").eachAttr("value"));
        assertEquals("zh", page.select("#contact-language option[selected]").val());
        Element form = page.selectFirst("#apply-form");
        assertNotNull(form);
        assertEquals("post", form.attr("method"));
        for (Element input : form.select("input:not([type=hidden]), select")) {
            assertEquals(1, page.select("label[for=" + input.id() + "]").size(), "a label for " + input.id());
        }
        Element code = page.selectFirst("#organization-creditCode");
        assertNotNull(code);
        assertEquals("/organizations/apply/credit-code", code.attr("hx-get"));
        assertEquals("input changed delay:300ms", code.attr("hx-trigger"));
        assertEquals("#organization-creditCode-check", code.attr("hx-target"));
    }

    @Test
    void theCreditCodeCheckAnswersAFragmentSayingTheCodeIsValid() {
        PortalClient.Page answer = check(browser(), "9144030071526726XG");

        assertEquals(200, answer.status());
        assertFalse(answer.body().contains("<html"), "a fragment, not a page");
        assertFalse(answer.body().contains("nav"), answer.body());
        Element verdict = answer.document().selectFirst("#credit-code-verdict");
        assertNotNull(verdict);
        assertEquals("ok", verdict.attr("data-state"));
        assertEquals("field-ok", verdict.className());
        assertEquals("代码格式正确，校验位无误。", verdict.text());
        assertTrue(fake.received().isEmpty(), "checked by the portal itself");
    }

    @Test
    void theCreditCodeCheckSaysWhichCheckCharacterAMistypedCodeShouldHave() {
        Element verdict = check(browser(), "914403001922038217").document().selectFirst("#credit-code-verdict");

        assertNotNull(verdict);
        assertEquals("error", verdict.attr("data-state"));
        assertEquals("field-error", verdict.className());
        assertEquals("校验位是“7”，按前 17 位应为“6”：代码可能输错了。", verdict.text());
    }

    @Test
    void theCreditCodeCheckSpeaksEnglishToAnEnglishVisitor() {
        PortalClient english = browser().language("en");

        assertEquals("The check character is “H” but the first 17 characters call for “G”: the code is probably mistyped.",
                check(english, "9144030071526726XH").document().select("#credit-code-verdict").text());
        assertEquals("Character 8 (“O”) cannot be in a unified social credit code: digits and capital letters except "
                        + "I, O, S, V and Z only.",
                check(english, "9144030O1922038216").document().select("#credit-code-verdict").text());
        assertEquals("Well formed, and the check character is right.",
                check(english, "12100000400000624D").document().select("#credit-code-verdict").text());
    }

    @Test
    void aCodeStillBeingTypedIsAHintNotAnError() {
        Element verdict = check(browser(), "9144030071").document().selectFirst("#credit-code-verdict");

        assertNotNull(verdict);
        assertEquals("hint", verdict.attr("data-state"));
        assertEquals("已输入 10 位，共需 18 位。", verdict.text());
        assertTrue(check(browser(), "").document().select("#credit-code-verdict").isEmpty());
    }

    @Test
    void mistakesThePortalCanSeeAreShownAtTheirFieldsAndNothingIsSent() {
        PortalClient browser = browser();
        browser.get("/organizations/apply");

        PortalClient.Page page = browser.postForm("/organizations/apply", application(
                "organization.creditCode", "914403001922038217",
                "contact.passwordAgain", "something-else-entirely",
                "contact.roles", null,
                "organization.name", ""));

        assertEquals(422, page.status());
        Document doc = page.document();
        assertEquals("校验位是“7”，按前 17 位应为“6”：代码可能输错了。", doc.select("#organization-creditCode-error").text());
        assertEquals("true", doc.select("#organization-creditCode").attr("aria-invalid"));
        assertTrue(doc.select("#organization-creditCode").attr("aria-describedby").contains("organization-creditCode-error"));
        assertEquals("两次输入的密码不一致。", doc.select("#contact-passwordAgain-error").text());
        assertEquals("请至少选择一个角色。", doc.select("#contact-roles-error").text());
        assertEquals("必填。", doc.select("#organization-name-error").text());
        assertEquals("true", doc.select("#organization-name").attr("aria-invalid"));
        assertEquals(4, doc.select("#apply-errors li").size());
        assertEquals("#organization-name", doc.select("#apply-errors li a").get(0).attr("href"));
        // what was typed is kept, passwords excepted
        assertEquals("914403001922038217", doc.select("#organization-creditCode").val());
        assertEquals("wang@tjnm.example.cn", doc.select("#contact-email").val());
        assertEquals("", doc.select("#contact-password").val());
        assertTrue(fake.received().isEmpty());
    }

    @Test
    void theServicesFieldErrorsAppearAtTheirFields() {
        fake.on("POST", "/api/organizations/applications", 400, """
                {"type":"https://jiebang.cn/problems/invalid-request","title":"Bad Request","status":400,
                 "detail":"contact.email must be a well-formed email address; organization.name size must be between 0 and 200",
                 "errors":[{"field":"contact.email","message":"must be a well-formed email address"},
                           {"field":"organization.name","message":"size must be between 0 and 200"}]}""");
        PortalClient browser = browser();
        browser.get("/organizations/apply");

        PortalClient.Page page = browser.postForm("/organizations/apply", application());

        assertEquals(422, page.status());
        Document doc = page.document();
        assertEquals("请填写有效的电子邮箱，例如 name@example.cn。", doc.select("#contact-email-error").text());
        assertEquals("true", doc.select("#contact-email").attr("aria-invalid"));
        assertEquals("请填写单位名称，最多 200 个字符。", doc.select("#organization-name-error").text());
        assertEquals("天津新材料研究院", doc.select("#organization-name").val());
        assertEquals(List.of("TEAM", "JUDGE"), doc.select("input[name=contact.roles][checked]").eachAttr("value"));
        assertFalse(page.body().contains("well-formed"), "never the service's English words in the zh page");
    }

    @Test
    void aDuplicateCreditCodeIsSaidAboveTheFormAndMarkedAtTheField() {
        fake.on("POST", "/api/organizations/applications", 422, """
                {"type":"https://jiebang.cn/problems/credit-code-taken","title":"Unprocessable Entity","status":422,
                 "detail":"an organization with credit code 9144030071526726XG is registered already",
                 "errors":[{"field":"creditCode","message":"an organization with credit code 9144030071526726XG is registered already"}]}""");
        PortalClient browser = browser();
        browser.get("/organizations/apply");

        Document doc = browser.postForm("/organizations/apply", application()).document();

        assertEquals("该统一社会信用代码已注册，或已有申请正在审核。如需帮助，请联系项目管理办公室。",
                doc.select("#apply-message").text());
        assertEquals("该代码已注册或正在审核。", doc.select("#organization-creditCode-error").text());
        assertEquals("true", doc.select("#organization-creditCode").attr("aria-invalid"));
    }

    @Test
    void aDuplicateEmailIsSaidInEnglishToAnEnglishVisitor() {
        fake.on("POST", "/api/organizations/applications", 422, """
                {"type":"https://jiebang.cn/problems/email-taken","title":"Unprocessable Entity","status":422,
                 "detail":"an account with e-mail wang@tjnm.example.cn exists already",
                 "errors":[{"field":"email","message":"an account with e-mail wang@tjnm.example.cn exists already"}]}""");
        PortalClient browser = browser().language("en");
        browser.get("/organizations/apply");

        Document doc = browser.postForm("/organizations/apply", application()).document();

        assertEquals("There is an account with this e-mail already. Use another address, or sign in.",
                doc.select("#apply-message").text());
        assertEquals("There is an account with this e-mail already.", doc.select("#contact-email-error").text());
        assertEquals("Register an organization", doc.select("h1").text());
    }

    @Test
    void aSuccessfulApplicationIsSentAsTheServiceExpectsAndConfirmed() {
        fake.on("POST", "/api/organizations/applications", 202, APPLIED);
        PortalClient browser = browser();
        browser.get("/organizations/apply");

        PortalClient.Page page = browser.postForm("/organizations/apply", application());

        assertEquals("/organizations/apply/received", page.redirect());
        FakeServices.Received sent = fake.received("POST", "/api/organizations/applications").get(0);
        String body = sent.text();
        assertTrue(body.contains("\"creditCode\":\"9144030071526726XG\""), body);
        assertTrue(body.contains("\"name\":\"天津新材料研究院\""), body);
        assertTrue(body.contains("\"region\":\"TIANJIN\""), body);
        assertTrue(body.contains("\"kind\":\"RESEARCH_INSTITUTE\""), body);
        assertTrue(body.contains("\"email\":\"wang@tjnm.example.cn\""), body);
        assertTrue(body.contains("\"TEAM\"") && body.contains("\"JUDGE\""), body);
        assertTrue(body.contains("\"language\":\"zh\""), body);
        assertTrue(body.contains("\"password\":\"correct-horse-battery\""), body);
        assertFalse(body.contains("passwordAgain"), body);
        assertEquals(null, sent.header("Authorization"));

        Document received = browser.get("/organizations/apply/received").document();
        assertEquals("我们已收到您的单位注册申请。项目管理办公室将审核申请。", received.select("#applied-message").text());
    }

    @Test
    void theConfirmationSpeaksEnglishToo() {
        Document received = browser().language("en").get("/organizations/apply/received").document();

        assertEquals("Application received", received.select("h1").text());
        // MessageFormat would eat an ASCII apostrophe: the bundle uses ’
        assertEquals("We have received your organization’s application. The program office will review it.",
                received.select("#applied-message").text());
    }
}
