package cn.jiebang.notification.inbox.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * One message in a user's in-app inbox. One notification per source event and recipient, whatever the
 * redeliveries.
 */
@MappedEntity("notification")
public record Notification(
        @Id String id,
        String recipient,
        NotificationKind kind,
        String title,
        String body,
        @Nullable String link,
        String sourceEventId,
        Instant createdAt,
        @Nullable Instant readAt) {

    public Notification read(Instant now) {
        return readAt != null ? this : new Notification(id, recipient, kind, title, body, link, sourceEventId, createdAt, now);
    }

    public static Notification to(String recipient, NotificationKind kind, String title, String body, String link,
                                  String sourceEventId, Instant now) {
        return new Notification(UUID.randomUUID().toString(), recipient, kind, title, body, link, sourceEventId, now, null);
    }

}
