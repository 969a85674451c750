package cn.jiebang.events;

import java.time.Instant;

/** The team withdrew its bid before the deadline; it is not screened or evaluated. */
public record BidWithdrawn(String challengeId, String challengeTitle, String bidId, String leadOrganizationId,
                           String withdrawnBy, Instant withdrawnAt) implements DomainEvent {

    public static final String TYPE = "bid.withdrawn.v1";

    @Override
    public String aggregateId() {
        return challengeId;
    }
}
