package cn.jiebang.notification.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * One message in the in-app inbox. {@code recipient} is a user id, or {@link #EVERYONE} for an
 * announcement to all users. One notification per source event and recipient, whatever the redeliveries.
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

    public static final String EVERYONE = "*";

    public static Notification to(String recipient, NotificationKind kind, String title, String body, String link,
                                  String sourceEventId, Instant now) {
        return new Notification(UUID.randomUUID().toString(), recipient, kind, title, body, link, sourceEventId, now, null);
    }

    public static Notification toEveryone(NotificationKind kind, String title, String body, String link,
                                          String sourceEventId, Instant now) {
        return new Notification(UUID.randomUUID().toString(), EVERYONE, kind, title, body, link, sourceEventId, now, null);
    }
}
