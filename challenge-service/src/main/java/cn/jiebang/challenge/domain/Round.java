package cn.jiebang.challenge.domain;

import cn.jiebang.events.ChallengePublished;
import cn.jiebang.events.RoundClosed;
import cn.jiebang.events.RoundOpened;
import cn.jiebang.problem.DomainProblem;
import cn.jiebang.problem.DomainProblem.FieldProblem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.model.DataType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;

/** A round (评审轮次) of a challenge: its plan, its judge panel and where it stands. Numbered from 1. */
@MappedEntity("challenge_round")
public class Round {

    @Id
    @GeneratedValue
    private Long id;
    private String challengeId;
    private int roundIndex;
    private String name;
    private RoundKind kind;
    private Instant opensAt;
    private Instant closesAt;
    @TypeDef(type = DataType.JSON)
    private List<Criterion> criteria;
    private AggregationRule aggregation;
    @TypeDef(type = DataType.JSON)
    private Advancement advancement;
    private int minJudgesPerBid;
    private boolean blind;
    private BigDecimal tranchePerTeam;
    private int publicityDays;
    private RoundStatus status;
    @TypeDef(type = DataType.JSON)
    private List<String> judgeIds;
    @TypeDef(type = DataType.JSON)
    private List<String> judgeOrganizationIds;
    @Nullable
    private Instant openedAt;
    @TypeDef(type = DataType.JSON)
    @Nullable
    private List<String> entrants;
    @Nullable
    private Instant scoresCompletedAt;
    @Nullable
    private Instant closedAt;
    private boolean forced;
    @Nullable
    private Instant announcedAt;
    @Nullable
    private Instant publicityEndsAt;
    @Nullable
    private Instant finalizedAt;
    @Version
    private Long version;

    public Round() {
    }

    static Round planned(String challengeId, int index, RoundPlan plan) {
        Round r = new Round();
        r.challengeId = challengeId;
        r.roundIndex = index;
        r.name = plan.name();
        r.kind = plan.kind();
        r.opensAt = plan.opensAt();
        r.closesAt = plan.closesAt();
        r.criteria = List.copyOf(plan.criteria());
        r.aggregation = plan.aggregation();
        r.advancement = plan.advancement();
        r.minJudgesPerBid = plan.minJudgesPerBid();
        r.blind = plan.blind();
        r.tranchePerTeam = plan.tranchePerTeam();
        r.publicityDays = plan.publicityDays();
        r.status = RoundStatus.PENDING;
        r.judgeIds = List.of();
        r.judgeOrganizationIds = List.of();
        return r;
    }

    /**
     * Names (or renames) the judge panel, with each judge's organization in the same order; judges' roles are
     * checked by the caller.
     */
    public void namePanel(List<String> judges, List<String> organizations) {
        if (status != RoundStatus.PENDING) {
            throw new RoundNotPending(challengeId, roundIndex, status, "its panel changed");
        }
        if (new HashSet<>(judges).size() != judges.size()) {
            throw new InvalidChallenge("invalid-panel", "the panel names a judge twice",
                    List.of(new FieldProblem("judgeIds", "names a judge twice")));
        }
        if (judges.size() < minJudgesPerBid) {
            throw new InvalidChallenge("invalid-panel", "round " + roundIndex + " needs at least " + minJudgesPerBid
                    + " judges per bid, the panel has " + judges.size(),
                    List.of(new FieldProblem("judgeIds", "needs at least " + minJudgesPerBid + " judges")));
        }
        judgeIds = List.copyOf(judges);
        judgeOrganizationIds = List.copyOf(organizations);
    }

    RoundOpened open(Instant now) {
        return open(List.of(), now);
    }

    /** Opens the round for scoring by its panel; {@code bidIds} the bids in the race (none: those screened in). */
    public RoundOpened open(List<String> bidIds, Instant now) {
        if (status != RoundStatus.PENDING) {
            throw new RoundNotPending(challengeId, roundIndex, status, "opened");
        }
        if (judgeIds.isEmpty()) {
            throw new PanelNotNamed(challengeId, roundIndex);
        }
        status = RoundStatus.OPEN;
        openedAt = now;
        entrants = List.copyOf(bidIds);
        return new RoundOpened(challengeId, roundIndex, name, kind.name(), closesAt, judgeIds, minJudgesPerBid, blind, now,
                List.copyOf(bidIds), judgeOrganizationIds);
    }

