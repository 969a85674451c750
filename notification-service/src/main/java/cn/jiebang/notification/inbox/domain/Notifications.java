package cn.jiebang.notification.inbox.domain;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface Notifications extends GenericRepository<Notification, String> {

    Notification save(Notification notification);

    Notification update(Notification notification);

    Optional<Notification> findById(String id);

    Page<Notification> findByRecipient(String recipient, Pageable pageable);

    Page<Notification> findByRecipientAndReadAtIsNull(String recipient, Pageable pageable);

    long countByRecipientAndReadAtIsNull(String recipient);

    boolean existsBySourceEventIdAndRecipient(String sourceEventId, String recipient);

    @Query(value = "UPDATE notification SET read_at = :now WHERE recipient = :recipient AND read_at IS NULL",
            nativeQuery = true)
    int markAllRead(String recipient, Instant now);
}
