package cn.jiebang.portal.web.progress;

import cn.jiebang.portal.support.FakeServices;
import cn.jiebang.portal.support.PortalClient;
import cn.jiebang.portal.support.PortalTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class ProgressTest extends PortalTest {

    private static final String BID = "b-1";
    private static final String CHALLENGE = "c-1";
    private static final String PROGRESS = "/my/bids/" + BID + "/progress";

    private static String bid(String status, String reason) {
        return """
                {"id":"%s","challengeId":"%s","leadOrganizationId":"org-team-1","submittedBy":"user-1","status":"%s",
                 "currentVersion":2,"contentHash":"9f86d0","submittedAt":"2027-01-20T02:00:00Z","content":{},
                 "attachments":[],"screeningReason":%s,"createdAt":"2027-01-10T02:00:00Z",
                 "updatedAt":"2027-02-01T02:00:00Z"}""".formatted(BID, CHALLENGE, status,
                reason == null ? "null" : "\"" + reason + "\"");
    }

    /** A two-round horse race: round 1 a proposal review, round 2 a milestone, in the given states. */
    private static String challenge(String round1Status, String round2Status, Instant round2ClosesAt) {
        return """
                {"id":"%s","title":"高强度碳纤维","mode":"HORSE_RACE","status":"IN_EVALUATION","rounds":[
                 {"index":1,"name":"方案评审","kind":"PROPOSAL_REVIEW","opensAt":"2027-02-01T00:00:00Z",
                  "closesAt":"2027-02-10T09:00:00Z","criteria":[
                    {"code":"TECH","name":"技术路线","weight":60,"maxScore":100},
                    {"code":"TEAM","name":"团队能力","weight":40,"maxScore":100}],
                  "aggregation":"TRIMMED_MEAN","advancement":{"rule":"TOP_N","value":3,"maxTeams":3},
                  "minJudgesPerBid":5,"blind":false,"tranchePerTeam":3000000.00,"publicityDays":5,
                  "status":"%s","openedAt":"2027-02-01T00:00:00Z","judgeIds":null},
                 {"index":2,"name":"中期比拼","kind":"MILESTONE","opensAt":"2027-03-01T00:00:00Z",
                  "closesAt":"%s","criteria":[{"code":"PROGRESS","name":"进展","weight":100,"maxScore":10}],
                  "aggregation":"MEAN","advancement":{"rule":"TOP_N","value":1,"maxTeams":1},
                  "minJudgesPerBid":3,"blind":false,"tranchePerTeam":0,"publicityDays":3,
                  "status":"%s","openedAt":null,"judgeIds":null}]}""".formatted(CHALLENGE, round1Status,
                round2ClosesAt, round2Status);
    }

    private static String publicResults(String status, Instant publicityEndsAt, String bidId) {
        return """
                {"index":1,"status":"%s","publicityEndsAt":"%s","results":[
                 {"bidId":"b-9","leadOrganizationId":"org-9","aggregate":90.1000,"rank":1,"decision":"ADVANCED",
                  "flagged":false,"corrected":false},
                 {"bidId":"%s","leadOrganizationId":"org-team-1","aggregate":82.3460,"rank":2,"decision":"ADVANCED",
                  "flagged":false,"corrected":false}]}""".formatted(status, publicityEndsAt, bidId);
    }

    private static final String TEAM_RESULT = """
            {"bidId":"b-1","roundIndex":1,"aggregate":82.3460,"rank":2,"decision":"ADVANCED","flagged":false,"judges":5,
             "meanScoreByCriterion":{"TECH":85.50,"TEAM":78.00}}""";

    private static Instant inDays(long days) {
        return Instant.now().plus(Duration.ofDays(days)).plus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS);
    }

    /** Round 1 announced, 公示 open for two more days, nothing objected yet; round 2 pending. */
    private void duringPublicity() {
        fake.on("GET", "/api/bids/" + BID, bid("SCREENED_IN", "材料齐全，符合申报要求"));
        fake.on("GET", "/api/challenges/" + CHALLENGE, challenge("ANNOUNCED", "PENDING", inDays(30)));
        fake.on("GET", "/api/challenges/" + CHALLENGE + "/rounds/1/results",
                publicResults("ANNOUNCED", inDays(2), BID));
        fake.on("GET", "/api/bids/" + BID + "/rounds/1/result", TEAM_RESULT);
        fake.on("GET", "/api/challenges/" + CHALLENGE + "/rounds/1/objections", "[]");
        fake.on("GET", "/api/challenges/" + CHALLENGE + "/funding", "[]");
    }

    /** Round 1 final with a dismissed objection and a tranche; round 2, a milestone, open for five more days. */
    private void duringMilestone() {
        fake.on("GET", "/api/bids/" + BID, bid("SCREENED_IN", "材料齐全，符合申报要求"));
        fake.on("GET", "/api/challenges/" + CHALLENGE, challenge("FINALIZED", "OPEN", inDays(5)));
        fake.on("GET", "/api/challenges/" + CHALLENGE + "/rounds/1/results",
                publicResults("FINALIZED", Instant.parse("2027-02-16T09:00:00Z"), BID));
        fake.on("GET", "/api/bids/" + BID + "/rounds/1/result", TEAM_RESULT);
        fake.on("GET", "/api/challenges/" + CHALLENGE + "/rounds/1/objections", """
                [{"id":"o-1","challengeId":"c-1","roundIndex":1,"organizationId":"org-team-1","filedBy":"user-1",
                  "reasons":"第 3 位专家的评分明显偏低","status":"DISMISSED","resolution":"评分符合评审细则",
                  "filedAt":"2027-02-12T02:00:00Z","resolvedAt":"2027-02-13T02:00:00Z","version":1}]""");
        fake.on("GET", "/api/challenges/" + CHALLENGE + "/funding", """
                [{"id":"g-1","challengeId":"c-1","roundIndex":1,"bidId":"b-1","organizationId":"org-team-1",
                  "submittedBy":"user-1","amount":3000000.00,"released":1500000.00,"grantedAt":"2027-02-16T09:00:01Z",
                  "version":1},
                 {"id":"g-2","challengeId":"c-1","roundIndex":1,"bidId":"b-7","organizationId":"org-team-1",
                  "submittedBy":"user-1","amount":1000000.00,"released":0,"grantedAt":"2027-02-16T09:00:01Z",
                  "version":0}]""");
    }

    private PortalClient team() {
        return browser().signIn(fake, "TEAM");
    }

    @Test
    void showsTheScreeningResultAndItsReason() {
        PortalClient browser = team();
        fake.on("GET", "/api/bids/" + BID, bid("SCREENED_OUT", "牵头单位不在允许的地区"));
        fake.on("GET", "/api/challenges/" + CHALLENGE, challenge("ANNOUNCED", "PENDING", inDays(30)));

        Document page = browser.get(PROGRESS).document();

        assertEquals("形式审查未通过", page.select("#screening-status").text());
        assertEquals("审查意见： 牵头单位不在允许的地区", page.select("#screening-reason").text());
        assertEquals("只有通过形式审查的申报参加评审。", page.select("#round-1-stage").text());
        assertTrue(fake.received("GET", "/api/bids/" + BID + "/rounds").isEmpty(), "no result is asked for");
        assertTrue(fake.received("GET", "/api/challenges/" + CHALLENGE + "/funding").isEmpty());
        assertEquals("Bearer token-TEAM", fake.received("GET", "/api/bids/" + BID).get(0).header("Authorization"));
    }

    @Test
    void showsTheTeamsResultPerCriterionWithNamesAndWeights() {
        PortalClient browser = team();
        duringPublicity();

        Document page = browser.get(PROGRESS).document();

        assertEquals("形式审查通过", page.select("#screening-status").text());
        assertEquals("结果公示中", page.select("#round-1-status").text());
        assertEquals("晋级", page.select("#decision-1").text());
        assertEquals("2", page.select("#rank-1").text());
        assertEquals("82.35", page.select("#aggregate-1").text());
        assertEquals("5", page.select("#judges-1").text());
        assertEquals("技术路线 60% 100 85.50", page.select("#score-1-TECH").text());
        assertEquals("团队能力 40% 100 78.00", page.select("#score-1-TEAM").text());
        assertEquals("未开始", page.select("#round-2-status").text());
        assertTrue(page.select("#result-2").isEmpty());
    }

    @Test
    void duringPublicityShowsTheTimeLeftAndTheObjectionForm() {
        PortalClient browser = team();
        duringPublicity();

        Document page = browser.get(PROGRESS).document();

        assertTrue(page.select("#time-left-1").text().matches("剩余 2 天 0 小时"), page.select("#time-left-1").text());
        assertTrue(page.select("#publicity-1").text().startsWith("公示至 "));
        assertNotNull(page.selectFirst("#objection-form"));
        assertEquals("/my/bids/b-1/rounds/1/objection", page.selectFirst("#objection-form").attr("action"));
        assertEquals("异议理由", page.select("label[for=reasons]").text());
    }

    @Test
    void filingAnObjectionPostsTheReasonsToTheRoundAndSaysSo() {
        PortalClient browser = team();
        duringPublicity();
        browser.get(PROGRESS);
        fake.on("POST", "/api/challenges/" + CHALLENGE + "/rounds/1/objections", 201, """
                {"id":"o-2","challengeId":"c-1","roundIndex":1,"organizationId":"org-team-1","filedBy":"user-1",
                 "reasons":"第 3 位专家的评分明显偏低","status":"OPEN","resolution":null,"filedAt":"2027-02-12T02:00:00Z",
                 "resolvedAt":null,"version":0}""");

        PortalClient.Page answer = browser.post("/my/bids/b-1/rounds/1/objection",
                Map.of("reasons", "  第 3 位专家的评分明显偏低  "));

        assertEquals("/my/bids/b-1/progress?filed=1", answer.redirect());
        FakeServices.Received sent = fake.received("POST", "/api/challenges/c-1/rounds/1/objections").get(0);
        assertEquals("{\"reasons\":\"第 3 位专家的评分明显偏低\"}", sent.text());
        assertEquals("Bearer token-TEAM", sent.header("Authorization"));
        fake.on("GET", "/api/challenges/" + CHALLENGE + "/rounds/1/objections", """
                [{"id":"o-2","challengeId":"c-1","roundIndex":1,"organizationId":"org-team-1","filedBy":"user-1",
                  "reasons":"第 3 位专家的评分明显偏低","status":"OPEN","resolution":null,"filedAt":"2027-02-12T02:00:00Z",
                  "resolvedAt":null,"version":0}]""");
        Document page = browser.get(answer.redirect()).document();
        assertEquals("异议已提交，项目管理办公室将在公示期内处理。", page.select("#notice").text());
        assertEquals("待处理", page.select("#objection-o-2 .tag").text());
        assertNull(page.selectFirst("#objection-form"), "one objection per organization and round");
    }

    @Test
    void anObjectionWithoutReasonsIsShownAtTheFieldAndNothingIsSent() {
        PortalClient browser = team();
        duringPublicity();
        browser.get(PROGRESS);

        PortalClient.Page answer = browser.post("/my/bids/b-1/rounds/1/objection", Map.of("reasons", "   "));

        assertEquals(422, answer.status());
        Document page = answer.document();
        assertEquals("请填写异议理由。", page.select("#reasons-error").text());
        assertEquals("true", page.selectFirst("#reasons").attr("aria-invalid"));
        assertTrue(page.selectFirst("#reasons").attr("aria-describedby").contains("reasons-error"));
        assertEquals("/my/bids/b-1/progress", answer.header("HX-Replace-Url"));
        assertTrue(fake.received("POST", "/api/challenges").isEmpty());
    }

    @Test
    void reasonsTheServiceRefusesAreShownAtTheFieldWithWhatWasTyped() {
        PortalClient browser = team();
        duringPublicity();
        browser.get(PROGRESS);
        fake.on("POST", "/api/challenges/" + CHALLENGE + "/rounds/1/objections", 400, """
                {"type":"https://jiebang.cn/problems/invalid-request","title":"Bad Request","status":400,
                 "detail":"reasons size must be between 0 and 20000",
                 "errors":[{"field":"reasons","message":"size must be between 0 and 20000"}]}""");

        PortalClient.Page answer = browser.post("/my/bids/b-1/rounds/1/objection", Map.of("reasons", "评分不公"));

        assertEquals(422, answer.status());
        Document page = answer.document();
        assertEquals("异议理由不符合要求，请修改后重新提交。", page.select("#reasons-error").text());
        assertEquals("评分不公", page.select("#reasons").text());
        assertFalse(answer.body().contains("size must be"));
    }

    @Test
    void anObjectionAfterThePublicityPeriodIsExplainedInEnglish() {
        PortalClient browser = browser().language("en").signIn(fake, "TEAM");
        duringPublicity();
        browser.get(PROGRESS);
        fake.on("POST", "/api/challenges/" + CHALLENGE + "/rounds/1/objections", 409, """
                {"type":"https://jiebang.cn/problems/publicity-over","title":"Conflict","status":409,
                 "detail":"the publicity period of round 1 ended at 2027-02-16T09:00:00Z"}""");

        PortalClient.Page answer = browser.post("/my/bids/b-1/rounds/1/objection", Map.of("reasons", "unfair"));

        assertEquals(409, answer.status());
        assertEquals("The publicity period is over; objections can no longer be filed.",
                answer.document().select("#objection-problem").text());
        assertEquals("unfair", answer.document().select("#reasons").text());
    }

    @Test
    void showsObjectionsWithTheirResolutionAndTheGrantsInWanYuan() {
        PortalClient browser = team();
        duringMilestone();

        Document page = browser.get(PROGRESS).document();

        assertEquals("未被采纳", page.select("#objection-o-1 .tag").text());
        assertEquals("处理意见： 评分符合评审细则 2027-02-13 10:00 北京时间 (UTC+8)",
                page.select("#objection-o-1 .objection-resolution").text());
        assertNull(page.selectFirst("#objection-form"), "the 公示 is over");
        assertNull(page.selectFirst("#time-left-1"));
        assertEquals("第 1 轮 300 万元 150 万元 2027-02-16 17:00 北京时间 (UTC+8)", page.select("#grant-g-1").text());
        assertTrue(page.select("#grant-g-2").isEmpty(), "another bid's tranche is not this bid's");
        assertEquals("300 万元", page.select("#grants-total").text());
        assertEquals("150 万元", page.select("#grants-released").text());
    }

    @Test
    void grantsAreInCnyInEnglish() {
        PortalClient browser = browser().language("en").signIn(fake, "TEAM");
        duringMilestone();

        Document page = browser.get(PROGRESS).document();

        assertEquals("CNY 3,000,000.00", page.select("#grant-g-1 .grant-amount").text());
        assertEquals("CNY 1,500,000.00", page.select("#grant-g-1 .grant-released").text());
        assertEquals("Evaluation progress", page.select("h1").text());
        assertEquals("Screened in", page.select("#screening-status").text());
        assertEquals("Advancing", page.select("#decision-1").text());
        assertEquals("Round 2: 中期比拼 Milestone review Being scored", page.select("#round-2-heading").text());
        assertEquals("Your organization’s objection", page.select("#round-1 h4").first().text());
    }

    @Test
    void noTrancheYetSaysSo() {
        PortalClient browser = team();
        duringPublicity();

        assertEquals("尚未拨付经费。", browser.get(PROGRESS).document().select("#grants-none").text());
    }

    @Test
    void anOpenMilestoneRoundOffersTheDeliverableFormWithAnUploadBar() {
        PortalClient browser = team();
        duringMilestone();

        Document page = browser.get(PROGRESS).document();

        assertEquals("/my/bids/b-1/rounds/2/deliverable", page.selectFirst("#deliverable-form").attr("action"));
        assertEquals("multipart/form-data", page.selectFirst("#deliverable-form").attr("enctype"));
        assertNotNull(page.selectFirst("#deliverable-form progress[data-upload-progress]"));
        assertEquals("交付说明", page.select("label[for=summary]").text());
        assertEquals("附件", page.select("label[for=files]").text());
    }

    @Test
    void deliveringUploadsTheFilesThenSubmitsTheSummaryWithTheirIds() {
        PortalClient browser = team();
        duringMilestone();
        browser.get(PROGRESS);
        fake.on("POST", "/api/challenges/" + CHALLENGE + "/attachments", 201, """
                {"id":"a-1","challengeId":"c-1","fileName":"中期报告.pdf","contentType":"application/pdf",
                 "sizeBytes":9,"sha256":"abc","uploadedAt":"2027-03-02T02:00:00Z"}""");
        fake.on("PUT", "/api/bids/" + BID + "/rounds/2/deliverable", """
                {"id":1,"bidId":"b-1","roundIndex":2,"summary":"样机完成，性能达标","attachmentIds":["a-1"],
                 "submittedBy":"user-1","submittedAt":"2027-03-02T02:00:01Z","version":0}""");

        PortalClient.Page answer = postMultipart(browser, "/my/bids/b-1/rounds/2/deliverable",
                "样机完成，性能达标", "中期报告.pdf", "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII));

        assertEquals(200, answer.status());
        FakeServices.Received upload = fake.received("POST", "/api/challenges/c-1/attachments").get(0);
        assertTrue(upload.header("Content-Type").startsWith("multipart/form-data"));
        assertTrue(upload.text().contains("name=\"file\""));
        assertTrue(upload.text().contains("%PDF-1.7"));
        assertEquals("Bearer token-TEAM", upload.header("Authorization"));
        assertEquals("{\"summary\":\"样机完成，性能达标\",\"attachmentIds\":[\"a-1\"]}",
                fake.received("PUT", "/api/bids/b-1/rounds/2/deliverable").get(0).text());
        Document page = answer.document();
        assertEquals("交付物已提交。", page.select("#notice").text());
        assertEquals("样机完成，性能达标", page.select("#delivered-summary").text());
        assertEquals("中期报告.pdf 9 B", page.select("#delivered-files li").text());
        assertEquals("/my/bids/b-1/progress", answer.header("HX-Replace-Url"));
    }

    @Test
    void aDeliverableWithoutSummaryIsShownAtTheFieldAndNothingIsUploaded() {
        PortalClient browser = team();
        duringMilestone();
        browser.get(PROGRESS);

        PortalClient.Page answer = postMultipart(browser, "/my/bids/b-1/rounds/2/deliverable", " ", "a.pdf",
                "%PDF".getBytes(StandardCharsets.US_ASCII));

        assertEquals(422, answer.status());
        assertEquals("请填写交付说明。", answer.document().select("#summary-error").text());
        assertEquals("true", answer.document().selectFirst("#summary").attr("aria-invalid"));
        assertTrue(fake.received("POST", "/api/challenges/c-1/attachments").isEmpty());
        assertTrue(fake.received("PUT", "/api/bids").isEmpty());
    }

    @Test
    void aFileTooLargeIsShownAtTheFilesFieldByName() {
        PortalClient browser = team();
        duringMilestone();
        browser.get(PROGRESS);
        fake.on("POST", "/api/challenges/" + CHALLENGE + "/attachments", 413, """
                {"type":"https://jiebang.cn/problems/attachment-too-large","title":"Request Entity Too Large",
                 "status":413,"detail":"at most 10485760 bytes"}""");

        PortalClient.Page answer = postMultipart(browser, "/my/bids/b-1/rounds/2/deliverable", "报告", "大文件.pdf",
                "%PDF".getBytes(StandardCharsets.US_ASCII));

        assertEquals(422, answer.status());
        Document page = answer.document();
        assertEquals("文件「大文件.pdf」太大，每个文件不超过 10 MB。", page.select("#files-error").text());
        assertEquals("true", page.selectFirst("#files").attr("aria-invalid"));
        assertEquals("报告", page.select("#summary").text());
        assertTrue(fake.received("PUT", "/api/bids").isEmpty());
    }

    @Test
    void aDeliverableAJudgeHasOpenedIsExplained() {
        PortalClient browser = team();
        duringMilestone();
        browser.get(PROGRESS);
        fake.on("PUT", "/api/bids/" + BID + "/rounds/2/deliverable", 409, """
                {"type":"https://jiebang.cn/problems/deliverable-under-review","title":"Conflict","status":409,
                 "detail":"a judge has opened bid b-1"}""");

        PortalClient.Page answer = postMultipart(browser, "/my/bids/b-1/rounds/2/deliverable", "更新说明", null, null);

        assertEquals(409, answer.status());
        assertEquals("评审专家已开始审阅您的交付物，不能再修改。", answer.document().select("#deliverable-problem").text());
        assertEquals("{\"summary\":\"更新说明\",\"attachmentIds\":[]}",
                fake.received("PUT", "/api/bids/b-1/rounds/2/deliverable").get(0).text());
    }

    @Test
    void resultsNotYetAnnouncedForTheTeamAreAMessageNotAnErrorPage() {
        PortalClient browser = team();
        duringPublicity();
        fake.on("GET", "/api/bids/" + BID + "/rounds/1/result", 409, """
                {"type":"https://jiebang.cn/problems/results-not-announced","title":"Conflict","status":409}""");

        PortalClient.Page page = browser.get(PROGRESS);

        assertEquals(200, page.status());
        assertEquals("本轮结果尚未公布。", page.document().select("#result-notice-1").text());
    }

    @Test
    void aBidOutAfterARoundDoesNotRaceInTheNext() {
        PortalClient browser = team();
        duringMilestone();
        fake.on("GET", "/api/bids/" + BID + "/rounds/1/result", """
                {"bidId":"b-1","roundIndex":1,"aggregate":61.0000,"rank":5,"decision":"ELIMINATED","flagged":false,
                 "judges":5,"meanScoreByCriterion":{"TECH":60.00,"TEAM":62.50}}""");

        Document page = browser.get(PROGRESS).document();

        assertEquals("未晋级", page.select("#decision-1").text());
        assertEquals("您的申报未进入本轮。", page.select("#round-2-stage").text());
        assertNull(page.selectFirst("#deliverable-form"));
    }

    @Test
    void anotherTeamsBidIsNotFound() {
        PortalClient browser = team();
        fake.on("GET", "/api/bids/b-2", 404, """
                {"type":"https://jiebang.cn/problems/bid-not-found","title":"Not Found","status":404}""");

        PortalClient.Page page = browser.get("/my/bids/b-2/progress");

        assertEquals(404, page.status());
        assertEquals("找不到该申报，或您无权查看。", page.document().select("#error-message").text());
    }

    @Test
    void onlyTeamsHaveBidsToFollow() {
        PortalClient browser = browser().signIn(fake, "JUDGE");

        PortalClient.Page page = browser.get(PROGRESS);

        assertEquals(403, page.status());
        assertTrue(fake.received("GET", "/api/bids").isEmpty());
    }

    @Test
    void signedOutVisitorsAreSentToSignInAndBack() {
        PortalClient.Page page = browser().get(PROGRESS);

        assertEquals(303, page.status());
        assertEquals("/signin?next=%2Fmy%2Fbids%2Fb-1%2Fprogress", page.redirect());
    }

    /** The deliverable form as htmx sends it: multipart, with the CSRF token; a null file name sends an empty file input. */
    private static PortalClient.Page postMultipart(PortalClient browser, String path, String summary, String fileName,
                                                   byte[] content) {
        String boundary = "----portal-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"summary\"\r\n\r\n" + summary
                + "\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                + (fileName == null ? "" : fileName) + "\"\r\nContent-Type: "
                + (fileName == null ? "application/octet-stream" : "application/pdf") + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        if (content != null) {
            body.writeBytes(content);
        }
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return browser.send(HttpRequest.newBuilder(URI.create(browser.base() + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("HX-Request", "true")
                .header("X-CSRF-Token", browser.csrf())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }
}
