package cn.jiebang.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * bid-service ranked a closed round with its aggregation and advancement rules: every bid's aggregate
 * (null without scores), rank and decision (ADVANCED, ELIMINATED or, in the last round, WINNER).
 */
public record RoundRanked(String challengeId, int roundIndex, List<Entry> results, Instant rankedAt)
        implements DomainEvent {

    public static final String TYPE = "round.ranked.v1";

    @Override
    public String aggregateId() {
        return challengeId;
    }

    public record Entry(String bidId, String leadOrganizationId, String submittedBy, BigDecimal aggregate, int rank,
                        String decision, int judges, boolean flagged) {
    }
}
