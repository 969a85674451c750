package cn.jiebang.events;

import java.time.Instant;
import java.util.List;

/** The last round was finalized: the challenge is awarded to its winners (揭榜成功). */
public record ChallengeAwarded(String challengeId, String title, String ownerOrganizationId, List<Winner> winners,
                               Instant awardedAt) implements DomainEvent {

    public static final String TYPE = "challenge.awarded.v1";

    @Override
    public String aggregateId() {
        return challengeId;
    }

    public record Winner(String bidId, String organizationId, String submittedBy) {
    }
}
