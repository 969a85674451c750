package cn.jiebang.challenge.challenge.domain;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface Amendments extends GenericRepository<Amendment, Long> {

    Amendment save(Amendment amendment);

    List<Amendment> findByChallengeIdOrderById(String challengeId);
}
