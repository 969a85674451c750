package cn.jiebang.notification.application;

import cn.jiebang.events.ChallengeAmended;
import cn.jiebang.events.ChallengeCancelled;
import cn.jiebang.events.ChallengePublished;
import cn.jiebang.messaging.IncomingEvent;
import cn.jiebang.notification.domain.Notification;
import cn.jiebang.notification.domain.NotificationKind;
import cn.jiebang.notification.domain.Notifications;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import static io.micronaut.transaction.TransactionDefinition.Propagation.MANDATORY;

/**
 * Announces published, amended and cancelled challenges to everyone; the notifications issue narrows
 * it to the teams subscribed to the challenge's field or region and to its bidders.
 */
@Singleton
public class ChallengeAnnouncements {

    /** Deadlines are shown in Beijing time, where the programs run; stored and sent as UTC instants. */
    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'CST'")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final Notifications notifications;
    private final Clock clock;

    ChallengeAnnouncements(Notifications notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    @Transactional(propagation = MANDATORY)
    public void on(ChallengePublished event, IncomingEvent envelope) {
        String title = "新榜单发布 New challenge: " + event.title();
        String body = "榜额 Budget ¥" + event.totalBudget().toPlainString() + " · 揭榜截止 Bids close "
                + DEADLINE.format(event.bidClosesAt());
        notifications.save(Notification.toEveryone(NotificationKind.CHALLENGE_PUBLISHED, title, body,
                "/api/challenges/" + event.challengeId(), envelope.id(), clock.instant()));
    }

    @Transactional(propagation = MANDATORY)
    public void on(ChallengeAmended event, IncomingEvent envelope) {
        boolean extended = "DEADLINE_EXTENDED".equals(event.kind());
        String title = (extended ? "揭榜截止延期 Deadline extended: " : "榜单答疑 Clarification: ") + event.title();
        String body = (extended ? "新截止 New deadline " + DEADLINE.format(event.bidClosesAt()) + " · " : "") + event.text();
        notifications.save(Notification.toEveryone(NotificationKind.CHALLENGE_AMENDED, title, body,
                "/api/challenges/" + event.challengeId(), envelope.id(), clock.instant()));
    }

    @Transactional(propagation = MANDATORY)
    public void on(ChallengeCancelled event, IncomingEvent envelope) {
        notifications.save(Notification.toEveryone(NotificationKind.CHALLENGE_CANCELLED,
                "撤榜 Challenge cancelled: " + event.title(), event.reason(),
                "/api/challenges/" + event.challengeId(), envelope.id(), clock.instant()));
    }
}
