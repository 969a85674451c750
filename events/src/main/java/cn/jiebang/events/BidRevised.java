package cn.jiebang.events;

import java.time.Instant;
import java.util.List;

/** The team revised its bid before the deadline: a new version with its own receipt hash. */
public record BidRevised(String challengeId, String challengeTitle, String bidId, int version,
                         String leadOrganizationId, List<String> memberOrganizationIds, String submittedBy,
                         String contentHash, Instant submittedAt) implements DomainEvent {

    public static final String TYPE = "bid.revised.v1";

    @Override
    public String aggregateId() {
        return challengeId;
    }
}
