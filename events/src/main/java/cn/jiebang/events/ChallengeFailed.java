package cn.jiebang.events;

import java.time.Instant;

/**
 * 流榜: the challenge ends without a winner. {@code reason} is NO_BIDS (the window closed with no bid) or
 * NONE_SCREENED_IN (screening left no bid in); later rounds add NOBODY_ADVANCED.
 */
public record ChallengeFailed(String challengeId, String title, String ownerOrganizationId, String reason,
                              Instant failedAt) implements DomainEvent {

    public static final String TYPE = "challenge.failed.v1";

    @Override
    public String aggregateId() {
        return challengeId;
    }
}
