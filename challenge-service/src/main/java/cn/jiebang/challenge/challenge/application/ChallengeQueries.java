package cn.jiebang.challenge.challenge.application;

import cn.jiebang.challenge.challenge.domain.Amendment;
import cn.jiebang.challenge.challenge.domain.Amendments;
import cn.jiebang.challenge.challenge.domain.Challenge;
import cn.jiebang.challenge.challenge.domain.ChallengeFilter;
import cn.jiebang.challenge.challenge.domain.Challenges;
import cn.jiebang.challenge.challenge.domain.Round;
import cn.jiebang.challenge.challenge.domain.Rounds;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import jakarta.inject.Singleton;

import java.util.List;

/** What the board and a challenge's page show; who may see what is decided by the caller of these reads. */
@Singleton
public class ChallengeQueries {

    private final Challenges challenges;
    private final Rounds rounds;
    private final Amendments amendments;

    ChallengeQueries(Challenges challenges, Rounds rounds, Amendments amendments) {
        this.challenges = challenges;
        this.rounds = rounds;
        this.amendments = amendments;
    }

    public Challenge challenge(String id) {
        return challenges.require(id);
    }

    /** One page of the board (榜单), newest first. */
    public Page<Challenge> board(ChallengeFilter filter, int page, int size) {
        return challenges.findAll(filter.toSpecification(),
                Pageable.from(page, size, Sort.of(Sort.Order.desc("createdAt"), Sort.Order.desc("id"))));
    }

    public List<Round> rounds(String challengeId) {
        return rounds.findByChallengeIdOrderByRoundIndex(challengeId);
    }

    /** Deadline extensions and clarifications, oldest first. */
    public List<Amendment> amendments(String challengeId) {
        return amendments.findByChallengeIdOrderById(challengeId);
    }
}
