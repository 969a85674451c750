package cn.jiebang.bid.judging.domain;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface Assignments extends GenericRepository<Assignment, String> {

    Assignment save(Assignment assignment);

    Assignment update(Assignment assignment);

    Optional<Assignment> findById(String id);

    List<Assignment> findByChallengeIdAndRoundIndex(String challengeId, int roundIndex);

    List<Assignment> findByJudgeIdOrderByCreatedAt(String judgeId);

    /** The judge's own assignment; another judge's is "not found", as an unknown id. */
    default Assignment requireJudgedBy(String id, String judgeId) {
        return findById(id).filter(a -> a.isJudgedBy(judgeId))
                .orElseThrow(() -> new JudgingProblems.AssignmentNotFound(id));
    }
}
