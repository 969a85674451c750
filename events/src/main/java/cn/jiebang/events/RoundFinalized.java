package cn.jiebang.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A round's 公示 ended with no objection open: its results stand. Each advancing (or winning) team is granted
 * the round's tranche; {@code advancingBidIds} race in the next round.
 */
public record RoundFinalized(String challengeId, String title, int roundIndex, List<String> advancingBidIds,
                             List<Grant> grants, Instant finalizedAt) implements DomainEvent {

    public static final String TYPE = "round.finalized.v1";

    @Override
    public String aggregateId() {
        return challengeId;
    }

    public record Grant(String grantId, String bidId, String organizationId, String submittedBy, BigDecimal amount) {
    }
}
