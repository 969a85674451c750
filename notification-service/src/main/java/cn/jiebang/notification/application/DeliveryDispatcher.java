package cn.jiebang.notification.application;

import cn.jiebang.notification.domain.Deliveries;
import cn.jiebang.notification.domain.Delivery;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Sends the due deliveries, each by one instance at a time: rows are claimed {@code FOR UPDATE SKIP LOCKED}
 * and marked SENT (or rescheduled, or FAILED) in the same transaction. A crash after the send and before the
 * commit leaves the row PENDING, so it is sent again rather than lost; receivers can recognise the repeat by
 * the delivery id it carries.
 */
@Singleton
public class DeliveryDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryDispatcher.class);
    static final int BATCH = 10;

    private final Deliveries deliveries;
    private final List<DeliveryChannel> channels;
    private final Clock clock;
    private final Duration backoff;
    private final int maxAttempts;

    DeliveryDispatcher(Deliveries deliveries, List<DeliveryChannel> channels, Clock clock,
                       @Value("${jiebang.deliveries.backoff:2s}") Duration backoff,
                       @Value("${jiebang.deliveries.max-attempts:6}") int maxAttempts) {
        this.deliveries = deliveries;
        this.channels = channels;
        this.clock = clock;
        this.backoff = backoff;
        this.maxAttempts = maxAttempts;
    }

    /** Returns how many deliveries it attempted. */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public int dispatchDue() {
        List<Delivery> due = deliveries.claimDue(clock.instant(), BATCH);
        for (Delivery delivery : due) {
            try {
                channel(delivery.channel()).send(delivery);
                deliveries.update(delivery.sent(clock.instant()));
            } catch (RuntimeException e) {
                Delivery next = delivery.failed(e.toString(), clock.instant(), backoff, maxAttempts);
                LOG.info("delivery {} over {} failed (attempt {}): {}", delivery.id(), delivery.channel(),
                        next.attempts(), e.toString());
                deliveries.update(next);
            }
        }
        return due.size();
    }

    private DeliveryChannel channel(Delivery.Channel channel) {
        return channels.stream().filter(c -> c.channel() == channel).findFirst()
                .orElseThrow(() -> new IllegalStateException("no sender for " + channel));
    }

}
