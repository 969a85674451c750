package cn.jiebang.events;

import java.time.Instant;
import java.util.List;

/**
 * bid-service assigned bids of a round to judges of its panel: at the opening ({@code reason} INITIAL) or
 * after a judge declared a conflict (回避, reason CONFLICT, {@code replacedJudgeId} the judge who withdrew and
 * {@code withdrawnAssignmentId} that judge's assignment).
 * {@code shortOfJudges} lists bids that could not get the round's minimum of eligible judges.
 */
public record JudgesAssigned(String challengeId, int roundIndex, String reason, List<Assignment> assignments,
                             String replacedJudgeId, @AddedWithinVersion String withdrawnAssignmentId, List<String> shortOfJudges,
                             Instant assignedAt)
        implements DomainEvent {

    public static final String TYPE = "judges.assigned.v1";

    @Override
    public String aggregateId() {
        return challengeId;
    }

    public record Assignment(String assignmentId, String bidId, String judgeId) {
    }
}
