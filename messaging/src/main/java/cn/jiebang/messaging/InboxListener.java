package cn.jiebang.messaging;

import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.ConnectException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Collection;
import java.util.Set;

/**
 * Base of every service's Kafka listener. A subclass declares {@code @KafkaListener} with its group id,
 * {@code SYNC_PER_RECORD} offsets and {@code @ErrorStrategy(value = RETRY_ON_ERROR, retryCount =}
 * {@link #RETRY_FOREVER}{@code , retryDelay =} {@link #REDELIVERY_DELAY}{@code )}, and a {@code @Topic} method
 * that calls {@link #deliver}.
 *
 * <p>Each record's effect commits with its inbox row before the offset is committed. A record that still
 * fails after {@value #ATTEMPTS} quick attempts on a database that answers (a malformed one at once) is
 * parked on the group's dead-letter topic and the listener moves on.
 *
 * <p>An outage is not the record's fault: the database unreachable, or the dead-letter topic not taking the
 * record. {@code deliver} then throws {@link ConsumerOutage}; micronaut-kafka seeks back to the record and
 * pauses its partition for {@link #REDELIVERY_DELAY}, and never gives up. While {@link ConsumerOutages} holds
 * the group back, a redelivered record is refused without touching the database until the next attempt is
 * due, so the attempts themselves back off exponentially up to a cap. The first record that gets through ends
 * the outage, and every partition resumes at the record where it stopped.
 *
 * <p>The quick retries are ours rather than micronaut-kafka's because its exception handler runs after every
 * failed attempt, not once after the last.
 */
public abstract class InboxListener implements ConsumerRebalanceListener {

    /** micronaut-kafka's retry count: an outage is retried for as long as it lasts. */
    public static final int RETRY_FOREVER = Integer.MAX_VALUE;
    /** How soon micronaut-kafka redelivers a held-back record: the first backoff, the finest the schedule needs. */
    public static final String REDELIVERY_DELAY = "${" + ConsumerOutages.INITIAL_BACKOFF + ":1s}";

    static final int ATTEMPTS = 3;
    private static final long FIRST_BACKOFF_MS = 100;
    private static final Logger LOG = LoggerFactory.getLogger(InboxListener.class);

    private final String consumerGroup;
    private final Inbox inbox;
    private final DeadLetters deadLetters;
    private final ConsumerOutages outages;
    private final EventHandlers handlers;

    protected InboxListener(String consumerGroup, Inbox inbox, DeadLetters deadLetters, ConsumerOutages outages,
                            EventHandlers handlers) {
        this.consumerGroup = consumerGroup;
        this.inbox = inbox;
        this.deadLetters = deadLetters;
        this.outages = outages;
        this.handlers = handlers;
        outages.watch(consumerGroup);
    }

    /** The event types this listener has a handler for; the service's canvas lists them under Consumes. */
    public Set<String> handledTypes() {
        return handlers.types();
    }

    protected void deliver(ConsumerRecord<String, String> record) {
        if (!outages.attemptDue(consumerGroup)) {
            throw ConsumerOutage.heldBack(consumerGroup);
        }
        try {
            receiveOrPark(record);
        } catch (ConsumerOutage e) {
            outages.failed(consumerGroup, e.getCause());
            throw e;
        }
        outages.over(consumerGroup);
    }

    private void receiveOrPark(ConsumerRecord<String, String> record) {
        RuntimeException failure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                inbox.receive(consumerGroup, IncomingEvent.from(record), handlers);
                return;
            } catch (MalformedEvent e) {
                park(record, e);
                return;
            } catch (RuntimeException e) {
                if (isOutage(e)) {
                    throw new ConsumerOutage("the database is unreachable", e);
                }
                failure = e;
                LOG.debug("attempt {} of {}-{}@{} failed", attempt, record.topic(), record.partition(), record.offset(), e);
                if (attempt < ATTEMPTS) {
                    backOff(attempt);
                }
            }
        }
        if (!inbox.databaseAnswers()) {
            // the effect may have failed only because the database was going away: not the record's fault
            throw new ConsumerOutage("the database stopped answering", failure);
        }
        park(record, failure);
    }

    private void park(ConsumerRecord<String, String> record, RuntimeException failure) {
        try {
            deadLetters.park(consumerGroup, record, failure);
        } catch (RuntimeException e) {
            throw new ConsumerOutage("the dead-letter topic does not take the record", e);
        }
    }

    /** The database is unreachable (down, failing over, pool exhausted): every message would fail alike. */
    static boolean isOutage(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException || cause instanceof ConnectException
                    || cause.getClass().getSimpleName().equals("CannotGetJdbcConnectionException")) {
                return true;
            }
        }
        return false;
    }

    /** Whatever held a record back here is for the partitions' next owner to meet (maybe this instance again). */
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty()) {
            outages.handedOver(consumerGroup);
        }
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        // nothing to restore: micronaut-kafka resumes from the committed offsets
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(FIRST_BACKOFF_MS << (attempt - 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying", e);
        }
    }
}
