package cn.jiebang.events;

import java.time.Instant;

/** Every live bid of a challenge has its screening decision; the first round can open with the bids screened in. */
public record ScreeningCompleted(String challengeId, int screenedIn, int screenedOut, Instant completedAt)
        implements DomainEvent {

    public static final String TYPE = "screening.completed.v1";

    @Override
    public String aggregateId() {
        return challengeId;
    }
}
