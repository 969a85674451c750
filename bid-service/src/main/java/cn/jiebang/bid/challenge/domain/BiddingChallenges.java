package cn.jiebang.bid.challenge.domain;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface BiddingChallenges extends GenericRepository<BiddingChallenge, String> {

    BiddingChallenge save(BiddingChallenge challenge);

    BiddingChallenge update(BiddingChallenge challenge);

    boolean existsById(String challengeId);

    Optional<BiddingChallenge> findById(String challengeId);

    /** The challenge, locked until the transaction ends: bids on one challenge are taken one at a time. */
    @Query(value = "SELECT * FROM bidding_challenge WHERE challenge_id = :challengeId FOR UPDATE", nativeQuery = true)
    Optional<BiddingChallenge> lockById(String challengeId);

    default BiddingChallenge lock(String challengeId) {
        return lockById(challengeId).orElseThrow(() -> new ChallengeNotOpenForBids(challengeId));
    }

    default BiddingChallenge require(String challengeId) {
        return findById(challengeId).orElseThrow(() -> new ChallengeNotOpenForBids(challengeId));
    }
}
