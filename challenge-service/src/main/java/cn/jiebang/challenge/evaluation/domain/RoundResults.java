package cn.jiebang.challenge.evaluation.domain;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface RoundResults extends GenericRepository<RoundResult, Long> {

    RoundResult save(RoundResult result);

    RoundResult update(RoundResult result);

    List<RoundResult> findByChallengeIdAndRoundIndexOrderByRank(String challengeId, int roundIndex);

    boolean existsByChallengeIdAndRoundIndex(String challengeId, int roundIndex);
}
