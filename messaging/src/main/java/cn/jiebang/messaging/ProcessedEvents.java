package cn.jiebang.messaging;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;

/** The processed-event inbox: one row per (consumer, event id) whose effect committed. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface ProcessedEvents extends GenericRepository<ProcessedEvent, String> {

    /**
     * Records the event; 1 if it is new, 0 if this consumer already processed it. A concurrent
     * transaction recording the same id makes this one wait for it, then see the row.
     */
    @Query(value = "INSERT IGNORE INTO processed_event (consumer, event_id, event_type, processed_at)"
            + " VALUES (:consumer, :eventId, :eventType, :processedAt)", nativeQuery = true)
    int record(String consumer, String eventId, String eventType, Instant processedAt);
}
