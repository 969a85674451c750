package cn.jiebang.bid.domain;

import cn.jiebang.events.ChallengePublished;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * bid-service's copy of a published challenge, kept from {@code challenge.events}: what it needs to
 * accept or refuse bids without asking challenge-service.
 */
@MappedEntity("bidding_challenge")
public record BiddingChallenge(
        @Id String challengeId,
        String title,
        String technologyField,
        BigDecimal totalBudget,
        Instant bidOpensAt,
        Instant bidClosesAt,
        Instant publishedAt) {

    public static BiddingChallenge from(ChallengePublished event) {
        return new BiddingChallenge(event.challengeId(), event.title(), event.technologyField(), event.totalBudget(),
                event.bidOpensAt(), event.bidClosesAt(), event.publishedAt());
    }

    /** Bids are taken from the opening instant (inclusive) until the closing instant (exclusive), by the server's clock. */
    public boolean isOpenAt(Instant now) {
        return !now.isBefore(bidOpensAt) && now.isBefore(bidClosesAt);
    }
}
