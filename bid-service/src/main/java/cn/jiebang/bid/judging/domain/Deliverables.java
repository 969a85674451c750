package cn.jiebang.bid.judging.domain;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface Deliverables extends GenericRepository<Deliverable, Long> {

    Deliverable save(Deliverable deliverable);

    Deliverable update(Deliverable deliverable);

    Optional<Deliverable> findByBidIdAndRoundIndex(String bidId, int roundIndex);

    List<Deliverable> findByBidId(String bidId);
}
