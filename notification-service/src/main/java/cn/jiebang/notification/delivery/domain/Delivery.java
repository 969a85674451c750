package cn.jiebang.notification.delivery.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A notification to be sent over a channel to one target (a user's e-mail address, an organization's
 * webhook). Decided together with the notification; sent by the dispatcher, retried with exponential
 * backoff, FAILED after the last attempt.
 *
 * <p>Each attempt is recorded before it starts ({@link #sending}: SENDING, until {@code nextAttemptAt} at the
 * latest) and after it ends ({@link #sent}, {@link #failed}). A delivery still SENDING after that was left by
 * a crash somewhere between the two and is possibly sent: {@link #leftSending} sends it once more, never
 * twice. Its id goes with every attempt (header X-Jiebang-Delivery, and the e-mail's Message-ID) so a
 * receiver can recognise that resend.
 */
@MappedEntity("delivery")
public record Delivery(@Id String id, String sourceEventId, Channel channel, String target,
                       @Nullable String organizationId, String notificationId, String subject, String body,
                       String payload, Status status, int attempts, @Nullable Instant lastAttemptAt, int uncertainSends,
                       Instant nextAttemptAt, @Nullable String lastError, Instant createdAt, @Nullable Instant sentAt) {

    public enum Channel { EMAIL, WEBHOOK }

    public enum Status { PENDING, SENDING, SENT, FAILED }

    private static final String USER_PREFIX = "user:";

    /** An e-mail delivery's target: the user, whose address is looked up when it is sent. */
    public static String emailTarget(String userId) {
        return USER_PREFIX + userId;
    }

    /** The user an e-mail delivery is for. */
    public static String userOf(String emailTarget) {
        return emailTarget.substring(USER_PREFIX.length());
    }

    /** A webhook delivery's target: the webhook and the user the notification is for, one POST per notification. */
    public static String webhookTarget(String webhookId, String userId) {
        return webhookId + "/" + userId;
    }

    /** The webhook a webhook delivery goes to. */
    public static String webhookOf(String webhookTarget) {
        return webhookTarget.substring(0, webhookTarget.indexOf('/'));
    }

    public static Delivery pending(String sourceEventId, Channel channel, String target, @Nullable String organizationId,
                                   String notificationId, String subject, String body, String payload, Instant now) {
        return new Delivery(UUID.randomUUID().toString(), sourceEventId, channel, target, organizationId, notificationId,
                subject, body, payload, Status.PENDING, 0, null, 0, now, null, now, null);
    }

    public Delivery withPayload(String newPayload) {
        return new Delivery(id, sourceEventId, channel, target, organizationId, notificationId, subject, body, newPayload,
                status, attempts, lastAttemptAt, uncertainSends, nextAttemptAt, lastError, createdAt, sentAt);
    }

    private Delivery with(Status newStatus, int newAttempts, @Nullable Instant newLastAttemptAt, int newUncertainSends,
                          Instant newNextAttemptAt, @Nullable String newLastError, @Nullable Instant newSentAt) {
        return new Delivery(id, sourceEventId, channel, target, organizationId, notificationId, subject, body, payload,
                newStatus, newAttempts, newLastAttemptAt, newUncertainSends, newNextAttemptAt, newLastError, createdAt,
                newSentAt);
    }

    /** An attempt starts: counted, and taken to be lost to a crash if it has not ended after {@code grace}. */
    public Delivery sending(Instant now, Duration grace) {
        if (status != Status.PENDING) {
            throw new IllegalStateException("delivery " + id + " is " + status + ", not PENDING");
        }
        return with(Status.SENDING, attempts + 1, now, uncertainSends, now.plus(grace), lastError, null);
    }

    public Delivery sent(Instant now) {
        return with(Status.SENT, attempts, lastAttemptAt, uncertainSends, nextAttemptAt, null, now);
    }

    /** Another attempt after {@code base × 2^(attempts − 1)}, or FAILED once {@code maxAttempts} are used up. */
    public Delivery failed(String error, Instant now, Duration base, int maxAttempts) {
        String shortError = shorten(error);
        if (attempts >= maxAttempts) {
            return with(Status.FAILED, attempts, lastAttemptAt, uncertainSends, nextAttemptAt, shortError, null);
        }
        Instant next = now.plus(base.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20)));
        return with(Status.PENDING, attempts, lastAttemptAt, uncertainSends, next, shortError, null);
    }

    /**
     * Found SENDING after its attempt should have ended: the instance sending it died, before or after the
     * receiver had it. Sent once more at once; left SENDING a second time, it is FAILED rather than risk a
     * third copy.
     */
    public Delivery leftSending(Instant now) {
        if (status != Status.SENDING) {
            throw new IllegalStateException("delivery " + id + " is " + status + ", not SENDING");
        }
        if (uncertainSends == 0) {
            return with(Status.PENDING, attempts, lastAttemptAt, 1, now,
                    shorten("attempt " + attempts + " of " + lastAttemptAt + " never ended (a crash?): possibly sent,"
                            + " sent once more"), null);
        }
        return with(Status.FAILED, attempts, lastAttemptAt, uncertainSends + 1, nextAttemptAt,
                shorten("attempt " + attempts + " of " + lastAttemptAt + " never ended either: possibly sent, not sent"
                        + " again"), null);
    }

    private static String shorten(String error) {
        return error.length() > 1000 ? error.substring(0, 1000) : error;
    }
}
