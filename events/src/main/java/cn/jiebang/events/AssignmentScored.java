package cn.jiebang.events;

import java.time.Instant;

/**
 * A judge scored an assignment for the first time (revisions are not reported). Says that, never the
 * scores: notification-service reminds only judges with assignments still unscored.
 */
public record AssignmentScored(String challengeId, int roundIndex, String assignmentId, String judgeId,
                               Instant scoredAt) implements DomainEvent {

    public static final String TYPE = "assignment.scored.v1";

    @Override
    public String aggregateId() {
        return challengeId;
    }
}
