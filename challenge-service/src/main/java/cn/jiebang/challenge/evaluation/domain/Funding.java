package cn.jiebang.challenge.evaluation.domain;

import cn.jiebang.challenge.challenge.domain.Challenge;
import cn.jiebang.challenge.challenge.domain.Round;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A challenge's total budget and what its rounds have granted of it so far. A finalized round grants each team
 * going on the round's tranche, never beyond the total budget: the last grants shrink, then none is made.
 */
public record Funding(String challengeId, BigDecimal totalBudget, BigDecimal granted) {

    public static Funding of(Challenge challenge, List<FundingGrant> grants) {
        return new Funding(challenge.getId(), challenge.getTotalBudget(),
                grants.stream().map(FundingGrant::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** The grants of {@code round}'s tranche to the teams {@code goingOn}, in their order; not yet saved. */
    public List<FundingGrant> grantTranches(Round round, List<RoundResult> goingOn, Instant now) {
        List<FundingGrant> made = new ArrayList<>();
        BigDecimal left = totalBudget.subtract(granted);
        for (RoundResult team : goingOn) {
            BigDecimal amount = round.getTranchePerTeam().min(left);
            if (amount.signum() > 0) {
                made.add(FundingGrant.of(challengeId, round.getRoundIndex(), team, amount, now));
                left = left.subtract(amount);
            }
        }
        return made;
    }
}
