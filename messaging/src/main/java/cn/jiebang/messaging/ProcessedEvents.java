package cn.jiebang.messaging;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

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

    /** The next rows after {@code (consumer, eventId)} in primary key order. */
    @Query(value = "SELECT * FROM processed_event WHERE consumer > :consumer OR (consumer = :consumer AND event_id > :eventId)"
            + " ORDER BY consumer, event_id LIMIT :limit", nativeQuery = true)
    List<ProcessedEvent> findAfter(String consumer, String eventId, int limit);

    @Query(value = "DELETE FROM processed_event WHERE consumer = :consumer AND event_id IN (:eventIds)"
            + " AND processed_at < :cutoff", nativeQuery = true)
    int deleteProcessedBefore(String consumer, Collection<String> eventIds, Instant cutoff);
}
