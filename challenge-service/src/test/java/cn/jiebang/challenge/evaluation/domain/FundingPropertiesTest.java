package cn.jiebang.challenge.evaluation.domain;

import cn.jiebang.challenge.challenge.domain.Round;
import cn.jiebang.challenge.evaluation.domain.RoundResult.Decision;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static cn.jiebang.challenge.fixtures.ResultBuilder.ranking;
import static cn.jiebang.challenge.fixtures.RoundBuilder.aRound;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whatever the budget, what was granted, the tranche and the teams: the budget is never exceeded. */
class FundingPropertiesTest {

    private static final Instant NOW = Instant.parse("2027-03-01T00:00:00Z");

    @Property(tries = 300)
    void trancheGrantsNeverExceedTheBudgetAndGoToTheBestTeamsFirst(
            @ForAll @IntRange(min = 1, max = 5_000) int budgetThousands,
            @ForAll @IntRange(max = 5_000) int grantedThousands,
            @ForAll @IntRange(min = 1, max = 2_000) int trancheThousands,
            @ForAll @IntRange(max = 8) int teams) {
        BigDecimal total = BigDecimal.valueOf(budgetThousands * 1000L, 0).setScale(2);
        BigDecimal granted = BigDecimal.valueOf(Math.min(grantedThousands, budgetThousands) * 1000L).setScale(2);
        BigDecimal tranche = BigDecimal.valueOf(trancheThousands * 1000L).setScale(2);
        Round round = aRound().withTranchePerTeam(tranche).announced();
        List<RoundResult> goingOn = ranking(round, teams, teams, Decision.ADVANCED);

        List<FundingGrant> grants = new Funding("challenge-1", total, granted).grantTranches(round, goingOn, NOW);

        BigDecimal sum = grants.stream().map(FundingGrant::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertTrue(granted.add(sum).compareTo(total) <= 0, "within the budget");
        assertTrue(grants.stream().allMatch(g -> g.getAmount().signum() > 0 && g.getAmount().compareTo(tranche) <= 0),
                "every grant is positive and at most the tranche");
        assertEquals(goingOn.subList(0, grants.size()).stream().map(RoundResult::getBidId).toList(),
                grants.stream().map(FundingGrant::getBidId).toList(), "the best teams first");
        BigDecimal full = tranche.multiply(BigDecimal.valueOf(teams));
        assertEquals(0, sum.compareTo(full.min(total.subtract(granted))), "as much as the budget allows");
    }
}
