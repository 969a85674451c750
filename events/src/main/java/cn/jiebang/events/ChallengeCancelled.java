package cn.jiebang.events;

import java.time.Instant;

/** The program office cancelled a published challenge, with a reason: no more bids, no evaluation. */
public record ChallengeCancelled(String challengeId, String title, String reason, Instant cancelledAt)
        implements DomainEvent {

    public static final String TYPE = "challenge.cancelled.v1";

    @Override
    public String aggregateId() {
        return challengeId;
    }
}
