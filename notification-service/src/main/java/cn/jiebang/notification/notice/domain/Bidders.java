package cn.jiebang.notification.notice.domain;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** Who bid on which challenge (table {@code bidder}), from bid.events. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface Bidders extends GenericRepository<WatchedChallenge, String> {

    @Query(value = "INSERT IGNORE INTO bidder (challenge_id, user_id) VALUES (:challengeId, :userId)", nativeQuery = true)
    void add(String challengeId, String userId);

    @Query(value = "SELECT user_id FROM bidder WHERE challenge_id = :challengeId ORDER BY user_id", nativeQuery = true)
    List<String> of(String challengeId);
}
