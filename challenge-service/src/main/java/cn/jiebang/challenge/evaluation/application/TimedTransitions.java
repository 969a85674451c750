package cn.jiebang.challenge.evaluation.application;

import cn.jiebang.challenge.challenge.domain.Challenge;
import cn.jiebang.challenge.challenge.domain.Challenges;
import cn.jiebang.challenge.challenge.domain.Round;
import cn.jiebang.challenge.challenge.domain.Rounds;
import cn.jiebang.messaging.Outbox;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

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

    private final Evaluation evaluation;

    TimedTransitions(Challenges challenges, Rounds rounds, Outbox outbox, Clock clock, Evaluation evaluation) {
        this.challenges = challenges;
        this.rounds = rounds;
        this.outbox = outbox;
        this.clock = clock;
        this.evaluation = evaluation;
    }

    /** Closes the open rounds whose window ended with their scores complete; returns how many. */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public int closeDueRounds() {
        Instant now = clock.instant();
        List<Round> due = rounds.claimDueForClosing(now, BATCH);
        for (Round round : due) {
            outbox.add(round.close(false, now));
            rounds.update(round);
        }
        return due.size();
    }

    /** Finalizes the announced rounds whose 公示 ended with no objection open; returns how many. */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public int finalizeDueRounds() {
        List<Round> due = rounds.claimDueForFinalizing(clock.instant(), BATCH);
        due.forEach(evaluation::finalize);
        return due.size();
    }

    /** Opens the rounds that follow a finalized one at their scheduled start, when a panel is named. */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public int openDueNextRounds() {
        List<Round> due = rounds.claimDueForOpening(clock.instant(), BATCH);
        due.forEach(evaluation::openNext);
        return due.size();
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
