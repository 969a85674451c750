package cn.jiebang.notification.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A notification to be sent over a channel to one target (a user's e-mail address, an organization's
 * webhook). Decided together with the notification; sent by the dispatcher, retried with exponential
 * backoff, FAILED after the last attempt. Its id goes with it (header X-Jiebang-Delivery, in mail and
 * webhook POSTs) so a receiver can recognise the rare resend after a crash between sending and recording.
 */
@MappedEntity("delivery")
public record Delivery(@Id String id, String sourceEventId, Channel channel, String target,
                       @Nullable String organizationId, String notificationId, String subject, String body,
                       String payload, Status status, int attempts, Instant nextAttemptAt, @Nullable String lastError,
                       Instant createdAt, @Nullable Instant sentAt) {

    public enum Channel { EMAIL, WEBHOOK }

    public enum Status { PENDING, SENT, FAILED }

    public static Delivery pending(String sourceEventId, Channel channel, String target, @Nullable String organizationId,
                                   String notificationId, String subject, String body, String payload, Instant now) {
        return new Delivery(UUID.randomUUID().toString(), sourceEventId, channel, target, organizationId, notificationId,
                subject, body, payload, Status.PENDING, 0, now, null, now, null);
    }

    public Delivery withPayload(String newPayload) {
        return new Delivery(id, sourceEventId, channel, target, organizationId, notificationId, subject, body, newPayload,
                status, attempts, nextAttemptAt, lastError, createdAt, sentAt);
    }

    public Delivery sent(Instant now) {
        return new Delivery(id, sourceEventId, channel, target, organizationId, notificationId, subject, body, payload,
                Status.SENT, attempts + 1, nextAttemptAt, null, createdAt, now);
    }

    /** Another attempt after {@code base × 2^(attempts − 1)}, or FAILED once {@code maxAttempts} are used up. */
    public Delivery failed(String error, Instant now, Duration base, int maxAttempts) {
        int made = attempts + 1;
        String shortError = error.length() > 1000 ? error.substring(0, 1000) : error;
        if (made >= maxAttempts) {
            return new Delivery(id, sourceEventId, channel, target, organizationId, notificationId, subject, body,
                    payload, Status.FAILED, made, nextAttemptAt, shortError, createdAt, null);
        }
        Instant next = now.plus(base.multipliedBy(1L << Math.min(made - 1, 20)));
        return new Delivery(id, sourceEventId, channel, target, organizationId, notificationId, subject, body, payload,
                Status.PENDING, made, next, shortError, createdAt, null);
    }
}
