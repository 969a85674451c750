package cn.jiebang.messaging;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox to Kafka, off the request path. Every instance of a service runs one; they share
 * the table safely (see {@link OutboxPublisher}). Disabled with {@code jiebang.outbox.relay.enabled=false}.
 */
@Singleton
@Requires(property = "jiebang.outbox.relay.enabled", notEquals = "false")
class OutboxRelay {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxPublisher publisher;

    OutboxRelay(OutboxPublisher publisher) {
        this.publisher = publisher;
    }

    @Scheduled(fixedDelay = "${jiebang.outbox.relay.interval:200ms}", initialDelay = "${jiebang.outbox.relay.initial-delay:1s}")
    void relay() {
        try {
            // a full batch means there is probably more: keep going without waiting for the next tick
            while (publisher.publishBatch() == publisher.batchSize()) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("outbox relay failed, will retry: {}", e.toString());
        }
    }
}
