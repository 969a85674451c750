package cn.jiebang.portal.web.bids;

import cn.jiebang.portal.web.Formats;
import cn.jiebang.portal.web.bids.BidApi.Content;
import cn.jiebang.portal.web.bids.BidApi.Milestone;
import cn.jiebang.portal.web.bids.BidApi.Version;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BidDiffTest {

    private final Formats fmt = new Formats(Locale.ENGLISH, new ResourceBundleMessageSource("i18n.bids"));

    @Test
    void theSameContentHasNoChangedField() {
        BidDiff.Result diff = BidDiff.between(version(1, milestones("A", "B")), version(2, milestones("A", "B")), Map.of(), fmt);

        assertTrue(diff.changed().isEmpty());
        assertEquals(8, diff.unchanged().size());
    }

    @Test
    void milestonesInAnotherOrderAreAChangeThoughNoLineIsNew() {
        BidDiff.Result diff = BidDiff.between(version(1, milestones("A", "B")), version(2, milestones("B", "A")), Map.of(), fmt);

        assertEquals(1, diff.changed().size());
        assertEquals("Milestones", diff.changed().get(0).label());
        assertTrue(diff.changed().get(0).to().stream().noneMatch(BidDiff.Line::changed));
    }

    @Test
    void aLineOnlyOneSideHasIsMarkedOnThatSide() {
        BidDiff.Result diff = BidDiff.between(version(1, milestones("A")), version(2, milestones("A", "C")), Map.of(), fmt);

        BidDiff.Field field = diff.changed().get(0);
        assertEquals(List.of(false), field.from().stream().map(BidDiff.Line::changed).toList());
        assertEquals(List.of(false, true), field.to().stream().map(BidDiff.Line::changed).toList());
    }

    private static List<Milestone> milestones(String... titles) {
        return java.util.Arrays.stream(titles).map(t -> new Milestone(t, LocalDate.of(2026, 9, 30), "d")).toList();
    }

    private static Version version(int number, List<Milestone> milestones) {
        Content content = new Content(List.of(), new BidApi.TeamMember("李明", "研究员"), List.of(), "x", milestones,
                List.of(), new BigDecimal("100.00"), List.of());
        return new Version("b-1", number, Instant.parse("2026-03-01T00:00:00Z"), "u", "h", content, List.of());
    }
}
