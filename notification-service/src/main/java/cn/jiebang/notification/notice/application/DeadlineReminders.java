package cn.jiebang.notification.notice.application;

import cn.jiebang.messaging.DueRows;
import cn.jiebang.notification.inbox.domain.NotificationKind;
import cn.jiebang.notification.notice.domain.Reminders;
import cn.jiebang.notification.notice.domain.WatchedChallenge;
import cn.jiebang.notification.notice.domain.WatchedChallenges;
import cn.jiebang.notification.preference.domain.Subscriptions;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Reminds the teams following a challenge's field or region before its bid deadline, by default 72 and 24
 * hours before. Each (challenge, deadline, lead time) once, however many instances run: the challenge rows
 * are claimed with SKIP LOCKED and the reminder is recorded with INSERT IGNORE in the same transaction as
 * its notifications. When several lead times are due at once (a challenge published late) only the nearest
 * is sent. A cancelled challenge gets none; an extended deadline is a new deadline with reminders of its own.
 * Only challenges with a reminder due are claimed, one per transaction.
 */
@Singleton
public class DeadlineReminders {

    /** Stands in the list of challenges to leave out when there are none: SQL has no empty {@code NOT IN ()}. */
    private static final String NO_CHALLENGE = "";

    private final WatchedChallenges challenges;
    private final Subscriptions subscriptions;
    private final Reminders reminders;
    private final Notifier notifier;
    private final Clock clock;
    private final List<Integer> hoursBefore;
    private final DueRows dueRows;

    DeadlineReminders(WatchedChallenges challenges, Subscriptions subscriptions, Reminders reminders, Notifier notifier,
                      Clock clock, @Value("${jiebang.reminders.hours-before:72,24}") List<Integer> hoursBefore,
                      DueRows dueRows) {
        this.dueRows = dueRows;
        this.challenges = challenges;
        this.subscriptions = subscriptions;
        this.reminders = reminders;
        this.notifier = notifier;
        this.clock = clock;
        this.hoursBefore = hoursBefore.stream().sorted().toList();
    }

    /**
     * Returns how many challenges it reminded. Lead times nearest first: a challenge whose deadline is at most
     * {@code h} hours away, and more than the next shorter lead time, is due its {@code h}-hour reminder. One
     * challenge per transaction ({@link DueRows}): one that fails does not hold back the others.
     */
    public int sendDue() {
        int reminded = 0;
        int shorter = 0;
        for (int hours : hoursBefore) {
            Duration after = Duration.ofHours(shorter);
            Duration until = Duration.ofHours(hours);
            reminded += dueRows.drain("deadline reminders " + hours + " h before", (Set<String> skipped) -> {
                Instant now = clock.instant();
                return challenges.claimUnreminded(now.plus(after), now.plus(until), hours,
                                skipped.isEmpty() ? List.of(NO_CHALLENGE) : skipped)
                        .map(c -> DueRows.change(c.getChallengeId(), () -> remind(c, hours, now)));
            });
            shorter = hours;
        }
        return reminded;
    }

    /** Records the reminder, and the longer lead times as passed, and tells the followers once. */
    private void remind(WatchedChallenge c, int nearest, Instant now) {
        boolean fresh = reminders.record(c.getChallengeId(), c.getBidClosesAt(), nearest, now) == 1;
        hoursBefore.stream().filter(h -> h > nearest).forEach(h -> reminders.record(c.getChallengeId(), c.getBidClosesAt(), h, now));
        if (fresh) {
            notifier.tell(subscriptions.followersOf(c.getTechnologyField(), c.getRegion()), NotificationKind.DEADLINE_REMINDER,
                    reminder(c, now), "/api/challenges/" + c.getChallengeId(),
                    "reminder:" + c.getChallengeId() + ":" + c.getBidClosesAt().toEpochMilli() + ":" + nearest);
        }
    }

    static Notifier.Text reminder(WatchedChallenge c, Instant now) {
        return Notifier.Text.of("deadline-reminder", c.getTitle(), Formats.hoursLeft(now, c.getBidClosesAt()),
                c.getBidClosesAt());
    }
}
