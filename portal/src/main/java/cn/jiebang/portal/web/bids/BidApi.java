package cn.jiebang.portal.web.bids;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The shapes of the services' answers and requests the bid pages use, copied from bid-service's
 * BidController and BidContent and challenge-service's ChallengeController and directory; only the
 * fields the pages need.
 */
final class BidApi {

    private BidApi() {
    }

    /** bid-service's answer to a submission or revision: the team's proof. */
    @Serdeable
    record Receipt(String bidId, String challengeId, int version, Instant serverTime, String contentHash,
                   boolean replayed) {
    }

    @Serdeable
    record TeamMember(String name, String title) {
    }

    @Serdeable
    record Milestone(String title, @Nullable LocalDate dueOn, String deliverable) {
    }

    @Serdeable
    record CommittedIndicator(String name, @Nullable BigDecimal value) {
    }

    /**
     * A bid's content, as bid-service takes it (POST /api/challenges/{id}/bids) and answers it. Empty lists are
     * sent, not left out: bid-service requires {@code memberOrganizationIds} and {@code coreMembers}.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Content(List<String> memberOrganizationIds, TeamMember teamLead, List<TeamMember> coreMembers,
                   String technicalApproach, List<Milestone> milestones, List<CommittedIndicator> committedIndicators,
                   @Nullable BigDecimal requestedBudget, @Nullable List<String> attachmentIds) {

        Content {
            memberOrganizationIds = memberOrganizationIds == null ? List.of() : memberOrganizationIds;
            coreMembers = coreMembers == null ? List.of() : coreMembers;
            milestones = milestones == null ? List.of() : milestones;
            committedIndicators = committedIndicators == null ? List.of() : committedIndicators;
            attachmentIds = attachmentIds == null ? List.of() : attachmentIds;
        }
    }

    @Serdeable
    record Revision(int baseVersion, Content content) {
    }

    /** An attached file as a version records it. */
    @Serdeable
    record AttachmentRef(String attachmentId, String fileName, String contentType, long sizeBytes, String sha256) {
    }

    /** bid-service's answer to an upload. */
    @Serdeable
    record Attachment(String id, String challengeId, String fileName, String contentType, long sizeBytes,
                      String sha256, Instant uploadedAt) {
    }

    @Serdeable
    record Bid(String id, String challengeId, String leadOrganizationId, String submittedBy, String status,
               int currentVersion, String contentHash, Instant submittedAt, Content content,
               List<AttachmentRef> attachments, @Nullable String screeningReason, Instant createdAt,
               Instant updatedAt) {
    }

    @Serdeable
    record Version(String bidId, int version, Instant submittedAt, String submittedBy, String contentHash,
                   Content content, List<AttachmentRef> attachments) {
    }

    @Serdeable
    record BidPage(List<Bid> items, int page, int size, long totalItems) {
    }

    /** bid-service: whether a challenge takes bids right now, by its clock. */
    @Serdeable
    record Bidding(String challengeId, String title, boolean open, Instant opensAt, Instant closesAt,
                   boolean cancelled, Instant serverTime) {
    }

    @Serdeable
    record Indicator(String name, BigDecimal targetValue, String unit, String direction,
                     @Nullable String testMethod) {

        boolean atMost() {
            return "AT_MOST".equals(direction);
        }

        /** {@code ≥ 95 %}, the way the target reads beside a committed value. */
        String target() {
            return (atMost() ? "≤ " : "≥ ") + plain(targetValue) + " " + unit;
        }
    }

    @Serdeable
    record Eligibility(@Nullable List<String> allowedRegions, @Nullable List<String> allowedOrganizationKinds,
                       int maxConsortiumMembers, int bidsPerOrganization, boolean excludePastWinners) {
    }

    /** challenge-service's challenge page, the parts the bid form shows. */
    @Serdeable
    record Challenge(String id, String title, String ownerOrganizationId, List<Indicator> indicators,
                     BigDecimal totalBudget, Eligibility eligibility, Instant bidOpensAt, Instant bidClosesAt,
                     String status) {
    }

    /** challenge-service's public directory entry. */
    @Serdeable
    record Organization(String id, String name, @Nullable String region, @Nullable String kind) {
    }

    @Serdeable
    record OrganizationPage(List<Organization> items, int page, int size, long totalItems) {
    }

    /** A decimal as people write it: no exponent, no trailing zeros. */
    static String plain(@Nullable BigDecimal value) {
        if (value == null) {
            return "";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
