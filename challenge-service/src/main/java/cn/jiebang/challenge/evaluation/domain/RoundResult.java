package cn.jiebang.challenge.evaluation.domain;

import cn.jiebang.events.ChallengeAwarded;
import cn.jiebang.events.RoundRanked;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/** One bid's result in a round, as ranked by bid-service, {@code corrected} after an upheld objection. */
@Serdeable
@MappedEntity("round_result")
public class RoundResult {

    public enum Decision { ADVANCED, ELIMINATED, WINNER }

    @Id
    @GeneratedValue
    private final Long id;
    private final String challengeId;
    private final int roundIndex;
    private final String bidId;
    private final String leadOrganizationId;
    private final String submittedBy;
    @Nullable
    private final BigDecimal aggregate;
    @MappedProperty("rank_position")
    private final int rank;
    private Decision decision;
    private final int judges;
    private final boolean flagged;
    private boolean corrected;

    /** Every column, for Micronaut Data and fixture builders (ADR 0021); a new result is {@link #ranked}. */
    public RoundResult(@Nullable Long id, String challengeId, int roundIndex, String bidId, String leadOrganizationId,
                       String submittedBy, @Nullable BigDecimal aggregate, int rank, Decision decision, int judges,
                       boolean flagged, boolean corrected) {
        this.id = id;
        this.challengeId = challengeId;
        this.roundIndex = roundIndex;
        this.bidId = bidId;
        this.leadOrganizationId = leadOrganizationId;
        this.submittedBy = submittedBy;
        this.aggregate = aggregate;
        this.rank = rank;
        this.decision = decision;
        this.judges = judges;
        this.flagged = flagged;
        this.corrected = corrected;
    }

    /** A bid's line of bid-service's ranking of the round. */
    public static RoundResult ranked(String challengeId, int roundIndex, RoundRanked.Entry e) {
        return new RoundResult(null, challengeId, roundIndex, e.bidId(), e.leadOrganizationId(), e.submittedBy(),
                e.aggregate(), e.rank(), Decision.valueOf(e.decision()), e.judges(), e.flagged(), false);
    }

    /** An upheld objection changed the decision; a {@link Correction} checked it fits the round. */
    void correct(Decision newDecision) {
        decision = newDecision;
        corrected = true;
    }

    public boolean goesOn() {
        return decision != Decision.ELIMINATED;
    }

    /** The bid as a winner of the challenge, when this is the last round's result and it stands. */
    public ChallengeAwarded.Winner asWinner() {
        return new ChallengeAwarded.Winner(bidId, leadOrganizationId, submittedBy);
    }

    public Long getId() {
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

    public String getLeadOrganizationId() {
        return leadOrganizationId;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    @Nullable
    public BigDecimal getAggregate() {
        return aggregate;
    }

    public int getRank() {
        return rank;
    }

    public Decision getDecision() {
        return decision;
    }

    public int getJudges() {
        return judges;
    }

    public boolean isFlagged() {
        return flagged;
    }

    public boolean isCorrected() {
        return corrected;
    }
}
