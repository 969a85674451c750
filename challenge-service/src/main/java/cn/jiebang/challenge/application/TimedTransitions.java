package cn.jiebang.challenge.application;

import cn.jiebang.challenge.domain.Challenge;
import cn.jiebang.challenge.domain.Challenges;
import cn.jiebang.challenge.domain.Rounds;
import cn.jiebang.messaging.Outbox;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;

/**
 * What the clock does to challenges: closes bidding when the window ends, and opens round 1 at its scheduled
 * start once screening is complete and the panel is named. Each exactly once however many instances run:
 * the due rows are claimed {@code FOR UPDATE SKIP LOCKED}, so an instance either holds a row or skips it,
 * and once moved on a challenge no longer matches. State and event commit together.
 */
@Singleton
public class TimedTransitions {

    static final int BATCH = 50;

    private final Challenges challenges;
    private final Rounds rounds;
    private final Outbox outbox;
    private final Clock clock;

    TimedTransitions(Challenges challenges, Rounds rounds, Outbox outbox, Clock clock) {
        this.challenges = challenges;
        this.rounds = rounds;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Returns how many challenges it closed. READ COMMITTED: no gap locks against concurrent publishing. */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public int closeDueBidding() {
        Instant now = clock.instant();
        int closed = 0;
        for (Challenge challenge : challenges.claimDueForClosing(now, BATCH)) {
            outbox.add(challenge.closeBidding(now));
            challenges.update(challenge);
            closed++;
        }
        return closed;
    }

    /** Returns how many first rounds it opened. */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public int openDueFirstRounds() {
        Instant now = clock.instant();
        int opened = 0;
        for (Challenge challenge : challenges.claimDueForFirstRound(now, BATCH)) {
            var first = rounds.require(challenge.getId(), 1);
            outbox.add(challenge.openFirstRound(first, now));
            rounds.update(first);
            challenges.update(challenge);
            opened++;
        }
        return opened;
    }
}
