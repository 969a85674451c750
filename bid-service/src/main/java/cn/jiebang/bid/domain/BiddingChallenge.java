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
        Instant publishedAt,
        boolean cancelled) {

    public static BiddingChallenge from(ChallengePublished event) {
        return new BiddingChallenge(event.challengeId(), event.title(), event.technologyField(), event.totalBudget(),
                event.bidOpensAt(), event.bidClosesAt(), event.publishedAt(), false);
    }

    public BiddingChallenge withDeadline(Instant newClosesAt) {
        return new BiddingChallenge(challengeId, title, technologyField, totalBudget, bidOpensAt, newClosesAt,
                publishedAt, cancelled);
    }

    public BiddingChallenge asCancelled() {
        return new BiddingChallenge(challengeId, title, technologyField, totalBudget, bidOpensAt, bidClosesAt,
                publishedAt, true);
    }

    /**
     * Bids are taken from the opening instant (inclusive) until the closing instant (exclusive), by the
     * server's clock, unless the challenge was cancelled.
     */
    public boolean isOpenAt(Instant now) {
        return !cancelled && !now.isBefore(bidOpensAt) && now.isBefore(bidClosesAt);
    }
}
