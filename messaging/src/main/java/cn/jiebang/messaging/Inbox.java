package cn.jiebang.messaging;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

/**
 * Applies an event's effect at most once per consumer: the event id is recorded in the same
 * transaction as the effect, so a redelivered event finds its id and does nothing.
 */
@Singleton
public class Inbox {

    private static final int VALIDATION_TIMEOUT_SECONDS = 5;

    private final ProcessedEvents processed;
    private final EventJson json;
    private final Clock clock;
    private final DataSource pool;

    Inbox(ProcessedEvents processed, EventJson json, Clock clock, DataSource dataSource) {
        this.processed = processed;
        this.json = json;
        this.clock = clock;
        // the pool itself: the injected proxy hands out only the current transaction's connection
        this.pool = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** Returns true if the effect ran, false for a duplicate or an event type the consumer ignores. */
    @Transactional
    public boolean receive(String consumer, IncomingEvent event, EventHandlers handlers) {
        if (!handlers.handles(event.type())) {
            return false;
        }
        if (processed.record(consumer, event.id(), event.type(), clock.instant()) == 0) {
            return false;
        }
        handlers.apply(event, json);
        return true;
    }

    /** Whether the database answers now, on a connection of its own: what tells an outage from a failing effect. */
    public boolean databaseAnswers() {
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(VALIDATION_TIMEOUT_SECONDS);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}
