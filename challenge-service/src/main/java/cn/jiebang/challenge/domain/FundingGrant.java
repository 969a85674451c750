package cn.jiebang.challenge.domain;

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
public record FundingGrant(@Id String id, String challengeId, int roundIndex, String bidId, String organizationId,
                           String submittedBy, BigDecimal amount, BigDecimal released, Instant grantedAt,
                           @Version @Nullable Long version) {

    public static FundingGrant of(String challengeId, int roundIndex, RoundResult result, BigDecimal amount, Instant now) {
        return new FundingGrant(UUID.randomUUID().toString(), challengeId, roundIndex, result.bidId(),
                result.leadOrganizationId(), result.submittedBy(), amount, BigDecimal.ZERO, now, null);
    }

    /** Releases part of the tranche; never more than is left of it. */
    public FundingGrant release(BigDecimal more) {
        if (released.add(more).compareTo(amount) > 0) {
            throw new InvalidChallenge("release-above-grant", "grant " + id + " has "
                    + amount.subtract(released).toPlainString() + " left to release",
                    List.of(new DomainProblem.FieldProblem("amount", "is more than the "
                            + amount.subtract(released).toPlainString() + " left of the grant")));
        }
        return new FundingGrant(id, challengeId, roundIndex, bidId, organizationId, submittedBy, amount,
                released.add(more), grantedAt, version);
    }
}
