package cn.jiebang.notification.notice.domain;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;

/** Which deadline reminders went out (table {@code deadline_reminder}). */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface Reminders extends GenericRepository<WatchedChallenge, String> {

    /** Records the reminder; returns 0 when it was recorded before. */
    @Query(value = "INSERT IGNORE INTO deadline_reminder (challenge_id, bid_closes_at, hours_before, sent_at)"
            + " VALUES (:challengeId, :bidClosesAt, :hoursBefore, :now)", nativeQuery = true)
    int record(String challengeId, Instant bidClosesAt, int hoursBefore, Instant now);
}
