package cn.jiebang.notification.delivery.domain;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface Webhooks extends GenericRepository<Webhook, String> {

    Webhook save(Webhook webhook);

    Webhook update(Webhook webhook);

    Optional<Webhook> findById(String id);

    List<Webhook> findByOrganizationIdAndActiveTrue(String organizationId);

    List<Webhook> findByOrganizationId(String organizationId);
}
