package cn.jiebang.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * challenge-service announced a round's results (公示) until {@code publicityEndsAt}; teams in the round may
 * object until then. {@code correction}: re-announced after an upheld objection corrected them.
 */
public record RoundAnnounced(String challengeId, String title, String ownerOrganizationId, int roundIndex,
                             String roundName, List<Result> results, boolean correction, Instant publicityEndsAt,
                             Instant announcedAt) implements DomainEvent {

    public static final String TYPE = "round.announced.v1";

    @Override
    public String aggregateId() {
        return challengeId;
    }

    public record Result(String bidId, String leadOrganizationId, String submittedBy, BigDecimal aggregate, int rank,
                         String decision, boolean flagged) {
    }
}
