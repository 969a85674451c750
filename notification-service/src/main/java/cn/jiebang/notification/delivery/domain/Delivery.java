package cn.jiebang.notification.delivery.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

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
public class Delivery {

    public enum Channel { EMAIL, WEBHOOK }

    public enum Status { PENDING, SENDING, SENT, FAILED }

    private static final String USER_PREFIX = "user:";

    @Id
    private final String id;
    private final String sourceEventId;
    private final Channel channel;
    private final String target;
    @Nullable
    private final String organizationId;
    private final String notificationId;
    private final String subject;
    private final String body;
    private final String payload;
    private Status status;
    private int attempts;
    @Nullable
    private Instant lastAttemptAt;
    private int uncertainSends;
    private Instant nextAttemptAt;
    @Nullable
    private String lastError;
    private final Instant createdAt;
    @Nullable
    private Instant sentAt;

    /** Every column, for Micronaut Data and tests (ADR 0021); a new delivery is {@link #pending}. */
    public Delivery(String id, String sourceEventId, Channel channel, String target, @Nullable String organizationId,
                    String notificationId, String subject, String body, String payload, Status status, int attempts,
                    @Nullable Instant lastAttemptAt, int uncertainSends, Instant nextAttemptAt,
                    @Nullable String lastError, Instant createdAt, @Nullable Instant sentAt) {
        this.id = id;
        this.sourceEventId = sourceEventId;
        this.channel = channel;
        this.target = target;
        this.organizationId = organizationId;
        this.notificationId = notificationId;
        this.subject = subject;
        this.body = body;
        this.payload = payload;
        this.status = status;
        this.attempts = attempts;
        this.lastAttemptAt = lastAttemptAt;
        this.uncertainSends = uncertainSends;
        this.nextAttemptAt = nextAttemptAt;
        this.lastError = lastError;
        this.createdAt = createdAt;
        this.sentAt = sentAt;
    }

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

    /**
     * A delivery due at once. Its payload is written for its id ({@code payloadFor}), which a webhook's JSON
     * carries; an e-mail has none.
     */
    public static Delivery pending(String sourceEventId, Channel channel, String target, @Nullable String organizationId,
                                   String notificationId, String subject, String body,
                                   Function<String, String> payloadFor, Instant now) {
        String id = UUID.randomUUID().toString();
        return new Delivery(id, sourceEventId, channel, target, organizationId, notificationId, subject, body,
                payloadFor.apply(id), Status.PENDING, 0, null, 0, now, null, now, null);
    }

    /** An attempt starts: counted, and taken to be lost to a crash if it has not ended after {@code grace}. */
    public void sending(Instant now, Duration grace) {
        require(Status.PENDING);
        status = Status.SENDING;
        attempts++;
        lastAttemptAt = now;
        nextAttemptAt = now.plus(grace);
    }

    public void sent(Instant now) {
        require(Status.SENDING);
        status = Status.SENT;
        lastError = null;
        sentAt = now;
    }

    /** Another attempt after {@code base × 2^(attempts − 1)}, or FAILED once {@code maxAttempts} are used up. */
    public void failed(String error, Instant now, Duration base, int maxAttempts) {
        require(Status.SENDING);
        lastError = shorten(error);
        if (attempts >= maxAttempts) {
            status = Status.FAILED;
            return;
        }
        status = Status.PENDING;
        nextAttemptAt = now.plus(base.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20)));
    }

    /**
     * Found SENDING after its attempt should have ended: the instance sending it died, before or after the
     * receiver had it. Sent once more at once; left SENDING a second time, it is FAILED rather than risk a
     * third copy.
     */
    public void leftSending(Instant now) {
        require(Status.SENDING);
        if (uncertainSends == 0) {
            status = Status.PENDING;
            uncertainSends = 1;
            nextAttemptAt = now;
            lastError = shorten("attempt " + attempts + " of " + lastAttemptAt + " never ended (a crash?): possibly"
                    + " sent, sent once more");
            return;
        }
        status = Status.FAILED;
        uncertainSends++;
        lastError = shorten("attempt " + attempts + " of " + lastAttemptAt + " never ended either: possibly sent, not"
                + " sent again");
    }

    private void require(Status expected) {
        if (status != expected) {
            throw new IllegalStateException("delivery " + id + " is " + status + ", not " + expected);
        }
    }

    private static String shorten(String error) {
        return error.length() > 1000 ? error.substring(0, 1000) : error;
    }

    public String getId() {
        return id;
    }

    public String getSourceEventId() {
        return sourceEventId;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getTarget() {
        return target;
    }

    @Nullable
    public String getOrganizationId() {
        return organizationId;
    }

    public String getNotificationId() {
        return notificationId;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public String getPayload() {
        return payload;
    }

    public Status getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    @Nullable
    public Instant getLastAttemptAt() {
        return lastAttemptAt;
    }

    public int getUncertainSends() {
        return uncertainSends;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    @Nullable
    public String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    @Nullable
    public Instant getSentAt() {
        return sentAt;
    }
}
