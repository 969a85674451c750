package cn.jiebang.challenge.challenge.domain;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface Rounds extends GenericRepository<Round, Long> {

    List<Round> saveAll(Iterable<Round> rounds);

    Round update(Round round);

    List<Round> findByChallengeIdOrderByRoundIndex(String challengeId);

    Optional<Round> findByChallengeIdAndRoundIndex(String challengeId, int roundIndex);

    void deleteByChallengeId(String challengeId);

    /**
     * The first open round, not in {@code skipped}, of a challenge still in evaluation whose window ended and whose
     * scores are complete, locked; others' rows skipped. A cancelled challenge's rounds stay where they were.
     */
    @Query(value = "SELECT r.* FROM challenge_round r JOIN challenge c ON c.id = r.challenge_id"
            + " WHERE r.status = 'OPEN' AND r.closes_at <= :now AND r.scores_completed_at IS NOT NULL"
            + " AND c.status = 'IN_EVALUATION' AND r.id NOT IN (:skipped)"
            + " ORDER BY r.closes_at LIMIT 1 FOR UPDATE SKIP LOCKED",
            nativeQuery = true)
    Optional<Round> claimDueForClosing(Instant now, Collection<Long> skipped);

    /** The first announced round, not in {@code skipped}, whose 公示 ended with no objection open, locked; others' rows skipped. */
    @Query(value = "SELECT r.* FROM challenge_round r JOIN challenge c ON c.id = r.challenge_id"
            + " WHERE r.status = 'ANNOUNCED' AND r.publicity_ends_at <= :now AND c.status = 'IN_EVALUATION'"
            + " AND NOT EXISTS (SELECT 1 FROM objection o WHERE o.challenge_id = r.challenge_id"
            + " AND o.round_index = r.round_index AND o.status = 'OPEN')"
            + " AND r.id NOT IN (:skipped) ORDER BY r.publicity_ends_at LIMIT 1 FOR UPDATE SKIP LOCKED", nativeQuery = true)
    Optional<Round> claimDueForFinalizing(Instant now, Collection<Long> skipped);

    /** The first pending round, not in {@code skipped}, after a finalized one, due and with a panel, locked; others' rows skipped. */
    @Query(value = "SELECT r.* FROM challenge_round r JOIN challenge_round p ON p.challenge_id = r.challenge_id"
            + " AND p.round_index = r.round_index - 1 JOIN challenge c ON c.id = r.challenge_id"
            + " WHERE r.status = 'PENDING' AND r.round_index > 1 AND p.status = 'FINALIZED'"
            + " AND c.status = 'IN_EVALUATION' AND r.opens_at <= :now AND JSON_LENGTH(r.judge_ids) > 0"
            + " AND r.id NOT IN (:skipped) ORDER BY r.opens_at LIMIT 1 FOR UPDATE SKIP LOCKED", nativeQuery = true)
    Optional<Round> claimDueForOpening(Instant now, Collection<Long> skipped);

    /** The round, locked until the transaction ends (an objection against the finalizing job). */
    @Query(value = "SELECT * FROM challenge_round WHERE challenge_id = :challengeId AND round_index = :roundIndex"
            + " FOR UPDATE", nativeQuery = true)
    Optional<Round> lock(String challengeId, int roundIndex);

    default Round requireLocked(String challengeId, int index) {
        return lock(challengeId, index).orElseThrow(() -> new RoundNotFound(challengeId, index));
    }

    default Round require(String challengeId, int index) {
        return findByChallengeIdAndRoundIndex(challengeId, index).orElseThrow(() -> new RoundNotFound(challengeId, index));
    }

    class RoundNotFound extends cn.jiebang.problem.DomainProblem {
        RoundNotFound(String challengeId, int index) {
            super(Kind.NOT_FOUND, "round-not-found", "challenge " + challengeId + " has no round " + index);
        }
    }
}
