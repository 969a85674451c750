package cn.jiebang.bid.bidding.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface Bids extends GenericRepository<Bid, String> {

    Bid save(Bid bid);

    Bid update(Bid bid);

    Optional<Bid> findById(String id);

    long countByChallengeIdAndLeadOrganizationIdAndStatusNotEqual(String challengeId, String leadOrganizationId,
                                                                  BidStatus status);

    List<Bid> findByChallengeIdAndStatus(String challengeId, BidStatus status);

    List<Bid> findByChallengeIdOrderByCreatedAt(String challengeId);

    Page<Bid> findByLeadOrganizationId(String leadOrganizationId, Pageable pageable);

    default Bid require(String id) {
        return findById(id).orElseThrow(() -> new BidProblems.BidNotFound(id));
    }

    /** A team's own bid: one its organization leads. Another organization's is "not found", as if it did not exist. */
    default Bid requireLedBy(String id, @Nullable String organizationId) {
        return findById(id).filter(bid -> bid.isLedBy(organizationId))
                .orElseThrow(() -> new BidProblems.BidNotFound(id));
    }
}
