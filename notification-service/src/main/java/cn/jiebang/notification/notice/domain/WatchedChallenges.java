package cn.jiebang.notification.notice.domain;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface WatchedChallenges extends GenericRepository<WatchedChallenge, String> {

    WatchedChallenge save(WatchedChallenge challenge);

    WatchedChallenge update(WatchedChallenge challenge);

    Optional<WatchedChallenge> findById(String id);

    /**
     * The first open challenge, not in {@code skipped}, whose deadline falls after {@code after} and by
     * {@code until} and which has had no reminder {@code hoursBefore} hours before that deadline, locked; rows
     * another instance holds are skipped.
     */
    @Query(value = "SELECT w.* FROM watched_challenge w WHERE w.cancelled = FALSE AND w.bid_closes_at > :after"
            + " AND w.bid_closes_at <= :until AND NOT EXISTS (SELECT 1 FROM deadline_reminder r"
            + " WHERE r.challenge_id = w.challenge_id AND r.bid_closes_at = w.bid_closes_at AND r.hours_before = :hoursBefore)"
            + " AND w.challenge_id NOT IN (:skipped) ORDER BY w.bid_closes_at LIMIT 1 FOR UPDATE SKIP LOCKED",
            nativeQuery = true)
    Optional<WatchedChallenge> claimUnreminded(Instant after, Instant until, int hoursBefore, Collection<String> skipped);
}
