package cn.jiebang.challenge.evaluation.application;

import cn.jiebang.challenge.challenge.domain.Round;
import cn.jiebang.challenge.challenge.domain.Rounds;
import cn.jiebang.challenge.evaluation.domain.FundingGrant;
import cn.jiebang.challenge.evaluation.domain.FundingGrants;
import cn.jiebang.challenge.evaluation.domain.Objection;
import cn.jiebang.challenge.evaluation.domain.Objections;
import cn.jiebang.challenge.evaluation.domain.RoundResult;
import cn.jiebang.challenge.evaluation.domain.RoundResults;
import jakarta.inject.Singleton;

import java.util.List;

/** What evaluation leaves on record for a challenge; who may see what is decided by the caller of these reads. */
@Singleton
public class EvaluationQueries {

    private final Rounds rounds;
    private final RoundResults results;
    private final Objections objections;
    private final FundingGrants grants;

    EvaluationQueries(Rounds rounds, RoundResults results, Objections objections, FundingGrants grants) {
        this.rounds = rounds;
        this.results = results;
        this.objections = objections;
        this.grants = grants;
    }

    public Round round(String challengeId, int index) {
        return rounds.require(challengeId, index);
    }

    /** The round's results by rank, as recorded: whether they may be shown yet is the {@link Round}'s to say. */
    public List<RoundResult> results(String challengeId, int index) {
        return results.findByChallengeIdAndRoundIndexOrderByRank(challengeId, index);
    }

    /** The objections to a round's results, in the order they were filed. */
    public List<Objection> objections(String challengeId, int index) {
        return objections.findByChallengeIdAndRoundIndexOrderByFiledAt(challengeId, index);
    }

    /** The tranches granted on a challenge, round by round, with what was released of each. */
    public List<FundingGrant> grants(String challengeId) {
        return grants.findByChallengeIdOrderByRoundIndex(challengeId);
    }
}
