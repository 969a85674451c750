package cn.jiebang.bid.challenge.domain;

import cn.jiebang.problem.DomainProblem;

/** No published challenge with this id has reached bid-service (unknown, still a draft, or not yet relayed). */
public class ChallengeNotOpenForBids extends DomainProblem {

    public ChallengeNotOpenForBids(String challengeId) {
        super(Kind.NOT_FOUND, "challenge-not-found", "no published challenge " + challengeId);
    }
}
