package cn.jiebang.notification.inbox.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Transient;

import java.time.Instant;
import java.util.UUID;

/**
 * One message in a user's in-app inbox. One notification per source event and recipient, whatever the
 * redeliveries.
 */
@MappedEntity("notification")
public class Notification {

    @Id
    private final String id;
    private final String recipient;
    private final NotificationKind kind;
    private final String title;
    private final String body;
    @Nullable
    private final String link;
    private final String sourceEventId;
    private final Instant createdAt;
    @Nullable
    private Instant readAt;

    /** Every column, for Micronaut Data and tests (ADR 0021); a new notification is sent {@link #to} someone. */
    public Notification(String id, String recipient, NotificationKind kind, String title, String body,
                        @Nullable String link, String sourceEventId, Instant createdAt, @Nullable Instant readAt) {
        this.id = id;
        this.recipient = recipient;
        this.kind = kind;
        this.title = title;
        this.body = body;
        this.link = link;
        this.sourceEventId = sourceEventId;
        this.createdAt = createdAt;
        this.readAt = readAt;
    }

    public static Notification to(String recipient, NotificationKind kind, String title, String body, String link,
                                  String sourceEventId, Instant now) {
        return new Notification(UUID.randomUUID().toString(), recipient, kind, title, body, link, sourceEventId, now, null);
    }

    /** Read by its recipient; one read before keeps the time it was first read. */
    public void read(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    @Transient
    public boolean isRead() {
        return readAt != null;
    }

    public String getId() {
        return id;
    }

    public String getRecipient() {
        return recipient;
    }

    public NotificationKind getKind() {
        return kind;
    }

    public String getTitle() {
        return title;
    }

    public String getBody() {
        return body;
    }

    @Nullable
    public String getLink() {
        return link;
    }

    public String getSourceEventId() {
        return sourceEventId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    @Nullable
    public Instant getReadAt() {
        return readAt;
    }
}
