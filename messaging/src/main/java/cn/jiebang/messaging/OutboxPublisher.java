package cn.jiebang.messaging;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Publishes one batch of the outbox in one database transaction: claim rows with
 * {@code FOR UPDATE SKIP LOCKED}, send them, wait for every acknowledgement, mark them published.
 * If anything fails the transaction rolls back and the rows are sent again later (at least once;
 * consumers drop duplicates by {@code ce_id}).
 *
 * <p>Order per key across several relays: a claimed row is held back while an earlier unpublished
 * row of the same key is held by another relay. The oldest unpublished row of a key is therefore
 * always the next one sent, whoever holds it.
 */
@Singleton
class OutboxPublisher {

    private final OutboxMessages messages;
    private final RelayProducer producer;
    private final Clock clock;
    private final String source;
    private final int batchSize;

    OutboxPublisher(OutboxMessages messages,
                    RelayProducer producer,
                    Clock clock,
                    @Value("${micronaut.application.name:jiebang}") String application,
                    @Value("${jiebang.outbox.batch-size:100}") int batchSize) {
        this.messages = messages;
        this.producer = producer;
        this.clock = clock;
        this.source = "urn:jiebang:" + application;
        this.batchSize = batchSize;
    }

    int batchSize() {
        return batchSize;
    }

    /**
     * Returns how many rows it published; fewer than a batch means the relay can rest until its next tick.
     * READ COMMITTED, so the locking read takes no gap locks: under REPEATABLE READ they deadlock with
     * the inserts of use cases adding to the outbox at the same moment.
     */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    int publishBatch() throws InterruptedException {
        List<OutboxMessage> claimed = messages.claimUnpublished(batchSize);
        if (claimed.isEmpty()) {
            return 0;
        }
        List<OutboxMessage> sendable = withoutRowsBehindOtherRelays(claimed);
        List<Future<RecordMetadata>> acks = new ArrayList<>(sendable.size());
        for (OutboxMessage message : sendable) {
            acks.add(producer.send(toRecord(message)));
        }
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get();
            } catch (ExecutionException e) {
                throw new RelayFailed("broker did not acknowledge an outbox message", e.getCause());
            }
        }
        if (!sendable.isEmpty()) {
            messages.markPublished(sendable.stream().map(OutboxMessage::id).toList(), clock.instant());
        }
        return sendable.size();
    }

    private List<OutboxMessage> withoutRowsBehindOtherRelays(List<OutboxMessage> claimed) {
        Set<String> keys = new HashSet<>();
        List<Long> ids = new ArrayList<>(claimed.size());
        for (OutboxMessage message : claimed) {
            keys.add(message.messageKey());
            ids.add(message.id());
        }
        long below = ids.get(ids.size() - 1);
        List<OutboxMessage> earlier = messages.findUnclaimedEarlier(keys, below, ids);
        if (earlier.isEmpty()) {
            return claimed;
        }
        // earliest row of each key held elsewhere: our rows of that key after it must wait
        Map<String, Long> firstHeldElsewhere = new HashMap<>();
        for (OutboxMessage message : earlier) {
            firstHeldElsewhere.merge(message.messageKey(), message.id(), Math::min);
        }
        List<OutboxMessage> sendable = new ArrayList<>(claimed.size());
        for (OutboxMessage message : claimed) {
            Long blocker = firstHeldElsewhere.get(message.messageKey());
            if (blocker == null || blocker > message.id()) {
                sendable.add(message);
            }
        }
        return sendable;
    }

    private ProducerRecord<String, String> toRecord(OutboxMessage message) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.ID, message.eventId().getBytes(UTF_8));
        headers.add(CloudEventHeaders.TYPE, message.eventType().getBytes(UTF_8));
        headers.add(CloudEventHeaders.SOURCE, source.getBytes(UTF_8));
        headers.add(CloudEventHeaders.TIME, message.occurredAt().toString().getBytes(UTF_8));
        headers.add(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0.getBytes(UTF_8));
        headers.add(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON.getBytes(UTF_8));
        return new ProducerRecord<>(message.topic(), null, message.occurredAt().toEpochMilli(),
                message.messageKey(), message.payload(), headers);
    }
}
