package cn.jiebang.portal.web.bids;

import cn.jiebang.portal.web.bids.BidApi.Indicator;
import cn.jiebang.portal.web.bids.BidForm.BudgetUnit;
import io.micronaut.core.convert.value.ConvertibleMultiValues;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BidFormTest {

    private static final List<Indicator> INDICATORS = List.of(
            new Indicator("微管密度", new BigDecimal("0.5"), "个/cm²", "AT_MOST", null),
            new Indicator("衬底直径", new BigDecimal("150"), "mm", "AT_LEAST", null));

    @Test
    void aBudgetIn10000CnyBecomesCnyToTheFen() {
        BidForm form = read(Map.of("requestedBudget", List.of("1,234.567891"), "budgetUnit", List.of("WAN")));

        BidForm.Converted converted = form.toContent();

        assertEquals(new BigDecimal("12345678.91"), converted.content().requestedBudget());
        assertEquals(2, converted.content().requestedBudget().scale());
        assertTrue(converted.errors().isEmpty());
    }

    @Test
    void aBudgetFinerThanTheFenIsNotRoundedButRefused() {
        BidForm.Converted converted = read(Map.of("requestedBudget", List.of("12.345"), "budgetUnit", List.of("CNY")))
                .toContent();

        assertNull(converted.content().requestedBudget());
        assertEquals("bids.error.budget-decimals.CNY", converted.errors().get("requestedBudget").key());
    }

    @Test
    void rowsAreTakenInTheirOrderWithoutTheBlankOnesAndNumberedAfresh() {
        BidForm form = read(Map.of(
                "coreMembers[7].name", List.of("王芳"), "coreMembers[7].title", List.of("工程师"),
                "coreMembers[2].name", List.of("张伟"), "coreMembers[2].title", List.of(""),
                "coreMembers[4].name", List.of(" "), "coreMembers[4].title", List.of("")));

        assertEquals(List.of(new BidForm.Person("张伟", ""), new BidForm.Person("王芳", "工程师")), form.coreMembers());
    }

    @Test
    void committedValuesFollowTheChallengesIndicatorsWhateverTheOrderPosted() {
        BidForm form = read(Map.of(
                "committedIndicators[0].name", List.of("衬底直径"), "committedIndicators[0].value", List.of("152"),
                "committedIndicators[1].name", List.of("微管密度"), "committedIndicators[1].value", List.of("abc")));

        BidForm.Converted converted = form.toContent();

        assertEquals("微管密度", converted.content().committedIndicators().get(0).name());
        assertNull(converted.content().committedIndicators().get(0).value());
        assertEquals("bids.error.number", converted.errors().get("committedIndicators[0].value").key());
        assertEquals(new BigDecimal("152"), converted.content().committedIndicators().get(1).value());
    }

    @Test
    void aDateThatCannotBeReadIsKeptAsTypedAndNamed() {
        BidForm form = read(Map.of("milestones[0].title", List.of("样品"), "milestones[0].dueOn", List.of("2026-13-40")));

        BidForm.Converted converted = form.toContent();

        assertEquals("2026-13-40", form.milestones().get(0).dueOn());
        assertNull(converted.content().milestones().get(0).dueOn());
        assertEquals("bids.error.date", converted.errors().get("milestones[0].dueOn").key());
    }

    @Test
    void aMissingOrOverlongKeyIsReplacedByAFreshOne() {
        assertEquals(36, read(Map.of()).idempotencyKey().length());
        assertEquals(36, read(Map.of("idempotencyKey", List.of("k".repeat(101)))).idempotencyKey().length());
        assertEquals("k-1", read(Map.of("idempotencyKey", List.of("k-1"))).idempotencyKey());
    }

    @Test
    void aMemberChosenTwiceIsSentOnce() {
        BidForm form = read(Map.of("memberOrganizationIds", List.of("org-a", "org-b", "org-a")));

        assertEquals(List.of("org-a", "org-b"), form.toContent().content().memberOrganizationIds());
    }

    @Test
    void theRevisionFormShowsTheBudgetIn10000Cny() {
        BidApi.Content content = new BidApi.Content(List.of(), new BidApi.TeamMember("李明", "研究员"), List.of(), "x",
                List.of(), List.of(new BidApi.CommittedIndicator("衬底直径", new BigDecimal("150.000000"))),
                new BigDecimal("25005000.00"), List.of());

        BidForm form = BidForm.of(content, List.of(), INDICATORS, List.of(), BudgetUnit.WAN, 3);

        assertEquals("2500.5", form.budget());
        assertEquals(3, form.baseVersion());
        assertEquals("", form.indicators().get(0).value());
        assertEquals("150", form.indicators().get(1).value());
    }

    private static BidForm read(Map<String, List<String>> fields) {
        Map<CharSequence, List<String>> values = new LinkedHashMap<>(fields);
        return BidForm.read(ConvertibleMultiValues.of(values), INDICATORS, BudgetUnit.WAN);
    }
}
