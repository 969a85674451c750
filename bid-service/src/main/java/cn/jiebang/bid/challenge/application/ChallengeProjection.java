package cn.jiebang.bid.challenge.application;

import cn.jiebang.bid.challenge.domain.BiddingChallenge;
import cn.jiebang.bid.challenge.domain.BiddingChallenges;
import cn.jiebang.events.ChallengeAmended;
import cn.jiebang.events.ChallengeCancelled;
import cn.jiebang.events.ChallengePublished;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import static io.micronaut.transaction.TransactionDefinition.Propagation.MANDATORY;

/** Keeps bid-service's copy of published challenges; runs inside the inbox's transaction. */
@Singleton
public class ChallengeProjection {

    private final BiddingChallenges challenges;

    ChallengeProjection(BiddingChallenges challenges) {
        this.challenges = challenges;
    }

    /** An extended deadline replaces the old one; a clarification leaves the window as it was. */
    @Transactional(propagation = MANDATORY)
    public void on(ChallengeAmended event) {
        challenges.findById(event.challengeId()).ifPresent(challenge -> {
            challenge.amendDeadline(event.bidClosesAt());
            challenges.update(challenge);
        });
    }

    @Transactional(propagation = MANDATORY)
    public void on(ChallengeCancelled event) {
        challenges.findById(event.challengeId()).ifPresent(challenge -> {
            challenge.cancel();
            challenges.update(challenge);
        });
    }

    /** A challenge is published once; a redelivered or replayed event never reopens a closed one. */
    @Transactional(propagation = MANDATORY)
    public void on(ChallengePublished event) {
        if (!challenges.existsById(event.challengeId())) {
            challenges.save(BiddingChallenge.from(event));
        }
    }
}
