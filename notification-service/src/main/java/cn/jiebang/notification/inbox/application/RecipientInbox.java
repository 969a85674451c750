package cn.jiebang.notification.inbox.application;

import cn.jiebang.notification.inbox.domain.Notification;
import cn.jiebang.notification.inbox.domain.Notifications;
import cn.jiebang.problem.DomainProblem;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;

/** A user's in-app inbox: what is addressed to them, newest first, and their read marks. */
@Singleton
public class RecipientInbox {

    /** One page of a recipient's notifications, with the recipient's unread count over all pages. */
    public record InboxPage(Page<Notification> notifications, long unread) {
    }

    private final Notifications notifications;
    private final Clock clock;

    RecipientInbox(Notifications notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    public InboxPage page(String recipient, int page, int size, boolean unreadOnly) {
        Pageable pageable = Pageable.from(page, size, Sort.of(Sort.Order.desc("createdAt"), Sort.Order.desc("id")));
        Page<Notification> result = unreadOnly ? notifications.findByRecipientAndReadAtIsNull(recipient, pageable)
                : notifications.findByRecipient(recipient, pageable);
        return new InboxPage(result, notifications.countByRecipientAndReadAtIsNull(recipient));
    }

    @Transactional
    public Notification markRead(String recipient, String id) {
        Notification notification = notifications.findById(id).filter(n -> n.getRecipient().equals(recipient))
                .orElseThrow(() -> new NotificationNotFound(id));
        notification.read(clock.instant());
        return notifications.update(notification);
    }

    @Transactional
    public int markAllRead(String recipient) {
        return notifications.markAllRead(recipient, clock.instant());
    }

    static class NotificationNotFound extends DomainProblem {
        NotificationNotFound(String id) {
            super(Kind.NOT_FOUND, "notification-not-found", "you have no notification " + id);
        }
    }
}
