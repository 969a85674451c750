package cn.jiebang.portal.web.board;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What the public pages read from challenge-service and bid-service, as their controllers answer it
 * ({@code ChallengeController}, {@code EvaluationController}, {@code DirectoryController},
 * {@code BiddingController}). Codes stay strings, so a value added to a service's enum is shown as its
 * code rather than breaking the page.
 */
final class ChallengeApi {

    private ChallengeApi() {
    }

    @Serdeable
    record Summary(String id, String title, String ownerOrganizationId, String technologyField, String region,
                   String mode, BigDecimal totalBudget, Instant bidOpensAt, Instant bidClosesAt, String status,
                   @Nullable Instant publishedAt, @Nullable Integer bidCount) {
    }

    @Serdeable
    record Board(List<Summary> items, int page, int size, long totalItems) {
    }

    @Serdeable
    record Indicator(String name, BigDecimal targetValue, String unit, String direction, String testMethod) {
    }

    @Serdeable
    record Eligibility(List<String> allowedRegions, List<String> allowedOrganizationKinds, int maxConsortiumMembers,
                       int bidsPerOrganization, boolean excludePastWinners) {

        Eligibility {
            allowedRegions = allowedRegions == null ? List.of() : List.copyOf(allowedRegions);
            allowedOrganizationKinds = allowedOrganizationKinds == null ? List.of() : List.copyOf(allowedOrganizationKinds);
        }
    }

    @Serdeable
    record Criterion(String code, String name, int weight, int maxScore) {
    }

    @Serdeable
    record Advancement(String rule, BigDecimal value, @Nullable Integer maxTeams) {
    }

    @Serdeable
    record Round(int index, String name, String kind, Instant opensAt, Instant closesAt, List<Criterion> criteria,
                 String aggregation, Advancement advancement, int minJudgesPerBid, boolean blind,
                 BigDecimal tranchePerTeam, int publicityDays, String status, @Nullable Instant openedAt) {

        /** Results are public once the round has been announced (公示), and stay so after it is finalized. */
        boolean announced() {
            return "ANNOUNCED".equals(status) || "FINALIZED".equals(status);
        }
    }

    @Serdeable
    record TimelineEntry(Instant at, String event, @Nullable String detail, boolean planned) {
    }

    @Serdeable
    record Challenge(String id, String title, String problemStatement, String ownerOrganizationId,
                     String technologyField, String region, String mode, int winners, List<Indicator> indicators,
                     BigDecimal totalBudget, Eligibility eligibility, Instant bidOpensAt, Instant bidClosesAt,
                     String ipTerms, List<Round> rounds, String status, @Nullable Instant publishedAt,
                     @Nullable Integer bidCount, @Nullable Integer screenedIn, @Nullable String failureReason,
                     @Nullable String cancellationReason, @Nullable Instant endedAt, List<TimelineEntry> timeline) {

        Challenge {
            indicators = indicators == null ? List.of() : indicators;
            rounds = rounds == null ? List.of() : rounds;
            timeline = timeline == null ? List.of() : timeline;
        }
    }

    @Serdeable
    record Amendment(long id, String kind, String text, @Nullable Instant previousBidClosesAt,
                     @Nullable Instant bidClosesAt, Instant amendedAt) {
    }

    @Serdeable
    record Result(String bidId, String leadOrganizationId, @Nullable BigDecimal aggregate, int rank, String decision,
                  boolean flagged, boolean corrected) {
    }

    @Serdeable
    record Results(int index, String status, @Nullable Instant publicityEndsAt, List<Result> results) {
    }

    @Serdeable
    record Bidding(String challengeId, boolean open, @Nullable Instant opensAt, @Nullable Instant closesAt,
                   boolean cancelled) {
    }

    @Serdeable
    record DirectoryEntry(String id, String name, @Nullable String region, @Nullable String kind) {
    }
}
