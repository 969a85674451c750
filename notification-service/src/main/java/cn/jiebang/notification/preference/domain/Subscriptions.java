package cn.jiebang.notification.preference.domain;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface Subscriptions extends GenericRepository<Subscription, Subscription.Key> {

    Subscription save(Subscription subscription);

    @Query(value = "SELECT * FROM subscription WHERE user_id = :userId ORDER BY kind, value", nativeQuery = true)
    List<Subscription> findByUser(String userId);

    @Query(value = "DELETE FROM subscription WHERE user_id = :userId", nativeQuery = true)
    void deleteByUser(String userId);

    /** The users following the field or the region, each once. */
    @Query(value = "SELECT DISTINCT user_id FROM subscription WHERE (kind = 'FIELD' AND value = :field)"
            + " OR (kind = 'REGION' AND value = :region)", nativeQuery = true)
    List<String> followersOf(String field, String region);
}
