package cn.jiebang.challenge.evaluation.domain;

import cn.jiebang.challenge.challenge.domain.InvalidChallenge;
import cn.jiebang.events.FundingReleased;
import cn.jiebang.problem.DomainProblem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A round's tranche granted to an advancing team, and how much of it the program office has released. */
@Serdeable
@MappedEntity("funding_grant")
public class FundingGrant {

    @Id
    private final String id;
    private final String challengeId;
    private final int roundIndex;
    private final String bidId;
    private final String organizationId;
    private final String submittedBy;
    private final BigDecimal amount;
    private BigDecimal released;
    private final Instant grantedAt;
    @Version
    @Nullable
    private final Long version;

    /** Every column, for Micronaut Data and fixture builders (ADR 0021); grants are made by {@link Funding}. */
    public FundingGrant(String id, String challengeId, int roundIndex, String bidId, String organizationId,
                        String submittedBy, BigDecimal amount, BigDecimal released, Instant grantedAt,
                        @Nullable Long version) {
        this.id = id;
        this.challengeId = challengeId;
        this.roundIndex = roundIndex;
        this.bidId = bidId;
        this.organizationId = organizationId;
        this.submittedBy = submittedBy;
        this.amount = amount;
        this.released = released;
        this.grantedAt = grantedAt;
        this.version = version;
    }

    static FundingGrant of(String challengeId, int roundIndex, RoundResult result, BigDecimal amount, Instant now) {
        return new FundingGrant(UUID.randomUUID().toString(), challengeId, roundIndex, result.getBidId(),
                result.getLeadOrganizationId(), result.getSubmittedBy(), amount, BigDecimal.ZERO, now, null);
    }

    /** Releases part of the tranche of the challenge titled {@code title}; never more than is left of it. */
    public FundingReleased release(BigDecimal more, String title, Instant now) {
        BigDecimal left = amount.subtract(released);
        if (more.compareTo(left) > 0) {
            throw new InvalidChallenge("release-above-grant", "grant " + id + " has " + left.toPlainString()
                    + " left to release", List.of(new DomainProblem.FieldProblem("amount", "is more than the "
                    + left.toPlainString() + " left of the grant")));
        }
        released = released.add(more);
        return new FundingReleased(challengeId, title, id, bidId, organizationId, submittedBy, more, now);
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

    public String getOrganizationId() {
        return organizationId;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public BigDecimal getReleased() {
        return released;
    }

    public Instant getGrantedAt() {
        return grantedAt;
    }

    @Nullable
    public Long getVersion() {
        return version;
    }
}
