package cn.jiebang.events;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The program office published a challenge (发榜): bidding is open from {@code bidOpensAt} until
 * {@code bidClosesAt}. Carries what bidders and notifications need, so no consumer calls back.
 */
public record ChallengePublished(
        String challengeId,
        String title,
        String problemStatement,
        String technologyField,
        BigDecimal totalBudget,
        Instant bidOpensAt,
        Instant bidClosesAt,
        Instant publishedAt) implements DomainEvent {

    public static final String TYPE = "challenge.published.v1";

    @Override
    public String aggregateId() {
        return challengeId;
    }
}
