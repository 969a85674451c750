package cn.jiebang.events;

import java.time.Instant;
import java.util.List;

/**
 * A team submitted a bid (揭榜申报) within the window: version 1, with the SHA-256 of its canonical content
 * (the receipt's hash). Keyed by the challenge, so a challenge's bids stay in order with its other events.
 */
public record BidSubmitted(String challengeId, String challengeTitle, String bidId, int version,
                           String leadOrganizationId, List<String> memberOrganizationIds, String submittedBy,
                           String contentHash, Instant submittedAt) implements DomainEvent {

    public static final String TYPE = "bid.submitted.v1";

    @Override
    public String aggregateId() {
        return challengeId;
    }
}
