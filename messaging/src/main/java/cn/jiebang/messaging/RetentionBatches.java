package cn.jiebang.messaging;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One batch of {@link Retention}, each in a short transaction of its own. READ COMMITTED, as in the relay: a
 * delete then locks only the rows it deletes, no gaps, so the relay and the listeners never wait for it.
 */
@Singleton
class RetentionBatches {

    /** The first key of the inbox's primary key order, before every row. */
    static final Key START = new Key("", "");

    /** A position in the inbox's primary key order, {@code (consumer, event_id)}. */
    record Key(String consumer, String eventId) {
    }

    /** What one chunk of the inbox walk deleted, and where the next starts; {@code next} is null at the end. */
    record Chunk(int deleted, Key next) {
    }

    private final OutboxMessages outbox;
    private final ProcessedEvents processed;

    RetentionBatches(OutboxMessages outbox, ProcessedEvents processed) {
        this.outbox = outbox;
        this.processed = processed;
    }

    /** Deletes up to {@code limit} published rows older than {@code cutoff}, the oldest first. */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    int deletePublishedOutbox(Instant cutoff, int limit) {
        return outbox.deletePublishedBefore(cutoff, limit);
    }

    /**
     * Reads the next {@code size} inbox rows after {@code after} in primary key order and deletes those
     * processed before {@code cutoff}. processed_event has no index on its age: walking the primary key in
     * chunks reads the table once per pass, without a chunk ever scanning it whole.
     */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    Chunk pruneProcessedEvents(Key after, Instant cutoff, int size) {
        List<ProcessedEvent> rows = processed.findAfter(after.consumer(), after.eventId(), size);
        Map<String, List<String>> oldByConsumer = new LinkedHashMap<>();
        for (ProcessedEvent row : rows) {
            if (row.processedAt().isBefore(cutoff)) {
                oldByConsumer.computeIfAbsent(row.consumer(), c -> new ArrayList<>()).add(row.eventId());
            }
        }
        int deleted = 0;
        for (Map.Entry<String, List<String>> old : oldByConsumer.entrySet()) {
            deleted += processed.deleteProcessedBefore(old.getKey(), old.getValue(), cutoff);
        }
        if (rows.size() < size) {
            return new Chunk(deleted, null);
        }
        ProcessedEvent last = rows.get(rows.size() - 1);
        return new Chunk(deleted, new Key(last.consumer(), last.eventId()));
    }
}
