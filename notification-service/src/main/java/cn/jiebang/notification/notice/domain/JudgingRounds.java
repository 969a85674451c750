package cn.jiebang.notification.notice.domain;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Open rounds, judges' assignments and the reminders sent (tables judging_round, judge_assignment, judge_reminder). */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface JudgingRounds extends GenericRepository<JudgingRound, JudgingRound.Key> {

    @Query(value = "INSERT IGNORE INTO judging_round (challenge_id, round_index, name, closes_at, closed)"
            + " VALUES (:challengeId, :roundIndex, :name, :closesAt, FALSE)", nativeQuery = true)
    void opened(String challengeId, int roundIndex, String name, Instant closesAt);

    @Query(value = "UPDATE judging_round SET closed = TRUE WHERE challenge_id = :challengeId AND round_index = :roundIndex",
            nativeQuery = true)
    void closed(String challengeId, int roundIndex);

    @Query(value = "INSERT IGNORE INTO judge_assignment (assignment_id, challenge_id, round_index, judge_id, active, scored)"
            + " VALUES (:assignmentId, :challengeId, :roundIndex, :judgeId, TRUE, FALSE)", nativeQuery = true)
    void assigned(String assignmentId, String challengeId, int roundIndex, String judgeId);

    @Query(value = "UPDATE judge_assignment SET active = FALSE WHERE assignment_id = :assignmentId", nativeQuery = true)
    void withdrawn(String assignmentId);

    @Query(value = "UPDATE judge_assignment SET scored = TRUE WHERE assignment_id = :assignmentId", nativeQuery = true)
    void scored(String assignmentId);

    /**
     * The first open round, not in {@code skipped} ({@code challengeId/roundIndex}), closing after {@code now} and
     * by {@code until}, with an active unscored assignment whose judge has had no reminder for this closing time,
     * locked; rows another instance holds are skipped.
     */
    @Query(value = "SELECT jr.* FROM judging_round jr WHERE jr.closed = FALSE AND jr.closes_at > :now"
            + " AND jr.closes_at <= :until AND EXISTS (SELECT 1 FROM judge_assignment a WHERE a.challenge_id = jr.challenge_id"
            + " AND a.round_index = jr.round_index AND a.active AND NOT a.scored AND NOT EXISTS (SELECT 1 FROM judge_reminder m"
            + " WHERE m.challenge_id = a.challenge_id AND m.round_index = a.round_index AND m.judge_id = a.judge_id"
            + " AND m.closes_at = jr.closes_at)) AND CONCAT(jr.challenge_id, '/', jr.round_index) NOT IN (:skipped)"
            + " ORDER BY jr.closes_at LIMIT 1 FOR UPDATE SKIP LOCKED", nativeQuery = true)
    Optional<JudgingRound> claimUnreminded(Instant now, Instant until, Collection<String> skipped);

    @Query(value = "SELECT DISTINCT judge_id FROM judge_assignment WHERE challenge_id = :challengeId"
            + " AND round_index = :roundIndex AND active AND NOT scored ORDER BY judge_id", nativeQuery = true)
    List<String> judgesWithUnscored(String challengeId, int roundIndex);

    /** Records the reminder; 0 when it was sent before. */
    @Query(value = "INSERT IGNORE INTO judge_reminder (challenge_id, round_index, judge_id, closes_at, sent_at)"
            + " VALUES (:challengeId, :roundIndex, :judgeId, :closesAt, :now)", nativeQuery = true)
    int remind(String challengeId, int roundIndex, String judgeId, Instant closesAt, Instant now);
}
