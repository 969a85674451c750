package cn.jiebang.notification.notice.application;

import cn.jiebang.notification.inbox.domain.NotificationKind;
import cn.jiebang.notification.notice.domain.Reminders;
import cn.jiebang.notification.notice.domain.WatchedChallenge;
import cn.jiebang.notification.notice.domain.WatchedChallenges;
import cn.jiebang.notification.preference.domain.Subscriptions;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Reminds the teams following a challenge's field or region before its bid deadline, by default 72 and 24
 * hours before. Each (challenge, deadline, lead time) once, however many instances run: the challenge rows
 * are claimed with SKIP LOCKED and the reminder is recorded with INSERT IGNORE in the same transaction as
 * its notifications. When several lead times are due at once (a challenge published late) only the nearest
 * is sent. A cancelled challenge gets none; an extended deadline is a new deadline with reminders of its own.
 */
@Singleton
public class DeadlineReminders {

    private final WatchedChallenges challenges;
    private final Subscriptions subscriptions;
    private final Reminders reminders;
    private final Notifier notifier;
    private final Clock clock;
    private final List<Integer> hoursBefore;

    DeadlineReminders(WatchedChallenges challenges, Subscriptions subscriptions, Reminders reminders, Notifier notifier,
                      Clock clock, @Value("${jiebang.reminders.hours-before:72,24}") List<Integer> hoursBefore) {
        this.challenges = challenges;
        this.subscriptions = subscriptions;
        this.reminders = reminders;
        this.notifier = notifier;
        this.clock = clock;
        this.hoursBefore = hoursBefore.stream().sorted().toList();
    }

    /** Returns how many reminders it sent. */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public int sendDue() {
        Instant now = clock.instant();
        Instant horizon = now.plus(Duration.ofHours(hoursBefore.get(hoursBefore.size() - 1)));
        int sent = 0;
        for (WatchedChallenge c : challenges.claimClosingBetween(now, horizon)) {
            List<Integer> due = hoursBefore.stream()
                    .filter(h -> !now.isBefore(c.bidClosesAt().minus(Duration.ofHours(h)))).toList();
            if (due.isEmpty()) {
                continue;
            }
            int nearest = due.get(0);
            boolean fresh = reminders.record(c.challengeId(), c.bidClosesAt(), nearest, now) == 1;
            due.stream().skip(1).forEach(h -> reminders.record(c.challengeId(), c.bidClosesAt(), h, now));
            if (!fresh) {
                continue;
            }
            notifier.tell(subscriptions.followersOf(c.technologyField(), c.region()), NotificationKind.DEADLINE_REMINDER,
                    reminder(c, now), "/api/challenges/" + c.challengeId(),
                    "reminder:" + c.challengeId() + ":" + c.bidClosesAt().toEpochMilli() + ":" + nearest);
            sent++;
        }
        return sent;
    }

    static Notifier.Text reminder(WatchedChallenge c, Instant now) {
        return Notifier.Text.of("deadline-reminder", c.title(), Formats.hoursLeft(now, c.bidClosesAt()), c.bidClosesAt());
    }
}
