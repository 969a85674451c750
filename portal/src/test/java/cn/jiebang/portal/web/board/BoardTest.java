package cn.jiebang.portal.web.board;

import cn.jiebang.portal.support.FakeServices;
import cn.jiebang.portal.support.PortalClient;
import cn.jiebang.portal.support.PortalTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.jiebang.portal.web.board.PublicFixtures.board;
import static cn.jiebang.portal.web.board.PublicFixtures.directory;
import static cn.jiebang.portal.web.board.PublicFixtures.id;
import static cn.jiebang.portal.web.board.PublicFixtures.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class BoardTest extends PortalTest {

    private static final Instant FAR = Instant.parse("2099-01-14T09:00:00Z");

    /** The query of the last board request the portal sent to challenge-service, decoded. */
    private Map<String, String> sentQuery() {
        List<FakeServices.Received> sent = fake.received("GET", "/api/challenges");
        assertTrue(!sent.isEmpty(), "the board asked challenge-service");
        String query = sent.get(sent.size() - 1).query();
        Map<String, String> params = new LinkedHashMap<>();
        Arrays.stream(query.split("&")).map(p -> p.split("=", 2))
                .forEach(p -> params.put(p[0], URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
        return params;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void sendsEveryFilterToTheServiceInItsOwnUnitsAndPagesFromZero() {
        fake.on("GET", "/api/challenges", board(List.of(), 1, 10, 0));

        browser().get("/challenges?q=" + enc("光刻胶") + "&field=NEW_MATERIALS&region=TIANJIN&mode=HORSE_RACE"
                + "&status=PUBLISHED&minBudget=500&maxBudget=" + enc("3,000.5")
                + "&closesAfter=2027-01-01&closesBefore=2027-01-31&page=2&size=10");

        Map<String, String> sent = sentQuery();
        assertEquals("光刻胶", sent.get("q"));
        assertEquals("NEW_MATERIALS", sent.get("field"));
        assertEquals("TIANJIN", sent.get("region"));
        assertEquals("HORSE_RACE", sent.get("mode"));
        assertEquals("PUBLISHED", sent.get("status"));
        // 万元 in the form, CNY to the service
        assertEquals("5000000", sent.get("minBudget"));
        assertEquals("30005000", sent.get("maxBudget"));
        // whole days in Beijing time, both included
        assertEquals("2026-12-31T16:00:00Z", sent.get("closesAfter"));
        assertEquals("2027-01-31T16:00:00Z", sent.get("closesBefore"));
        assertEquals("1", sent.get("page"));
        assertEquals("10", sent.get("size"));
    }

    @Test
    void theFormShowsTheFiltersItWasGiven() {
        fake.on("GET", "/api/challenges", board(List.of(), 0, 20, 0));

        Document page = browser().get("/challenges?q=" + enc("光刻胶") + "&field=NEW_MATERIALS&minBudget=500"
                + "&closesBefore=2027-01-31").document();

        Element form = page.selectFirst("form#board-filters");
        assertNotNull(form);
        assertEquals("search", form.attr("role"));
        assertEquals("get", form.attr("method"));
        assertEquals("/challenges", form.attr("hx-get"));
        assertEquals("光刻胶", page.select("#q").val());
        assertEquals("NEW_MATERIALS", page.select("#field option[selected]").val());
        assertEquals("500", page.select("#minBudget").val());
        assertEquals("2027-01-31", page.select("#closesBefore").val());
        for (Element input : form.select("input, select")) {
            assertEquals(1, page.select("label[for=" + input.id() + "]").size(), "a label for " + input.id());
        }
    }

    @Test
    void eachLineShowsItsOwnerByNameLookingEachOrganizationUpOnce() {
        String agency = id("org-agency");
        String other = id("org-other");
        String first = id("c");
        fake.on("GET", "/api/challenges", board(List.of(
                summary(first, "高端光刻胶国产化", agency, FAR, "PUBLISHED", null),
                summary(id("c"), "固态电池电解质", agency, FAR, "PUBLISHED", null),
                summary(id("c"), "脑机接口电极", other, FAR, "SCREENING", 6)), 0, 20, 3));
        fake.on("GET", "/api/directory/organizations/" + agency, directory(agency, "北京市科学技术委员会"));
        fake.on("GET", "/api/directory/organizations/" + other, directory(other, "天津市科学技术局"));

        Document page = browser().get("/challenges").document();

        Element line = page.selectFirst("#challenge-" + first);
        assertNotNull(line);
        assertEquals("高端光刻胶国产化", line.select("h2 a").text());
        assertEquals("/challenges/" + first, line.select("h2 a").attr("href"));
        assertTrue(line.select(".owner").text().contains("北京市科学技术委员会"));
        assertTrue(line.text().contains("新材料"));
        assertTrue(line.text().contains("北京"));
        assertTrue(line.text().contains("赛马制"));
        assertTrue(line.text().contains("揭榜中"));
        assertEquals("榜额 3,000 万元", line.select(".budget").text());
        assertEquals("投标截止 2099-01-14 17:00 北京时间 (UTC+8)", line.select(".closes").text());
        assertEquals("共 3 个榜单", page.select("#board-count").text());
        assertEquals(3, page.select(".board-line").size());
        assertEquals("天津市科学技术局", page.select(".board-line").get(2).select(".owner").text().replace("发榜单位: ", ""));
        assertEquals("投标 6 份", page.select(".board-line").get(2).select(".bid-count").text());
        assertEquals(1, fake.received("GET", "/api/directory/organizations/" + agency).size());
        assertEquals(1, fake.received("GET", "/api/directory/organizations/" + other).size());
        assertNull(fake.received("GET", "/api/directory/organizations/" + agency).get(0).header("Authorization"));
    }

    @Test
    void anOwnerTheDirectoryDoesNotShowLeavesTheLineWithoutAName() {
        fake.on("GET", "/api/challenges", board(List.of(summary(id("c"), "题目", id("org-pending"), FAR, "PUBLISHED",
                null)), 0, 20, 1));

        Document page = browser().get("/challenges").document();

        assertEquals(1, page.select(".board-line").size());
        assertTrue(page.select(".board-line .owner").isEmpty());
    }

    @Test
    void aChallengeClosingWithinSevenDaysShowsACountdown() {
        String soon = id("c");
        String later = id("c");
        fake.on("GET", "/api/challenges", board(List.of(
                summary(soon, "即将截止", id("org"), Instant.now().plus(Duration.ofDays(3)).plus(Duration.ofHours(5)),
                        "PUBLISHED", null),
                summary(later, "还早", id("org"), Instant.now().plus(Duration.ofDays(30)), "PUBLISHED", null)), 0, 20, 2));

        Document page = browser().get("/challenges").document();

        assertTrue(page.select("#challenge-" + soon + " .countdown").text().startsWith("剩余 3 天"),
                page.select("#challenge-" + soon).text());
        assertTrue(page.select("#challenge-" + later + " .countdown").isEmpty());
    }

    @Test
    void pagingLinksKeepTheFiltersSoABoardCanBeShared() {
        fake.on("GET", "/api/challenges", board(List.of(summary(id("c"), "题目", id("org"), FAR, "PUBLISHED", null)),
                1, 20, 45));

        Document page = browser().get("/challenges?field=NEW_MATERIALS&q=" + enc("电池") + "&page=2").document();

        assertEquals("第 2 页，共 3 页", page.select("#page-position").text());
        assertEquals("/challenges?q=" + enc("电池") + "&field=NEW_MATERIALS", page.select("#page-previous").attr("href"));
        assertEquals("/challenges?q=" + enc("电池") + "&field=NEW_MATERIALS&page=3", page.select("#page-next").attr("href"));
        assertEquals("1", sentQuery().get("page"));
    }

    @Test
    void theLastPageHasNoNextLinkAndTheFirstNoPreviousLink() {
        fake.on("GET", "/api/challenges", board(List.of(summary(id("c"), "题目", id("org"), FAR, "PUBLISHED", null)),
                0, 10, 15));

        Document first = browser().get("/challenges?size=10").document();
        assertTrue(first.select("#page-previous").isEmpty());
        assertEquals("/challenges?size=10&page=2", first.select("#page-next").attr("href"));

        Document last = browser().get("/challenges?size=10&page=2").document();
        assertEquals("第 2 页，共 2 页", last.select("#page-position").text());
        assertTrue(last.select("#page-next").isEmpty());
        assertEquals("/challenges?size=10", last.select("#page-previous").attr("href"));
    }

    @Test
    void anEmptyBoardSaysSoAndAnEmptyFilteredBoardSaysToWidenTheFilters() {
        fake.on("GET", "/api/challenges", board(List.of(), 0, 20, 0));

        assertEquals("目前还没有发布的榜单。", browser().get("/challenges").document().select("#board-empty").text());
        assertEquals("没有符合筛选条件的榜单，请放宽条件后重试。",
                browser().get("/challenges?region=HEBEI").document().select("#board-empty").text());
    }

    @Test
    void anInvalidFilterIsShownAtItsFieldAndNothingIsAskedOfTheService() {
        PortalClient.Page page = browser().get("/challenges?minBudget=abc&closesAfter=2027-13-45&field=ROCKETS");

        assertEquals(422, page.status());
        Document doc = page.document();
        assertEquals("请输入金额（万元），例如 500 或 1200.5。", doc.select("#minBudget-error").text());
        assertEquals("true", doc.select("#minBudget").attr("aria-invalid"));
        assertTrue(doc.select("#minBudget").attr("aria-describedby").contains("minBudget-error"));
        assertEquals("abc", doc.select("#minBudget").val());
        assertEquals("请输入日期，格式为 年-月-日，例如 2027-01-15。", doc.select("#closesAfter-error").text());
        assertEquals("请从列表中选择。", doc.select("#field-error").text());
        assertEquals("筛选条件有误，请按提示修改后重试。", doc.select("#board-invalid").text());
        assertTrue(fake.received("GET", "/api/challenges").isEmpty());
    }

    @Test
    void budgetsAndDatesInTheWrongOrderAreRefusedAtTheSecondField() {
        Document page = browser().get("/challenges?minBudget=3000&maxBudget=500&closesAfter=2027-02-01"
                + "&closesBefore=2027-01-01").document();

        assertEquals("最高榜额不能低于最低榜额。", page.select("#maxBudget-error").text());
        assertEquals("结束日期不能早于开始日期。", page.select("#closesBefore-error").text());
        assertTrue(fake.received("GET", "/api/challenges").isEmpty());
    }

    @Test
    void aNegativeBudgetIsRefused() {
        Document page = browser().language("en").get("/challenges?maxBudget=-5").document();

        assertEquals("An amount cannot be negative.", page.select("#maxBudget-error").text());
    }

    @Test
    void inEnglishBudgetsAreInCnyAndTheLabelsSayTheUnit() {
        fake.on("GET", "/api/challenges", board(List.of(summary(id("c"), "Photoresist", id("org"), FAR, "PUBLISHED",
                null)), 0, 20, 1));

        Document page = browser().language("en").get("/challenges").document();

        assertEquals("Budget CNY 30,000,000.00", page.select(".budget").text());
        assertEquals("Budget at least (in 10,000 CNY)", page.select("label[for=minBudget]").text());
        assertEquals("Challenges found: 1", page.select("#board-count").text());
        assertTrue(page.select("#board-pager").isEmpty(), "one page needs no pager");
    }

    @Test
    void aSignedInAgencysTokenGoesAlongAndItMayFilterItsDrafts() {
        fake.on("GET", "/api/challenges", board(List.of(), 0, 20, 0));
        PortalClient browser = browser().signIn(fake, "AGENCY");

        Document page = browser.get("/challenges?status=DRAFT").document();

        assertEquals("DRAFT", page.select("#status option[selected]").val());
        assertEquals("Bearer token-AGENCY", fake.received("GET", "/api/challenges").get(1).header("Authorization"));
        assertEquals("DRAFT", sentQuery().get("status"));
    }

    @Test
    void anonymousVisitorsAreNotOfferedTheDraftStatus() {
        fake.on("GET", "/api/challenges", board(List.of(), 0, 20, 0));

        Document page = browser().get("/challenges").document();

        assertTrue(page.select("#status option[value=DRAFT]").isEmpty());
        assertEquals(1, page.select("#status option[value=PUBLISHED]").size());
        assertNull(fake.received("GET", "/api/challenges").get(0).header("Authorization"));
    }
}
