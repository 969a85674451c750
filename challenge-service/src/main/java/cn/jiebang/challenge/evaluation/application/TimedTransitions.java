package cn.jiebang.challenge.evaluation.application;

import cn.jiebang.challenge.challenge.application.ChallengeManagement;
import cn.jiebang.challenge.challenge.domain.Challenge;
import cn.jiebang.challenge.challenge.domain.Challenges;
import cn.jiebang.challenge.challenge.domain.Round;
import cn.jiebang.challenge.challenge.domain.Rounds;
import cn.jiebang.messaging.DueRows;
import cn.jiebang.messaging.Outbox;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What the clock does to challenges: closes bidding when the window ends, and opens round 1 at its scheduled
 * start once screening is complete and the panel is named; closes, finalizes and opens further rounds. Each
 * exactly once however many instances run: a due row is claimed {@code FOR UPDATE SKIP LOCKED}, so an instance
 * either holds a row or skips it, and once moved on it no longer matches. One row per transaction
 * ({@link DueRows}), its state and event committed together: a row whose change fails rolls back alone, and
 * waits out a backoff while the others go on.
 */
@Singleton
public class TimedTransitions {

    /** Stands in the list of rows to leave out when there are none: SQL has no empty {@code NOT IN ()}. */
    private static final String NO_CHALLENGE = "";
    private static final Long NO_ROUND = 0L;

    private final Challenges challenges;
    private final Rounds rounds;
    private final Outbox outbox;
    private final Clock clock;
    private final DueRows dueRows;

    private final Evaluation evaluation;
    private final ChallengeManagement management;

    TimedTransitions(Challenges challenges, Rounds rounds, Outbox outbox, Clock clock, DueRows dueRows,
                     Evaluation evaluation, ChallengeManagement management) {
        this.challenges = challenges;
        this.rounds = rounds;
        this.outbox = outbox;
        this.clock = clock;
        this.dueRows = dueRows;
        this.evaluation = evaluation;
        this.management = management;
    }

    /** Closes the open rounds whose window ended with their scores complete; returns how many. */
    public int closeDueRounds() {
        return dueRows.drain("closing due rounds", (Set<Long> skipped) -> {
            Instant now = clock.instant();
            return rounds.claimDueForClosing(now, orNone(skipped, NO_ROUND)).map(round -> DueRows.change(round.getId(), () -> {
                outbox.add(round.close(false, now));
                rounds.update(round);
            }));
        });
    }

    /** Finalizes the announced rounds whose 公示 ended with no objection open; returns how many. */
    public int finalizeDueRounds() {
        return dueRows.drain("finalizing rounds after 公示", (Set<Long> skipped) ->
                rounds.claimDueForFinalizing(clock.instant(), orNone(skipped, NO_ROUND))
                        .map(round -> DueRows.change(round.getId(), () -> evaluation.finalize(round))));
    }

    /** Opens the rounds that follow a finalized one at their scheduled start, when a panel is named. */
    public int openDueNextRounds() {
        return dueRows.drain("opening due further rounds", (Set<Long> skipped) ->
                rounds.claimDueForOpening(clock.instant(), orNone(skipped, NO_ROUND))
                        .map(round -> DueRows.change(round.getId(), () -> management.openNext(round))));
    }

    /** Returns how many challenges it closed. */
    public int closeDueBidding() {
        return dueRows.drain("closing due bidding", (Set<String> skipped) -> {
            Instant now = clock.instant();
            return challenges.claimDueForClosing(now, orNone(skipped, NO_CHALLENGE))
                    .map(challenge -> DueRows.change(challenge.getId(), () -> {
                        outbox.add(challenge.closeBidding(now));
                        challenges.update(challenge);
                    }));
        });
    }

    /** Returns how many first rounds it opened. */
    public int openDueFirstRounds() {
        return dueRows.drain("opening due first rounds", (Set<String> skipped) -> {
            Instant now = clock.instant();
            return challenges.claimDueForFirstRound(now, orNone(skipped, NO_CHALLENGE))
                    .map(challenge -> DueRows.change(challenge.getId(), () -> {
                        var first = rounds.require(challenge.getId(), 1);
                        outbox.add(challenge.openFirstRound(first, now));
                        rounds.update(first);
                        challenges.update(challenge);
                    }));
        });
    }

    private static <K> Collection<K> orNone(Set<K> skipped, K none) {
        return skipped.isEmpty() ? List.of(none) : skipped;
    }
}