    ChallengePublished.Round published() {
        return new ChallengePublished.Round(roundIndex, name, kind.name(), opensAt, closesAt,
                criteria.stream().map(c -> new ChallengePublished.Criterion(c.code(), c.name(), c.weight(), c.maxScore()))
                        .toList(),
                aggregation.name(), new ChallengePublished.Advancement(advancement.rule().name(), advancement.value(),
                advancement.teamCap()), minJudgesPerBid, blind, tranchePerTeam, publicityDays);
    }

    /** bid-service reported every bid has its minimum of completed scores. */
    public void scoresCompleted(Instant at) {
        if (scoresCompletedAt == null) {
            scoresCompletedAt = at;
        }
    }

    /** Closes scoring; with scores missing only when forced (the ranking then flags the bids concerned). */
    public RoundClosed close(boolean force, Instant now) {
        if (status != RoundStatus.OPEN) {
            throw new RoundWrongStatus(challengeId, roundIndex, status, "closed");
        }
        if (!force && scoresCompletedAt == null) {
            throw new ScoresIncomplete(challengeId, roundIndex);
        }
        status = RoundStatus.CLOSED;
        closedAt = now;
        forced = force && scoresCompletedAt == null;
        return new RoundClosed(challengeId, roundIndex, forced, now);
    }

    /**
     * 公示: the results are public and objections accepted for the round's publicity days (again after a
     * correction); {@code day} is how long a 公示 day lasts (a day, shorter only to compress time in demos and tests).
     */
    public void announce(Instant now, java.time.Duration day) {
        if (status != RoundStatus.CLOSED && status != RoundStatus.ANNOUNCED) {
            throw new RoundWrongStatus(challengeId, roundIndex, status, "announced");
        }
        status = RoundStatus.ANNOUNCED;
        announcedAt = now;
        publicityEndsAt = now.plus(day.multipliedBy(publicityDays));
    }

    public boolean inPublicity(Instant now) {
        return status == RoundStatus.ANNOUNCED && now.isBefore(publicityEndsAt);
    }

    /** The results stand: 公示 is over (the caller has checked that no objection is open). */
    public void finalizeAt(Instant now) {
        if (status != RoundStatus.ANNOUNCED || now.isBefore(publicityEndsAt)) {
            throw new RoundWrongStatus(challengeId, roundIndex, status, "finalized before its 公示 ended");
        }
        status = RoundStatus.FINALIZED;
        finalizedAt = now;
    }

    public static class RoundWrongStatus extends DomainProblem {
        RoundWrongStatus(String challengeId, int index, RoundStatus status, String action) {
            super(Kind.CONFLICT, "round-wrong-status", "round " + index + " of challenge " + challengeId + " is "
                    + status + " and cannot be " + action);
        }
    }

    public static class ScoresIncomplete extends DomainProblem {
        ScoresIncomplete(String challengeId, int index) {
            super(Kind.CONFLICT, "scores-incomplete", "round " + index + " of challenge " + challengeId
                    + " still lacks required scores; close it with force=true to rank it anyway (the bids concerned "
                    + "are flagged)");
        }
    }

    public static class PanelNotNamed extends DomainProblem {
        PanelNotNamed(String challengeId, int index) {
            super(Kind.CONFLICT, "panel-not-named", "round " + index + " of challenge " + challengeId
                    + " has no judge panel yet; name it first");
        }
    }

    public static class RoundNotPending extends DomainProblem {
        RoundNotPending(String challengeId, int index, RoundStatus status, String action) {
            super(Kind.CONFLICT, "round-not-pending", "round " + index + " of challenge " + challengeId + " is "
                    + status + " and cannot be " + action);
        }
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getChallengeId() {
        return challengeId;
    }

