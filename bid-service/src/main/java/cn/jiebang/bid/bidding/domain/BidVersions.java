package cn.jiebang.bid.bidding.domain;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface BidVersions extends GenericRepository<BidVersion, Long> {

    BidVersion save(BidVersion version);

    List<BidVersion> findByBidIdOrderByVersionNo(String bidId);

    Optional<BidVersion> findByBidIdAndVersionNo(String bidId, int versionNo);

    /** The version the bid points at: its content as it stands. */
    default BidVersion currentOf(Bid bid) {
        return findByBidIdAndVersionNo(bid.getId(), bid.getCurrentVersion()).orElseThrow();
    }
}
