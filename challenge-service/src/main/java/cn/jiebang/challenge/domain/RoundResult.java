package cn.jiebang.challenge.domain;

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
public record RoundResult(@Id @GeneratedValue @Nullable Long id, String challengeId, int roundIndex, String bidId,
                          String leadOrganizationId, String submittedBy, @Nullable BigDecimal aggregate,
                          @MappedProperty("rank_position") int rank, Decision decision, int judges, boolean flagged,
                          boolean corrected) {

    public enum Decision { ADVANCED, ELIMINATED, WINNER }

    public RoundResult decided(Decision newDecision) {
        return new RoundResult(id, challengeId, roundIndex, bidId, leadOrganizationId, submittedBy, aggregate, rank,
                newDecision, judges, flagged, true);
    }

    public boolean goesOn() {
        return decision != Decision.ELIMINATED;
    }
}
