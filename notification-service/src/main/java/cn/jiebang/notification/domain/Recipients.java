package cn.jiebang.notification.domain;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface Recipients extends CrudRepository<Recipient, String> {

    List<Recipient> findByOrganizationId(String organizationId);

    /** Whether the user reads English; Chinese is the default, also for a user not known yet. */
    default boolean readsEnglish(String userId) {
        return findById(userId).map(Recipient::language).filter("en"::equals).isPresent();
    }
}
