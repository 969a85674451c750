package cn.jiebang.notification.notice.domain;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface WatchedChallenges extends GenericRepository<WatchedChallenge, String> {

    WatchedChallenge save(WatchedChallenge challenge);

    WatchedChallenge update(WatchedChallenge challenge);

    Optional<WatchedChallenge> findById(String id);

    /** Open challenges whose deadline falls before {@code until}, locked; rows another instance holds are skipped. */
    @Query(value = "SELECT * FROM watched_challenge WHERE cancelled = FALSE AND bid_closes_at > :now"
            + " AND bid_closes_at <= :until ORDER BY bid_closes_at LIMIT 100 FOR UPDATE SKIP LOCKED", nativeQuery = true)
    List<WatchedChallenge> claimClosingBetween(Instant now, Instant until);
}
