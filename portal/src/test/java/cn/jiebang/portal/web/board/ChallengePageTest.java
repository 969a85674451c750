package cn.jiebang.portal.web.board;

import cn.jiebang.portal.support.PortalClient;
import cn.jiebang.portal.support.PortalTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static cn.jiebang.portal.web.board.PublicFixtures.aHorseRace;
import static cn.jiebang.portal.web.board.PublicFixtures.amendments;
import static cn.jiebang.portal.web.board.PublicFixtures.bidding;
import static cn.jiebang.portal.web.board.PublicFixtures.directory;
import static cn.jiebang.portal.web.board.PublicFixtures.id;
import static cn.jiebang.portal.web.board.PublicFixtures.result;
import static cn.jiebang.portal.web.board.PublicFixtures.results;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class ChallengePageTest extends PortalTest {

    private String challenge;
    private String agency;

    /** A published horse race bid-service takes bids on, its owner in the directory, no amendments. */
    private PublicFixtures.ChallengeJson published() {
        challenge = id("c");
        agency = id("org-agency");
        fake.on("GET", "/api/directory/organizations/" + agency, directory(agency, "北京市科学技术委员会"));
        fake.on("GET", "/api/challenges/" + challenge + "/amendments", "[]");
        fake.on("GET", "/api/challenges/" + challenge + "/bidding", bidding(challenge, true));
        return aHorseRace(challenge, agency);
    }

    private void serve(PublicFixtures.ChallengeJson json) {
        fake.on("GET", "/api/challenges/" + challenge, json.json());
    }

    private static List<String> column(Elements rows, int index) {
        return rows.stream().map(r -> r.select("td").get(index).text()).toList();
    }

    @Test
    void showsTheDefinitionIndicatorsAndEligibility() {
        serve(published());

        Document page = browser().get("/challenges/" + challenge).document();

        assertEquals("高端光刻胶国产化：28纳米ArF光刻胶", page.select("#challenge-title").text());
        assertEquals("揭榜中", page.select("#challenge-status").text());
        assertEquals("北京市科学技术委员会", page.select("#owner").text());
        assertEquals("3,000 万元", page.select("#total-budget").text());
        assertEquals("1", page.select("#winners").text());
        assertEquals(List.of("研制满足28纳米工艺要求的ArF光刻胶。", "完成产线验证。"),
                page.select("#problem-statement p").eachText());
        Elements indicators = page.select("#indicators tbody tr");
        assertEquals(List.of("分辨率", "感光速度"), column(indicators, 0));
        assertEquals(List.of("不高于", "不低于"), column(indicators, 1));
        assertEquals(List.of("28", "20.5"), column(indicators, 2));
        assertEquals(List.of("nm", "mJ/cm²"), column(indicators, 3));
        assertEquals(List.of("SEM线宽测量", "曝光测试"), column(indicators, 4));
        assertEquals("北京、天津、河北", page.select("#eligible-regions").text());
        assertEquals("不限", page.select("#eligible-kinds").text());
        assertEquals("牵头单位之外最多 4 家联合单位", page.select("#eligible-consortium").text());
        assertEquals("每家牵头单位最多 1 份有效投标", page.select("#eligible-bids").text());
        assertTrue(page.select("#eligible-past-winners").text().startsWith("不得参加"));
        assertEquals(List.of("成果知识产权归揭榜方所有。", "发榜方享有优先实施许可。"), page.select("#ip-terms p").eachText());
        assertEquals("2026-11-01 08:00 北京时间 (UTC+8)", page.select("#bid-opens").text());
        assertTrue(page.select("#bid-closes").text().startsWith("2027-01-14 17:00 北京时间 (UTC+8)"));
        assertTrue(page.select("#bid-count").isEmpty(), "no bid count while bidding is open");
    }

    @Test
    void showsEachRoundsRulesInPlainWords() {
        serve(published());

        Document page = browser().get("/challenges/" + challenge).document();

        Element first = page.selectFirst("#round-1");
        assertNotNull(first);
        assertEquals("第 1 轮：方案评审", first.select("h3").text());
        assertTrue(first.select(".round-aggregation").text().startsWith("去掉一个最高分和一个最低分后的平均值"));
        assertEquals("综合得分前 3 名晋级下一轮", first.select(".round-advancement").text());
        assertTrue(first.select(".round-blind").text().startsWith("是"));
        assertTrue(first.select(".round-ties").text().contains("投标首次提交的时间（以首次提交回执上的时间为准，截止前修改投标不改变该时间"),
                "a tie goes to the earlier first submission, as bid-service ranks");
        assertTrue(first.text().contains("至少 5 位"));
        assertTrue(first.text().contains("300 万元"));
        assertTrue(first.text().contains("7 天"));
        assertEquals("未开始", first.select(".round-status").text());
        Elements criteria = first.select("table.criteria tbody tr");
        assertEquals(List.of("TECH", "TEAM"), column(criteria, 0));
        assertEquals(List.of("技术路线", "团队能力"), column(criteria, 1));
        assertEquals(List.of("60%", "40%"), column(criteria, 2));
        assertEquals(List.of("10", "10"), column(criteria, 3));
        Element last = page.selectFirst("#round-2");
        assertNotNull(last);
        assertEquals("综合得分前 1 名揭榜成功", last.select(".round-advancement").text());
        assertEquals("各位专家加权总分（0–100 分）的平均值", last.select(".round-aggregation").text());
        assertEquals("否", last.select(".round-blind").text());
    }

    @Test
    void showsTheTimelineAndTheAmendmentsInThePersonsLanguage() {
        serve(published());
        fake.on("GET", "/api/challenges/" + challenge + "/amendments", amendments());

        Document page = browser().get("/challenges/" + challenge).document();

        Elements timeline = page.select("#timeline li");
        assertEquals(8, timeline.size());
        assertTrue(timeline.get(0).text().contains("投标开始"));
        assertTrue(timeline.get(0).text().contains("（计划）"));
        assertTrue(timeline.get(1).text().contains("发榜"));
        assertTrue(timeline.get(2).text().contains("样品由揭榜方自备。"));
        assertTrue(timeline.get(4).text().contains("5 份投标通过形式审查"), timeline.get(4).text());
        assertTrue(timeline.get(6).text().contains("1 方案评审 （未收齐评分即关闭）"), timeline.get(6).text());
        assertTrue(timeline.get(7).text().contains("公示至 2027-02-08 08:00 北京时间 (UTC+8)"), timeline.get(7).text());
        assertTrue(!page.text().contains("bids screened in") && !page.text().contains("(forced)")
                && !page.text().contains("2027-02-08T00:00:00Z"), "no service English or raw instants in the zh page");
        Elements amended = page.select("#amendments li");
        assertEquals(2, amended.size());
        assertTrue(amended.get(0).text().contains("投标截止时间延长"));
        assertEquals("截止时间由 2027-01-07 17:00 北京时间 (UTC+8) 延长至 2027-01-14 17:00 北京时间 (UTC+8)",
                amended.get(0).select(".extension").text());
        assertEquals("应多家单位要求延期。", amended.get(0).select(".amendment-text").text());
        assertTrue(amended.get(1).text().contains("答疑"));
        assertTrue(amended.get(1).select(".extension").isEmpty());
    }

    @Test
    void showsAnnouncedResultsWithTeamNamesAndAsksNothingOfUnannouncedRounds() {
        PublicFixtures.ChallengeJson json = published().status("IN_EVALUATION").rounds("ANNOUNCED", "PENDING")
                .closedWithBids(6);
        fake.on("GET", "/api/challenges/" + challenge + "/bidding", bidding(challenge, false));
        String first = id("org-team");
        String second = id("org-team");
        fake.on("GET", "/api/directory/organizations/" + first, directory(first, "天津新材料研究院"));
        fake.on("GET", "/api/directory/organizations/" + second, directory(second, "河北光电科技有限公司"));
        fake.on("GET", "/api/challenges/" + challenge + "/rounds/1/results", results(1, "ANNOUNCED",
                result("bid-1", first, "87.5000", 1, "ADVANCED", false),
                result("bid-2", second, "61.2500", 2, "ELIMINATED", true)));
        serve(json);

        Document page = browser().get("/challenges/" + challenge).document();

        Elements rows = page.select("#results-1 tbody tr");
        assertEquals(List.of("1", "2"), column(rows, 0));
        assertEquals(List.of("天津新材料研究院", "河北光电科技有限公司"), column(rows, 1));
        assertEquals(List.of("87.5000", "61.2500"), column(rows, 2));
        assertEquals("晋级", rows.get(0).select(".decision").text());
        assertEquals("淘汰 （经异议更正）", rows.get(1).select(".decision").text());
        assertTrue(page.select("#results-1").text().contains("公示至 2027-02-08 08:00 北京时间 (UTC+8)"));
        assertTrue(page.select("#results-2").isEmpty());
        assertTrue(fake.received("GET", "/api/challenges/" + challenge + "/rounds/2").isEmpty());
        assertEquals("6", page.select("#bid-count").text());
        assertEquals("投标已截止。", page.select("#bidding-closed").text());
    }

    @Test
    void aFailedChallengeSaysWhy() {
        serve(published().failed("NONE_SCREENED_IN"));
        fake.on("GET", "/api/challenges/" + challenge + "/bidding", bidding(challenge, false));

        Document page = browser().get("/challenges/" + challenge).document();

        assertEquals("流榜", page.select("#challenge-status").text());
        assertEquals("没有投标通过形式审查", page.select("#failure-reason").text());
        assertEquals("3", page.select("#bid-count").text());
        assertEquals("0", page.select("#screened-in").text());
    }

    @Test
    void aCancelledChallengeSaysWhy() {
        serve(published().cancelled("需求方调整研发计划，本榜撤销。"));
        fake.on("GET", "/api/challenges/" + challenge + "/bidding", bidding(challenge, false));

        Document page = browser().get("/challenges/" + challenge).document();

        assertEquals("已撤榜", page.select("#challenge-status").text());
        assertEquals("需求方调整研发计划，本榜撤销。", page.select("#cancellation-reason").text());
        assertTrue(page.select("#cancellation").text().contains("2026-12-20 09:00 北京时间 (UTC+8)"));
        assertTrue(page.select("#bid-button").isEmpty());
    }

    @Test
    void aSignedInTeamIsOfferedTheBidFormWhileBiddingIsOpen() {
        serve(published());
        PortalClient team = browser().signIn(fake, "TEAM");

        Document page = team.get("/challenges/" + challenge).document();

        assertEquals("/challenges/" + challenge + "/bid", page.select("#bid-button").attr("href"));
        assertEquals("投标揭榜", page.select("#bid-button").text());
        assertEquals("Bearer token-TEAM", fake.received("GET", "/api/challenges/" + challenge).get(0).header("Authorization"));
    }

    @Test
    void noBidButtonOnceBidServiceSaysBiddingHasClosed() {
        serve(published());
        fake.on("GET", "/api/challenges/" + challenge + "/bidding", bidding(challenge, false));
        PortalClient team = browser().signIn(fake, "TEAM");

        Document page = team.get("/challenges/" + challenge).document();

        assertTrue(page.select("#bid-button").isEmpty());
    }

    @Test
    void noBidButtonWhenBidServiceHasNotHeardOfTheChallenge() {
        serve(published());
        fake.on("GET", "/api/challenges/" + challenge + "/bidding", 404, """
                {"type":"https://jiebang.cn/problems/challenge-not-found","title":"Not Found","status":404}""");
        PortalClient team = browser().signIn(fake, "TEAM");

        PortalClient.Page answer = team.get("/challenges/" + challenge);
        Document page = answer.document();

        assertEquals(200, answer.status());
        assertTrue(page.select("#bid-button").isEmpty());
        assertEquals("高端光刻胶国产化：28纳米ArF光刻胶", page.select("#challenge-title").text());
    }

    @Test
    void onlyTeamsAreOfferedTheBidForm() {
        serve(published());

        Document anonymous = browser().get("/challenges/" + challenge).document();
        assertTrue(anonymous.select("#bid-button").isEmpty());
        assertEquals("/signin?next=/challenges/" + challenge, anonymous.select("#bid-sign-in a").attr("href"));
        assertTrue(anonymous.select("#bidding-open").text().startsWith("正在接受投标，截止时间 2027-01-14 17:00"));
        assertNull(fake.received("GET", "/api/challenges/" + challenge).get(0).header("Authorization"));

        Document agencyPage = browser().signIn(fake, "AGENCY").get("/challenges/" + challenge).document();
        assertTrue(agencyPage.select("#bid-button").isEmpty());
        assertEquals("只有揭榜团队账号可以投标。", agencyPage.select("#bid-teams-only").text());
    }

    @Test
    void aChallengeClosingWithinAWeekShowsACountdown() {
        serve(published().closingAt(Instant.now().plus(Duration.ofDays(2)).plus(Duration.ofHours(3))));

        Document page = browser().get("/challenges/" + challenge).document();

        assertTrue(page.select("#bid-closes .countdown").text().startsWith("剩余 2 天"), page.select("#bid-closes").text());
    }

    @Test
    void anUnknownChallengeIsTheNotFoundPage() {
        fake.on("GET", "/api/challenges/no-such-challenge", 404, """
                {"type":"https://jiebang.cn/problems/challenge-not-found","title":"Not Found","status":404,
                 "detail":"challenge no-such-challenge not found"}""");

        PortalClient.Page page = browser().get("/challenges/no-such-challenge");

        assertEquals(404, page.status());
        assertEquals("找不到该榜单。它可能尚未发布，或地址有误。", page.document().select("#error-message").text());
        assertTrue(!page.body().contains("not found"), "never the service's English detail");
    }

    @Test
    void anIdThatCannotBeAChallengeIsNotFoundWithoutAskingTheService() {
        PortalClient.Page page = browser().get("/challenges/%2E%2E%2Fadmin");

        assertEquals(404, page.status());
        assertTrue(fake.received().isEmpty());
    }

    @Test
    void inEnglishTheRulesAndWordsAreEnglish() {
        serve(published().failed("NO_BIDS"));
        fake.on("GET", "/api/challenges/" + challenge + "/bidding", bidding(challenge, false));

        Document page = browser().language("en").get("/challenges/" + challenge).document();

        assertEquals("Failed (流榜)", page.select("#challenge-status").text());
        assertEquals("No bids had arrived when bidding closed", page.select("#failure-reason").text());
        assertEquals("CNY 30,000,000.00", page.select("#total-budget").text());
        assertEquals("Round 1: 方案评审", page.select("#round-1 h3").text());
        assertEquals("The best 3 by aggregate score go on to the next round", page.select("#round-1 .round-advancement").text());
        assertEquals("The best 1 by aggregate score win", page.select("#round-2 .round-advancement").text());
        assertEquals(List.of("at most", "at least"), column(page.select("#indicators tbody tr"), 1));
        assertEquals("Beijing, Tianjin, Hebei", page.select("#eligible-regions").text());
        assertTrue(page.select("#timeline li").get(4).text().contains("5 bids passed screening"));
        assertEquals("Yes: judges do not see the teams’ names", page.select("#round-1 .round-blind").text());
        assertTrue(page.select("#round-1 .round-ties").text().contains("then by the earlier first submission of the bid"));
    }
}
