package cn.jiebang.notification.notice.application;

import cn.jiebang.events.AssignmentScored;
import cn.jiebang.events.JudgesAssigned;
import cn.jiebang.events.RoundClosed;
import cn.jiebang.events.RoundOpened;
import cn.jiebang.messaging.DueRows;
import cn.jiebang.notification.inbox.domain.NotificationKind;
import cn.jiebang.notification.notice.domain.JudgingRound;
import cn.jiebang.notification.notice.domain.JudgingRounds;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static io.micronaut.transaction.TransactionDefinition.Propagation.MANDATORY;

/**
 * Reminds the judges who still have unscored assignments in a round before it closes (by default 24 hours
 * before): the assignments and their scoring come from bid.events, the round's closing time from
 * round.opened.v1. Once per round, judge and closing time, however many instances run.
 */
@Singleton
public class JudgeReminders {

    /** Stands in the list of rounds to leave out when there are none: SQL has no empty {@code NOT IN ()}. */
    private static final String NO_ROUND = "";

    private final JudgingRounds rounds;
    private final Notifier notifier;
    private final Clock clock;
    private final Duration before;
    private final DueRows dueRows;

    JudgeReminders(JudgingRounds rounds, Notifier notifier, Clock clock,
                   @Value("${jiebang.reminders.judge-hours-before:24}") int hoursBefore, DueRows dueRows) {
        this.dueRows = dueRows;
        this.rounds = rounds;
        this.notifier = notifier;
        this.clock = clock;
        this.before = Duration.ofHours(hoursBefore);
    }

    @Transactional(propagation = MANDATORY)
    public void on(RoundOpened e) {
        rounds.opened(e.challengeId(), e.roundIndex(), e.name(), e.closesAt());
    }

    @Transactional(propagation = MANDATORY)
    public void on(RoundClosed e) {
        rounds.closed(e.challengeId(), e.roundIndex());
    }

    @Transactional(propagation = MANDATORY)
    public void on(JudgesAssigned e) {
        e.assignments().forEach(a -> rounds.assigned(a.assignmentId(), e.challengeId(), e.roundIndex(), a.judgeId()));
        if (e.withdrawnAssignmentId() != null) {
            rounds.withdrawn(e.withdrawnAssignmentId());
        }
    }

    @Transactional(propagation = MANDATORY)
    public void on(AssignmentScored e) {
        rounds.scored(e.assignmentId());
    }

    /** Returns how many rounds it reminded judges of, one round per transaction ({@link DueRows}). */
    public int sendDue() {
        return dueRows.drain("judge reminders", (Set<String> skipped) -> {
            Instant now = clock.instant();
            return rounds.claimUnreminded(now, now.plus(before), skipped.isEmpty() ? List.of(NO_ROUND) : skipped)
                    .map(round -> DueRows.change(round.key().challengeId() + "/" + round.key().roundIndex(),
                            () -> remind(round, now)));
        });
    }

    private void remind(JudgingRound round, Instant now) {
        String challengeId = round.key().challengeId();
        int index = round.key().roundIndex();
        for (String judge : rounds.judgesWithUnscored(challengeId, index)) {
            if (rounds.remind(challengeId, index, judge, round.closesAt(), now) == 1) {
                notifier.tell(List.of(judge), NotificationKind.SCORING_REMINDER,
                        Notifier.Text.of("scoring-reminder", round.name(), index, round.closesAt()), "/api/judging/assignments",
                        "judge-reminder:" + challengeId + ":" + index + ":" + round.closesAt().toEpochMilli());
            }
        }
    }
}
