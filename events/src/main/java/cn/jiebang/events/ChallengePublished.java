package cn.jiebang.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The program office published a challenge (发榜): bidding is open from {@code bidOpensAt} until
 * {@code bidClosesAt}. Carries the full definition (indicators, eligibility, rounds with their criteria and
 * rules), so bid-service can check bids and notification-service can tell teams without calling back.
 * Enumerations travel as their names; rounds are numbered from 1.
 */
public record ChallengePublished(
        String challengeId,
        String title,
        String problemStatement,
        String technologyField,
        BigDecimal totalBudget,
        Instant bidOpensAt,
        Instant bidClosesAt,
        Instant publishedAt,
        @AddedWithinVersion String ownerOrganizationId,
        @AddedWithinVersion String region,
        @AddedWithinVersion String mode,
        @AddedWithinVersion int winners,
        @AddedWithinVersion List<String> requirementIds,
        @AddedWithinVersion List<Indicator> indicators,
        @AddedWithinVersion Eligibility eligibility,
        @AddedWithinVersion String ipTerms,
        @AddedWithinVersion List<Round> rounds) implements DomainEvent {

    public static final String TYPE = "challenge.published.v1";

    @Override
    public String aggregateId() {
        return challengeId;
    }

    /** A quantified target (考核指标); {@code direction} is AT_LEAST or AT_MOST. */
    public record Indicator(String name, BigDecimal targetValue, String unit, String direction, String testMethod) {
    }

    /**
     * Who may bid. Empty region or kind lists admit everyone; {@code maxConsortiumMembers} counts members
     * besides the lead; {@code bidsPerOrganization} is how many live bids one lead organization may hold.
     */
    public record Eligibility(List<String> allowedRegions, List<String> allowedOrganizationKinds,
                              int maxConsortiumMembers, int bidsPerOrganization, boolean excludePastWinners) {
    }

    /** One evaluation stage (评审轮次) as planned when the challenge was published. */
    public record Round(int index, String name, String kind, Instant opensAt, Instant closesAt,
                        List<Criterion> criteria, String aggregation, Advancement advancement, int minJudgesPerBid,
                        boolean blind, BigDecimal tranchePerTeam, int publicityDays) {
    }

    /** A scoring criterion: weights of a round sum to 100, a judge scores 0..maxScore. */
    public record Criterion(String code, String name, int weight, int maxScore) {
    }

    /** TOP_N (value = n), THRESHOLD (value = minimum aggregate) or TOP_PERCENT (value = percent), at most maxTeams. */
    public record Advancement(String rule, BigDecimal value, int maxTeams) {
    }
}
