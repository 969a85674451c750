package cn.jiebang.events;

import java.time.Instant;

/**
 * A round closed for scoring (by its schedule or the program office); {@code forced} when it closed with
 * scores missing, so the ranking flags the bids concerned.
 */
public record RoundClosed(String challengeId, int roundIndex, boolean forced, Instant closedAt) implements DomainEvent {

    public static final String TYPE = "round.closed.v1";

    @Override
    public String aggregateId() {
        return challengeId;
    }
}
