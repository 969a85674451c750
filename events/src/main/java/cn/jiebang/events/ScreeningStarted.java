package cn.jiebang.events;

import java.time.Instant;

/**
 * bid-service took stock of a challenge whose bidding closed: {@code bidCount} live bids (withdrawn ones
 * excluded) go to screening (形式审查). With none, the challenge fails. The owner agency is told the count.
 */
public record ScreeningStarted(String challengeId, @AddedWithinVersion String challengeTitle,
                               @AddedWithinVersion String ownerOrganizationId, int bidCount, Instant startedAt) implements DomainEvent {

    public static final String TYPE = "screening.started.v1";

    @Override
    public String aggregateId() {
        return challengeId;
    }
}
