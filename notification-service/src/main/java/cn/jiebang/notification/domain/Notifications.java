package cn.jiebang.notification.domain;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Collection;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface Notifications extends GenericRepository<Notification, String> {

    Notification save(Notification notification);

    Page<Notification> findByRecipientIn(Collection<String> recipients, Pageable pageable);

    long countByRecipientInAndReadAtIsNull(Collection<String> recipients);
}
