package cn.jiebang.challenge.application;

import cn.jiebang.challenge.domain.Challenge;
import cn.jiebang.challenge.domain.Challenges;
import cn.jiebang.messaging.Outbox;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;

/**
 * Closes bidding on the challenges whose window has ended, each exactly once however many instances
 * run: the due rows are claimed {@code FOR UPDATE SKIP LOCKED}, so an instance either holds a row or
 * skips it, and once closed a challenge no longer matches. State and event commit together.
 */
@Singleton
public class BiddingCloser {

    static final int BATCH = 50;

    private final Challenges challenges;
    private final Outbox outbox;
    private final Clock clock;

    BiddingCloser(Challenges challenges, Outbox outbox, Clock clock) {
        this.challenges = challenges;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Returns how many challenges it closed. READ COMMITTED: no gap locks against concurrent publishing. */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public int closeDue() {
        Instant now = clock.instant();
        int closed = 0;
        for (Challenge challenge : challenges.claimDueForClosing(now, BATCH)) {
            outbox.add(challenge.closeBidding(now));
            challenges.update(challenge);
            closed++;
        }
        return closed;
    }
}
