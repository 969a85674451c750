package cn.jiebang.messaging;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;

/**
 * Keeps the outbox and the inbox from growing forever ({@link RetentionPolicy}): deletes published outbox
 * rows and processed-event ids past their age, in small batches, every {@code jiebang.retention.interval}
 * (1 hour). An unpublished outbox row is never deleted. Every instance runs it; two at once only delete the
 * same rows twice, the second time finding none. Disabled with {@code jiebang.retention.enabled=false}.
 */
@Singleton
@Requires(property = "jiebang.retention.enabled", notEquals = "false")
public class Retention {

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    /** What one pass deleted. */
    public record Pruned(int outboxRows, int processedEvents) {
    }

    private final RetentionPolicy policy;
    private final RetentionBatches batches;
    private final Clock clock;

    Retention(RetentionPolicy policy, RetentionBatches batches, Clock clock) {
        this.policy = policy;
        this.batches = batches;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${jiebang.retention.interval:1h}", initialDelay = "${jiebang.retention.initial-delay:10m}")
    void scheduled() {
        try {
            prune();
        } catch (RuntimeException e) {
            LOG.warn("retention pass failed, will try again at its next run: {}", e.toString());
        }
    }

    /** One pass over the outbox, then the inbox. */
    public Pruned prune() {
        Instant now = clock.instant();
        int outboxRows = 0;
        int deleted;
        do {
            deleted = batches.deletePublishedOutbox(now.minus(policy.publishedOutboxAge()), policy.batchSize());
            outboxRows += deleted;
        } while (deleted == policy.batchSize() && !Thread.currentThread().isInterrupted());

        int processedEvents = 0;
        RetentionBatches.Key next = RetentionBatches.START;
        while (next != null && !Thread.currentThread().isInterrupted()) {
            RetentionBatches.Chunk chunk = batches.pruneProcessedEvents(next, now.minus(policy.processedEventAge()),
                    policy.batchSize());
            processedEvents += chunk.deleted();
            next = chunk.next();
        }
        if (outboxRows > 0 || processedEvents > 0) {
            LOG.info("retention deleted {} published outbox rows and {} processed event ids", outboxRows, processedEvents);
        }
        return new Pruned(outboxRows, processedEvents);
    }
}