    public void setChallengeId(String challengeId) {
        this.challengeId = challengeId;
    }

    public int getRoundIndex() {
        return roundIndex;
    }

    public void setRoundIndex(int roundIndex) {
        this.roundIndex = roundIndex;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public RoundKind getKind() {
        return kind;
    }

    public void setKind(RoundKind kind) {
        this.kind = kind;
    }

    public Instant getOpensAt() {
        return opensAt;
    }

    public void setOpensAt(Instant opensAt) {
        this.opensAt = opensAt;
    }

    public Instant getClosesAt() {
        return closesAt;
    }

    public void setClosesAt(Instant closesAt) {
        this.closesAt = closesAt;
    }

    public List<Criterion> getCriteria() {
        return criteria;
    }

    public void setCriteria(List<Criterion> criteria) {
        this.criteria = criteria;
    }

    public AggregationRule getAggregation() {
        return aggregation;
    }

    public void setAggregation(AggregationRule aggregation) {
        this.aggregation = aggregation;
    }

    public Advancement getAdvancement() {
        return advancement;
    }

    public void setAdvancement(Advancement advancement) {
        this.advancement = advancement;
    }

    public int getMinJudgesPerBid() {
        return minJudgesPerBid;
    }

    public void setMinJudgesPerBid(int minJudgesPerBid) {
        this.minJudgesPerBid = minJudgesPerBid;
    }

    public boolean isBlind() {
        return blind;
    }

    public void setBlind(boolean blind) {
        this.blind = blind;
    }

    public BigDecimal getTranchePerTeam() {
        return tranchePerTeam;
    }

    public void setTranchePerTeam(BigDecimal tranchePerTeam) {
        this.tranchePerTeam = tranchePerTeam;
    }

    public int getPublicityDays() {
        return publicityDays;
    }

    public void setPublicityDays(int publicityDays) {
        this.publicityDays = publicityDays;
    }

    public RoundStatus getStatus() {
        return status;
    }

    public void setStatus(RoundStatus status) {
        this.status = status;
    }

    public List<String> getJudgeIds() {
        return judgeIds;
    }

    public void setJudgeIds(List<String> judgeIds) {
        this.judgeIds = judgeIds;
    }

    @Nullable
    public Instant getOpenedAt() {
        return openedAt;
    }

    public void setOpenedAt(@Nullable Instant openedAt) {
        this.openedAt = openedAt;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    @Nullable
    public List<String> getEntrants() {
        return entrants;
    }

    public void setEntrants(@Nullable List<String> entrants) {
        this.entrants = entrants;
    }

    @Nullable
    public Instant getScoresCompletedAt() {
        return scoresCompletedAt;
    }

    public void setScoresCompletedAt(@Nullable Instant scoresCompletedAt) {
        this.scoresCompletedAt = scoresCompletedAt;
    }

    @Nullable
    public Instant getClosedAt() {
        return closedAt;
    }

    public void setClosedAt(@Nullable Instant closedAt) {
        this.closedAt = closedAt;
    }

    public boolean isForced() {
        return forced;
    }

    public void setForced(boolean forced) {
        this.forced = forced;
    }

    @Nullable
    public Instant getAnnouncedAt() {
        return announcedAt;
    }

    public void setAnnouncedAt(@Nullable Instant announcedAt) {
        this.announcedAt = announcedAt;
    }

    @Nullable
    public Instant getPublicityEndsAt() {
        return publicityEndsAt;
    }

    public void setPublicityEndsAt(@Nullable Instant publicityEndsAt) {
        this.publicityEndsAt = publicityEndsAt;
    }

    @Nullable
    public Instant getFinalizedAt() {
        return finalizedAt;
    }

    public void setFinalizedAt(@Nullable Instant finalizedAt) {
        this.finalizedAt = finalizedAt;
    }

    public List<String> getJudgeOrganizationIds() {
        return judgeOrganizationIds;
    }

    public void setJudgeOrganizationIds(List<String> judgeOrganizationIds) {
        this.judgeOrganizationIds = judgeOrganizationIds;
    }
}
