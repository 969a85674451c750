package cn.jiebang.challenge.challenge.domain;

import cn.jiebang.challenge.reference.Region;
import cn.jiebang.challenge.reference.TechnologyField;
import cn.jiebang.challenge.requirement.domain.Indicator;
import cn.jiebang.problem.DomainProblem.FieldProblem;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChallengeDefinitionTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant CLOSES = NOW.plus(30, ChronoUnit.DAYS);

    @Test
    void aWellFormedHorseRaceHasNoInconsistencies() {
        assertEquals(List.of(), horseRace().build().inconsistencies(NOW));
    }

    @Test
    void weightsNotSummingTo100AreNamedPerRound() {
        Fixture f = horseRace();
        f.rounds.set(1, f.round(1, List.of(new Criterion("TECH", "技术", 60, 10), new Criterion("TEAM", "团队", 30, 10)),
                top(2), "1.00"));
        assertEquals(List.of(new FieldProblem("rounds[1].criteria", "weights sum to 90, they must sum to 100")),
                f.build().inconsistencies(NOW));
    }

    @Test
    void aReversedBidWindowAndAClosedOneAreRefused() {
        Fixture reversed = horseRace();
        reversed.opens = CLOSES.plus(1, ChronoUnit.DAYS);
        assertFields(reversed.build(), "bidClosesAt");
        assertFields(horseRace().build(), List.of(), NOW);
        assertFields(horseRace().build(), List.of("bidClosesAt"), CLOSES);
    }

    @Test
    void roundsOverlappingTheBidWindowOrEachOtherOrReversedAreRefused() {
        Fixture intoBidding = horseRace();
        intoBidding.rounds.set(0, intoBidding.round(0, CLOSES.minus(1, ChronoUnit.HOURS), CLOSES.plus(5, ChronoUnit.DAYS)));
        assertFields(intoBidding.build(), "rounds[0].opensAt");

        Fixture overlapping = horseRace();
        Instant firstCloses = Instant.parse(overlapping.rounds.get(0).closesAt().toString());
        overlapping.rounds.set(1, overlapping.round(1, firstCloses.minus(1, ChronoUnit.DAYS), firstCloses.plus(9, ChronoUnit.DAYS)));
        assertFields(overlapping.build(), "rounds[1].opensAt");

        Fixture reversed = horseRace();
        RoundPlan last = reversed.rounds.get(2);
        reversed.rounds.set(2, reversed.round(2, last.closesAt(), last.opensAt()));
        assertFields(reversed.build(), "rounds[2].closesAt");
    }

    @Test
    void tranchesAboveTheBudgetAreRefusedAtTheRoundThatCrossesIt() {
        Fixture f = horseRace();
        f.budget = new BigDecimal("10000000.00");
        // 4 × 1,000,000 + 2 × 2,000,000 = 8,000,000, then + 1 × 5,000,000 = 13,000,000
        ChallengeDefinition d = f.build();
        assertEquals(List.of("rounds[2].tranchePerTeam"), d.inconsistencies(NOW).stream().map(FieldProblem::field).toList());
        assertTrue(d.inconsistencies(NOW).get(0).message().contains("13000000.00"), d.inconsistencies(NOW).toString());
    }

    @Test
    void aHorseRaceNeedsTwoRoundsAnOpenCompetitionOne() {
        Fixture f = horseRace();
        f.rounds.subList(1, 3).clear();
        f.rounds.set(0, f.round(0, List.of(new Criterion("TECH", "技术", 100, 10)), top(1), "1.00"));
        assertFields(f.build(), "rounds");
        f.mode = ChallengeMode.OPEN_COMPETITION;
        assertFields(f.build());
    }

    @Test
    void advancementMustNarrowTowardsTheWinnersAndBoundItsTeams() {
        Fixture widening = horseRace();
        widening.rounds.set(1, widening.round(1, List.of(new Criterion("A", "a", 100, 5)), top(6), "1.00"));
        assertFields(widening.build(), "rounds[1].advancement");

        Fixture lastNotWinners = horseRace();
        lastNotWinners.winners = 2;
        assertFields(lastNotWinners.build(), "rounds[2].advancement");

        Fixture unbounded = horseRace();
        unbounded.rounds.set(0, unbounded.round(0, List.of(new Criterion("A", "a", 100, 5)),
                new Advancement(Advancement.Rule.THRESHOLD, new BigDecimal("75"), null), "1.00"));
        assertFields(unbounded.build(), "rounds[0].advancement.maxTeams");

        Fixture fractional = horseRace();
        fractional.rounds.set(0, fractional.round(0, List.of(new Criterion("A", "a", 100, 5)),
                new Advancement(Advancement.Rule.TOP_N, new BigDecimal("2.5"), 4), "1.00"));
        assertFields(fractional.build(), "rounds[0].advancement.value");

        Fixture percent = horseRace();
        percent.rounds.set(0, percent.round(0, List.of(new Criterion("A", "a", 100, 5)),
                new Advancement(Advancement.Rule.TOP_PERCENT, new BigDecimal("50"), 4), "1.00"));
        assertFields(percent.build());
    }

    @Test
    void criterionCodesAreUniqueWithinARoundAndRequirementsAreNotRepeated() {
        Fixture f = horseRace();
        f.rounds.set(0, f.round(0, List.of(new Criterion("TECH", "技术", 50, 10), new Criterion("TECH", "技术二", 50, 10)),
                top(4), "1000000.00"));
        f.requirementIds = List.of("r-1", "r-1");
        assertFields(f.build(), "requirementIds", "rounds[0].criteria[1].code");
    }

    private static void assertFields(ChallengeDefinition d, String... fields) {
        assertFields(d, List.of(fields), NOW);
    }

    private static void assertFields(ChallengeDefinition d, List<String> fields, Instant now) {
        assertEquals(fields, d.inconsistencies(now).stream().map(FieldProblem::field).toList(),
                d.inconsistencies(now).toString());
    }

    private static Advancement top(int n) {
        return new Advancement(Advancement.Rule.TOP_N, BigDecimal.valueOf(n), null);
    }

    private static Fixture horseRace() {
        return new Fixture();
    }

    /** Three rounds after a 30-day window: 4 teams get 1,000,000, then 2 get 2,000,000, the winner 5,000,000. */
    private static final class Fixture {
        Instant opens = NOW.minus(1, ChronoUnit.DAYS);
        BigDecimal budget = new BigDecimal("30000000.00");
        ChallengeMode mode = ChallengeMode.HORSE_RACE;
        int winners = 1;
        List<String> requirementIds = List.of("r-1");
        final List<RoundPlan> rounds = new ArrayList<>(List.of(
                round(0, List.of(new Criterion("TECH", "技术路线", 60, 10), new Criterion("TEAM", "团队", 40, 10)), top(4),
                        "1000000.00"),
                round(1, List.of(new Criterion("MID", "中期指标", 100, 100)), top(2), "2000000.00"),
                round(2, List.of(new Criterion("KPI", "终期指标", 100, 100)), top(1), "5000000.00")));

        RoundPlan round(int i, List<Criterion> criteria, Advancement advancement, String tranche) {
            Instant start = CLOSES.plus(2 + 20L * i, ChronoUnit.DAYS);
            return new RoundPlan("第" + (i + 1) + "轮", RoundKind.PROPOSAL_REVIEW, start, start.plus(14, ChronoUnit.DAYS),
                    criteria, AggregationRule.MEAN, advancement, 3, false, new BigDecimal(tranche), 5);
        }

        RoundPlan round(int i, Instant opensAt, Instant closesAt) {
            RoundPlan r = rounds.get(i);
            return new RoundPlan(r.name(), r.kind(), opensAt, closesAt, r.criteria(), r.aggregation(), r.advancement(),
                    r.minJudgesPerBid(), r.blind(), r.tranchePerTeam(), r.publicityDays());
        }

        ChallengeDefinition build() {
            return new ChallengeDefinition("光刻胶", "问题", "org-1", TechnologyField.NEW_MATERIALS, Region.BEIJING,
                    requirementIds, List.of(new Indicator("分辨率", new BigDecimal("28"), "nm", Indicator.Direction.AT_MOST,
                    "SEM")), budget, mode, winners, new Eligibility(Set.of(), Set.of(), 4, 1, false), opens, CLOSES,
                    "IP", rounds);
        }
    }
}
