package cn.jiebang.notification.delivery.domain;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface Deliveries extends GenericRepository<Delivery, String> {

    Delivery save(Delivery delivery);

    Delivery update(Delivery delivery);

    boolean existsBySourceEventIdAndChannelAndTarget(String sourceEventId, Delivery.Channel channel, String target);

    /** Due deliveries, locked for this transaction; rows another instance is claiming are skipped. */
    @Query(value = "SELECT * FROM delivery WHERE status = 'PENDING' AND next_attempt_at <= :now"
            + " ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED", nativeQuery = true)
    List<Delivery> claimDue(Instant now, int limit);

    /** Deliveries whose attempt should have ended by now and never was recorded as ended, locked likewise. */
    @Query(value = "SELECT * FROM delivery WHERE status = 'SENDING' AND next_attempt_at <= :now"
            + " ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED", nativeQuery = true)
    List<Delivery> claimLeftSending(Instant now, int limit);

    @Query(value = "SELECT * FROM delivery WHERE id = :id FOR UPDATE", nativeQuery = true)
    Optional<Delivery> lock(String id);

    Page<Delivery> findByOrganizationIdAndChannel(String organizationId, Delivery.Channel channel, Pageable pageable);
}
