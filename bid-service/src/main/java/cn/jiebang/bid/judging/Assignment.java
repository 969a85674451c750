package cn.jiebang.bid.judging;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.model.DataType;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A bid of a round given to one judge of its panel. The judge may declare a conflict (回避) before opening the
 * bid, which withdraws the assignment; scores (per criterion, with a comment) may be revised until the round
 * closes and are read by nobody else before then.
 */
@MappedEntity("assignment")
public record Assignment(@Id String id, String challengeId, int roundIndex, String bidId, String judgeId,
                         Status status, @Nullable String conflict, @Nullable Instant viewedAt,
                         @Nullable @TypeDef(type = DataType.JSON) Map<String, Score> scores,
                         @Nullable Instant scoredAt, Instant createdAt, @Version @Nullable Long version) {

    public enum Status { ACTIVE, WITHDRAWN }

    @Serdeable
    public record Score(BigDecimal score, String comment) {
    }

    public static Assignment of(String challengeId, int roundIndex, String bidId, String judgeId, Instant now) {
        return new Assignment(UUID.randomUUID().toString(), challengeId, roundIndex, bidId, judgeId, Status.ACTIVE, null,
                null, null, null, now, null);
    }

    public Assignment viewed(Instant now) {
        return viewedAt != null ? this : new Assignment(id, challengeId, roundIndex, bidId, judgeId, status, conflict, now,
                scores, scoredAt, createdAt, version);
    }

    public Assignment withdrawn(String reason) {
        return new Assignment(id, challengeId, roundIndex, bidId, judgeId, Status.WITHDRAWN, reason, viewedAt, scores,
                scoredAt, createdAt, version);
    }

    public Assignment scored(Map<String, Score> newScores, Instant now) {
        return new Assignment(id, challengeId, roundIndex, bidId, judgeId, status, conflict, viewedAt, newScores, now,
                createdAt, version);
    }

    public boolean isScored() {
        return status == Status.ACTIVE && scores != null && !scores.isEmpty();
    }
}
