package cn.jiebang.challenge.challenge.domain;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.data.repository.jpa.JpaSpecificationExecutor;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface Challenges extends GenericRepository<Challenge, String>, JpaSpecificationExecutor<Challenge> {

    Challenge save(Challenge challenge);

    Challenge update(Challenge challenge);

    Optional<Challenge> findById(String id);

    /**
     * The first published challenge whose window has ended and which is not in {@code skipped}, locked for this
     * transaction; rows other instances hold are skipped.
     */
    @Query(value = "SELECT * FROM challenge WHERE status = 'PUBLISHED' AND bid_closes_at <= :now"
            + " AND id NOT IN (:skipped) ORDER BY bid_closes_at LIMIT 1 FOR UPDATE SKIP LOCKED", nativeQuery = true)
    Optional<Challenge> claimDueForClosing(Instant now, Collection<String> skipped);

    /**
     * The first challenge in screening whose screening is complete with bids in, whose round 1 is due and has its
     * panel, and which is not in {@code skipped}, locked for this transaction; rows other instances hold are skipped.
     */
    @Query(value = "SELECT c.* FROM challenge c JOIN challenge_round r ON r.challenge_id = c.id AND r.round_index = 1"
            + " WHERE c.status = 'SCREENING' AND c.screening_completed_at IS NOT NULL AND c.screened_in > 0"
            + " AND r.status = 'PENDING' AND r.opens_at <= :now AND JSON_LENGTH(r.judge_ids) > 0"
            + " AND c.id NOT IN (:skipped) ORDER BY r.opens_at LIMIT 1 FOR UPDATE SKIP LOCKED", nativeQuery = true)
    Optional<Challenge> claimDueForFirstRound(Instant now, Collection<String> skipped);

    default Challenge require(String id) {
        return findById(id).orElseThrow(() -> new ChallengeNotFound(id));
    }
}
