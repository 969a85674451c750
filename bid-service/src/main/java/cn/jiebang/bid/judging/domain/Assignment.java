package cn.jiebang.bid.judging.domain;

import cn.jiebang.events.AssignmentScored;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Transient;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.model.DataType;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A bid of a round given to one judge of its panel. The judge may declare a conflict (回避) before opening the
 * bid, which withdraws the assignment; scores (per criterion, with a comment) may be revised until the round
 * closes and are read by nobody else before then.
 */
@MappedEntity("assignment")
public class Assignment {

    public enum Status { ACTIVE, WITHDRAWN }

    @Serdeable
    public record Score(BigDecimal score, String comment) {
    }

    @Id
    private final String id;
    private final String challengeId;
    private final int roundIndex;
    private final String bidId;
    private final String judgeId;
    private Status status;
    @Nullable
    private String conflict;
    @Nullable
    private Instant viewedAt;
    @Nullable
    @TypeDef(type = DataType.JSON)
    private Map<String, Score> scores;
    @Nullable
    private Instant scoredAt;
    private final Instant createdAt;
    @Version
    @Nullable
    private final Long version;

    /** Every persisted property, as Micronaut Data reads a row; a new assignment comes from {@link #of}. */
    public Assignment(String id, String challengeId, int roundIndex, String bidId, String judgeId, Status status,
                      @Nullable String conflict, @Nullable Instant viewedAt, @Nullable Map<String, Score> scores,
                      @Nullable Instant scoredAt, Instant createdAt, @Nullable Long version) {
        this.id = id;
        this.challengeId = challengeId;
        this.roundIndex = roundIndex;
        this.bidId = bidId;
        this.judgeId = judgeId;
        this.status = status;
        this.conflict = conflict;
        this.viewedAt = viewedAt;
        this.scores = scores;
        this.scoredAt = scoredAt;
        this.createdAt = createdAt;
        this.version = version;
    }

    public static Assignment of(String challengeId, int roundIndex, String bidId, String judgeId, Instant now) {
        return new Assignment(UUID.randomUUID().toString(), challengeId, roundIndex, bidId, judgeId, Status.ACTIVE, null,
                null, null, null, now, null);
    }

    /** Only the judge it was given to sees an assignment, and with it the scores it gave. */
    public boolean isJudgedBy(String judgeId) {
        return this.judgeId.equals(judgeId);
    }

    /** A withdrawn assignment (after a conflict) takes nothing more. */
    public void requireActive() {
        if (status != Status.ACTIVE) {
            throw new JudgingProblems.Withdrawn(id);
        }
    }

    /** The judge opened the bid: from the first time on, no conflict can be declared on it. */
    public void open(Instant now) {
        requireActive();
        if (viewedAt == null) {
            viewedAt = now;
        }
    }

    /** 回避, before opening the bid: the assignment is withdrawn, with the reason given. */
    public void declareConflict(String reason) {
        requireActive();
        if (viewedAt != null) {
            throw new JudgingProblems.AlreadyViewed(id);
        }
        status = Status.WITHDRAWN;
        conflict = reason;
    }

    /**
     * The judge's sheet, checked against the round's rules, replaces any before; scoring opens the bid too. The
     * first scoring is a fact for the judges' reminders (never the scores).
     */
    public Optional<AssignmentScored> score(ScoreSheet sheet, Instant now) {
        requireActive();
        boolean first = !isScored();
        open(now);
        scores = sheet.scores();
        scoredAt = now;
        return first ? Optional.of(new AssignmentScored(challengeId, roundIndex, id, judgeId, now)) : Optional.empty();
    }

    /** Active and scored: it counts for the ranking and for completing the round. */
    @Transient
    public boolean isScored() {
        return status == Status.ACTIVE && scores != null && !scores.isEmpty();
    }

    /** Active and opened by its judge: the team's deliverable for the round no longer changes. */
    @Transient
    public boolean isUnderReview() {
        return status == Status.ACTIVE && viewedAt != null;
    }

    public String getId() {
        return id;
    }

    public String getChallengeId() {
        return challengeId;
    }

    public int getRoundIndex() {
        return roundIndex;
    }

    public String getBidId() {
        return bidId;
    }

    public String getJudgeId() {
        return judgeId;
    }

    public Status getStatus() {
        return status;
    }

    @Nullable
    public String getConflict() {
        return conflict;
    }

    @Nullable
    public Instant getViewedAt() {
        return viewedAt;
    }

    @Nullable
    public Map<String, Score> getScores() {
        return scores;
    }

    @Nullable
    public Instant getScoredAt() {
        return scoredAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    @Nullable
    public Long getVersion() {
        return version;
    }
}
