package cn.jiebang.bid.domain;

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

    default BiddingChallenge require(String challengeId) {
        return findById(challengeId).orElseThrow(() -> new ChallengeNotOpenForBids(challengeId));
    }
}
