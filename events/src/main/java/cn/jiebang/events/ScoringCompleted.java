package cn.jiebang.events;

import java.time.Instant;

/** Every bid in a round has its minimum of completed scores: the round may close without being forced. */
public record ScoringCompleted(String challengeId, int roundIndex, Instant completedAt) implements DomainEvent {

    public static final String TYPE = "scoring.completed.v1";

    @Override
    public String aggregateId() {
        return challengeId;
    }
}
