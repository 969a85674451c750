package cn.jiebang.notification.notice.domain;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

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

    /** Open rounds closing before {@code until}, locked; rows another instance holds are skipped. */
    @Query(value = "SELECT * FROM judging_round WHERE closed = FALSE AND closes_at > :now AND closes_at <= :until"
            + " ORDER BY closes_at LIMIT 100 FOR UPDATE SKIP LOCKED", nativeQuery = true)
    List<JudgingRound> claimClosingBetween(Instant now, Instant until);

    @Query(value = "SELECT DISTINCT judge_id FROM judge_assignment WHERE challenge_id = :challengeId"
            + " AND round_index = :roundIndex AND active AND NOT scored ORDER BY judge_id", nativeQuery = true)
    List<String> judgesWithUnscored(String challengeId, int roundIndex);

    /** Records the reminder; 0 when it was sent before. */
    @Query(value = "INSERT IGNORE INTO judge_reminder (challenge_id, round_index, judge_id, closes_at, sent_at)"
            + " VALUES (:challengeId, :roundIndex, :judgeId, :closesAt, :now)", nativeQuery = true)
    int remind(String challengeId, int roundIndex, String judgeId, Instant closesAt, Instant now);
}
