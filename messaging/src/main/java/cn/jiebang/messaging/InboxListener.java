package cn.jiebang.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.ConnectException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Base of every service's Kafka listener. A subclass declares {@code @KafkaListener} (its group id,
 * {@code SYNC_PER_RECORD} offsets, {@code RETRY_EXPONENTIALLY_ON_ERROR}) and a {@code @Topic} method
 * that calls {@link #deliver}.
 *
 * <p>Each record's effect commits with its inbox row before the offset is committed. A record that
 * still fails after {@value #ATTEMPTS} attempts (a malformed one at once) is parked on the group's
 * dead-letter topic and the listener moves on. A database outage is not the record's fault: it, and a
 * failure to park, reach micronaut-kafka, whose retry strategy seeks back and redelivers the record.
 *
 * <p>The retries are ours rather than micronaut-kafka's because its exception handler runs after
 * every failed attempt, not once after the last.
 */
public abstract class InboxListener {

    static final int ATTEMPTS = 3;
    private static final long FIRST_BACKOFF_MS = 100;
    private static final Logger LOG = LoggerFactory.getLogger(InboxListener.class);

    private final String consumerGroup;
    private final Inbox inbox;
    private final DeadLetters deadLetters;
    private final EventHandlers handlers;

    protected InboxListener(String consumerGroup, Inbox inbox, DeadLetters deadLetters, EventHandlers handlers) {
        this.consumerGroup = consumerGroup;
        this.inbox = inbox;
        this.deadLetters = deadLetters;
        this.handlers = handlers;
    }

    /** The event types this listener has a handler for; the service's canvas lists them under Consumes. */
    public Set<String> handledTypes() {
        return handlers.types();
    }

    protected void deliver(ConsumerRecord<String, String> record) {
        RuntimeException failure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                inbox.receive(consumerGroup, IncomingEvent.from(record), handlers);
                return;
            } catch (MalformedEvent e) {
                failure = e;
                break;
            } catch (RuntimeException e) {
                if (isOutage(e)) {
                    // not the message's fault: leave the offset alone, micronaut-kafka seeks back and retries
                    throw e;
                }
                failure = e;
                LOG.debug("attempt {} of {}-{}@{} failed", attempt, record.topic(), record.partition(), record.offset(), e);
                if (attempt < ATTEMPTS) {
                    backOff(attempt);
                }
            }
        }
        deadLetters.park(consumerGroup, record, failure);
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

    private static void backOff(int attempt) {
        try {
            Thread.sleep(FIRST_BACKOFF_MS << (attempt - 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying", e);
        }
    }
}
