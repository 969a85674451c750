package cn.jiebang.events;

import java.time.Instant;

/**
 * The bid window of a challenge closed: no more bids, screening (形式审查) begins. Emitted once per
 * challenge by whichever challenge-service instance got there first.
 */
public record ChallengeBiddingClosed(String challengeId, String title, Instant bidClosesAt, Instant closedAt)
        implements DomainEvent {

    public static final String TYPE = "challenge.bidding-closed.v1";

    @Override
    public String aggregateId() {
        return challengeId;
    }
}
