package cn.jiebang.challenge.domain;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface Rounds extends GenericRepository<Round, Long> {

    List<Round> saveAll(Iterable<Round> rounds);

    Round update(Round round);

    List<Round> findByChallengeIdOrderByRoundIndex(String challengeId);

    Optional<Round> findByChallengeIdAndRoundIndex(String challengeId, int roundIndex);

    void deleteByChallengeId(String challengeId);

    default Round require(String challengeId, int index) {
        return findByChallengeIdAndRoundIndex(challengeId, index).orElseThrow(() -> new RoundNotFound(challengeId, index));
    }

    class RoundNotFound extends cn.jiebang.problem.DomainProblem {
        RoundNotFound(String challengeId, int index) {
            super(Kind.NOT_FOUND, "round-not-found", "challenge " + challengeId + " has no round " + index);
        }
    }
}
