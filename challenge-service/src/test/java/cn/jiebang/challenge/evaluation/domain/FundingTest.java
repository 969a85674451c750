package cn.jiebang.challenge.evaluation.domain;

import cn.jiebang.challenge.challenge.domain.Challenge;
import cn.jiebang.challenge.challenge.domain.InvalidChallenge;
import cn.jiebang.challenge.challenge.domain.Round;
import cn.jiebang.challenge.evaluation.domain.RoundResult.Decision;
import cn.jiebang.events.FundingReleased;
import cn.jiebang.problem.DomainProblem.FieldProblem;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static cn.jiebang.challenge.fixtures.ChallengeBuilder.anOpenCompetition;
import static cn.jiebang.challenge.fixtures.ResultBuilder.ranking;
import static cn.jiebang.challenge.fixtures.RoundBuilder.aRound;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Tranches: each team going on gets the round's tranche, never beyond the budget; grants are released in parts. */
class FundingTest {

    private static final Instant NOW = Instant.parse("2027-03-01T00:00:00Z");

    private final Round round = aRound().withTranchePerTeam(new BigDecimal("100000.00")).announced();
    private final List<RoundResult> goingOn = ranking(round, 3, 3, Decision.ADVANCED);

    private static Funding funding(String total, String granted) {
        return new Funding("challenge-1", new BigDecimal(total), new BigDecimal(granted));
    }

    @Test
    void eachTeamGoingOnIsGrantedTheRoundsTranche() {
        List<FundingGrant> grants = funding("30000000.00", "0").grantTranches(round, goingOn, NOW);
        assertEquals(List.of("bid-1", "bid-2", "bid-3"), grants.stream().map(FundingGrant::getBidId).toList());
        for (FundingGrant g : grants) {
            assertEquals(new BigDecimal("100000.00"), g.getAmount());
            assertEquals(BigDecimal.ZERO, g.getReleased());
            assertEquals("org-of-" + g.getBidId(), g.getOrganizationId());
            assertEquals("user-of-" + g.getBidId(), g.getSubmittedBy());
            assertEquals(round.getRoundIndex(), g.getRoundIndex());
            assertEquals(NOW, g.getGrantedAt());
        }
    }

    @Test
    void theGrantThatReachesTheBudgetShrinksToWhatIsLeftAndLaterTeamsGetNone() {
        List<FundingGrant> grants = funding("1000000.00", "850000.00").grantTranches(round, goingOn, NOW);
        assertEquals(List.of(new BigDecimal("100000.00"), new BigDecimal("50000.00")),
                grants.stream().map(FundingGrant::getAmount).toList());
        assertEquals(List.of("bid-1", "bid-2"), grants.stream().map(FundingGrant::getBidId).toList());
    }

    @Test
    void aSpentBudgetGrantsNothing() {
        assertEquals(List.of(), funding("1000000.00", "1000000.00").grantTranches(round, goingOn, NOW));
    }

    @Test
    void whatWasGrantedIsTheSumOfTheChallengesGrants() {
        Challenge challenge = anOpenCompetition().draft().challenge();
        List<FundingGrant> earlier = funding("30000000.00", "0").grantTranches(round, goingOn, NOW);
        Funding funding = Funding.of(challenge, earlier);
        assertEquals(new BigDecimal("300000.00"), funding.granted());
        assertEquals(challenge.getTotalBudget(), funding.totalBudget());
        assertEquals(List.of(), Funding.of(challenge, List.of()).grantTranches(round, List.of(), NOW));
    }

    // ---- releases --------------------------------------------------------------------------------------------

    private FundingGrant aGrant() {
        return funding("30000000.00", "0").grantTranches(round, goingOn.subList(0, 1), NOW).get(0);
    }

    @Test
    void aGrantIsReleasedInParts() {
        FundingGrant grant = aGrant();
        FundingReleased released = grant.release(new BigDecimal("40000.00"), "高端光刻胶", NOW.plusSeconds(60));
        assertEquals(new FundingReleased("challenge-1", "高端光刻胶", grant.getId(), "bid-1", "org-of-bid-1",
                "user-of-bid-1", new BigDecimal("40000.00"), NOW.plusSeconds(60)), released);
        grant.release(new BigDecimal("60000.00"), "高端光刻胶", NOW.plusSeconds(120));
        assertEquals(new BigDecimal("100000.00"), grant.getReleased());
    }

    @Test
    void noMoreIsReleasedThanIsLeftOfTheGrant() {
        FundingGrant grant = aGrant();
        grant.release(new BigDecimal("70000.00"), "高端光刻胶", NOW);
        InvalidChallenge refused = assertThrows(InvalidChallenge.class,
                () -> grant.release(new BigDecimal("30000.01"), "高端光刻胶", NOW));
        assertEquals("release-above-grant", refused.code());
        assertEquals(List.of(new FieldProblem("amount", "is more than the 30000.00 left of the grant")),
                refused.fieldProblems());
        assertEquals(new BigDecimal("70000.00"), grant.getReleased());
    }
}
