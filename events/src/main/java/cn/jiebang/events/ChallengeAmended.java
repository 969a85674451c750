package cn.jiebang.events;

import java.time.Instant;

/**
 * A published challenge was amended: its bid deadline extended ({@code kind} DEADLINE_EXTENDED, with
 * the previous and the new deadline) or a clarification added (CLARIFICATION). Bidders are told.
 */
public record ChallengeAmended(
        String challengeId,
        String title,
        String kind,
        String text,
        Instant previousBidClosesAt,
        Instant bidClosesAt,
        Instant amendedAt) implements DomainEvent {

    public static final String TYPE = "challenge.amended.v1";

    @Override
    public String aggregateId() {
        return challengeId;
    }
}
