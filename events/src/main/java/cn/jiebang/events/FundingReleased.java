package cn.jiebang.events;

import java.math.BigDecimal;
import java.time.Instant;

/** The program office released an amount of a team's granted tranche. */
public record FundingReleased(String challengeId, String title, String grantId, String bidId, String organizationId,
                              String submittedBy, BigDecimal amount, Instant releasedAt) implements DomainEvent {

    public static final String TYPE = "funding.released.v1";

    @Override
    public String aggregateId() {
        return challengeId;
    }
}
