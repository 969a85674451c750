package cn.jiebang.bid.judging.domain;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface RaceRounds extends GenericRepository<RaceRound, Long> {

    RaceRound save(RaceRound round);

    RaceRound update(RaceRound round);

    Optional<RaceRound> findByChallengeIdAndRoundIndex(String challengeId, int roundIndex);
}
