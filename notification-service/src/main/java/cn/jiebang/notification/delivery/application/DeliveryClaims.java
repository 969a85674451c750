package cn.jiebang.notification.delivery.application;

import cn.jiebang.notification.delivery.domain.Deliveries;
import cn.jiebang.notification.delivery.domain.Delivery;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The dispatcher's short transactions, each committed on its own: claiming one delivery (SENDING) before its
 * send, recording its outcome after, and taking back the ones a crash left SENDING. Rows are claimed
 * {@code FOR UPDATE SKIP LOCKED}, so two instances never claim one row.
 */
@Singleton
class DeliveryClaims {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryClaims.class);

    private final Deliveries deliveries;

    DeliveryClaims(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    /** The next due delivery, now SENDING: committed before anything is sent. */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public Optional<Delivery> claimNext(Instant now, Duration grace) {
        return deliveries.claimDue(now, 1).stream().findFirst().map(due -> {
            due.sending(now, grace);
            return deliveries.update(due);
        });
    }

    /**
     * Records how the attempt ended ({@code outcome}: the claimed delivery, now sent or failed), unless the
     * delivery was taken back meanwhile (the attempt outlasted its grace period and another run decided for it):
     * then this outcome is dropped, and says so.
     */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public void record(Delivery outcome) {
        Optional<Delivery> current = deliveries.lock(outcome.getId());
        if (current.isPresent() && current.get().getStatus() == Delivery.Status.SENDING
                && current.get().getAttempts() == outcome.getAttempts()) {
            deliveries.update(outcome);
        } else {
            LOG.warn("delivery {}: attempt {} ended ({}) after it had been given up for lost; not recorded",
                    outcome.getId(), outcome.getAttempts(), outcome.getStatus());
        }
    }

    /** Takes back the deliveries a crash left SENDING ({@link Delivery#leftSending}); returns them as decided. */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public List<Delivery> takeBackLeftSending(Instant now, int limit) {
        return deliveries.claimLeftSending(now, limit).stream()
                .map(left -> {
                    left.leftSending(now);
                    return deliveries.update(left);
                })
                .toList();
    }
}
