package cn.jiebang.notification.delivery.application;

import cn.jiebang.notification.delivery.domain.Delivery;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Sends the due deliveries one at a time, each recorded before and after its send in a transaction of its
 * own ({@link DeliveryClaims}): SENDING, then SENT (or rescheduled, or FAILED). A crash therefore leaves at
 * most the one message in flight undecided, never a batch; that delivery stays SENDING, and once
 * {@code jiebang.deliveries.sending-grace} has passed it is taken to be possibly sent: sent once more (with
 * the same delivery id and Message-ID, so the receiver can recognise it), and FAILED if that attempt is lost
 * too. Each such case is logged at WARN and counted in {@code delivery.uncertain_sends}.
 */
@Singleton
public class DeliveryDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryDispatcher.class);
    static final int BATCH = 10;

    private final DeliveryClaims claims;
    private final List<DeliveryChannel> channels;
    private final Clock clock;
    private final Duration backoff;
    private final int maxAttempts;
    private final Duration sendingGrace;

    DeliveryDispatcher(DeliveryClaims claims, List<DeliveryChannel> channels, Clock clock,
                       @Value("${jiebang.deliveries.backoff:2s}") Duration backoff,
                       @Value("${jiebang.deliveries.max-attempts:6}") int maxAttempts,
                       @Value("${jiebang.deliveries.sending-grace:2m}") Duration sendingGrace) {
        this.claims = claims;
        this.channels = channels;
        this.clock = clock;
        this.backoff = backoff;
        this.maxAttempts = maxAttempts;
        this.sendingGrace = sendingGrace;
    }

    /** Takes back deliveries a crash left SENDING, then attempts up to {@value #BATCH}; returns how many it attempted. */
    public int dispatchDue() {
        for (Delivery left : claims.takeBackLeftSending(clock.instant(), BATCH)) {
            LOG.warn("delivery {} over {}: attempt {} started {} never ended, a crash between sending and recording;"
                            + " possibly sent, so {}", left.getId(), left.getChannel(), left.getAttempts(), left.getLastAttemptAt(),
                    left.getStatus() == Delivery.Status.PENDING ? "sending it once more, with the same id"
                            : "not sending it again (FAILED)");
        }
        int attempted = 0;
        while (attempted < BATCH) {
            Optional<Delivery> claimed = claims.claimNext(clock.instant(), sendingGrace);
            if (claimed.isEmpty()) {
                break;
            }
            attempted++;
            send(claimed.get());
        }
        return attempted;
    }

    private void send(Delivery delivery) {
        try {
            channel(delivery.getChannel()).send(delivery);
            delivery.sent(clock.instant());
        } catch (RuntimeException e) {
            delivery.failed(e.toString(), clock.instant(), backoff, maxAttempts);
            LOG.info("delivery {} over {} failed (attempt {}): {}", delivery.getId(), delivery.getChannel(),
                    delivery.getAttempts(), e.toString());
        }
        // should this fail too, the delivery stays SENDING and is taken back after the grace period
        claims.record(delivery);
    }

    private DeliveryChannel channel(Delivery.Channel channel) {
        return channels.stream().filter(c -> c.channel() == channel).findFirst()
                .orElseThrow(() -> new IllegalStateException("no sender for " + channel));
    }
}
