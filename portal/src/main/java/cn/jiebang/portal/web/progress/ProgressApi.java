package cn.jiebang.portal.web.progress;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the progress page reads from and sends to the services, as far as it uses them: bid-service's bid,
 * team result and deliverable, challenge-service's challenge, round results, objections and grants.
 */
final class ProgressApi {

    private ProgressApi() {
    }

    /** {@code GET /api/bids/{id}} (bid-service). */
    @Serdeable
    record Bid(String id, String challengeId, String leadOrganizationId, String status, int currentVersion,
               @Nullable Instant submittedAt, @Nullable String screeningReason) {
    }

    /** {@code GET /api/challenges/{id}} (challenge-service), the parts this page shows. */
    @Serdeable
    record Challenge(String id, String title, String mode, String status, List<Round> rounds) {
    }

    @Serdeable
    record Round(int index, String name, String kind, Instant opensAt, Instant closesAt, List<Criterion> criteria,
                 @Nullable BigDecimal tranchePerTeam, int publicityDays, String status, @Nullable Instant openedAt) {

        boolean milestone() {
            return "MILESTONE".equals(kind);
        }

        boolean announced() {
            return "ANNOUNCED".equals(status) || "FINALIZED".equals(status);
        }
    }

    @Serdeable
    record Criterion(String code, String name, int weight, int maxScore) {
    }

    /** {@code GET /api/challenges/{id}/rounds/{index}/results}: public once announced. */
    @Serdeable
    record Results(int index, String status, @Nullable Instant publicityEndsAt, List<PublicResult> results) {
    }

    @Serdeable
    record PublicResult(String bidId, String leadOrganizationId, @Nullable BigDecimal aggregate, int rank,
                        String decision, boolean flagged, boolean corrected) {
    }

    /** {@code GET /api/bids/{id}/rounds/{index}/result} (bid-service): the team's own, no judge named. */
    @Serdeable
    record TeamResult(String bidId, int roundIndex, @Nullable BigDecimal aggregate, int rank, String decision,
                      boolean flagged, int judges, Map<String, BigDecimal> meanScoreByCriterion) {
    }

    /** {@code GET /api/challenges/{id}/rounds/{index}/objections}: a team reads its organization's. */
    @Serdeable
    record Objection(String id, String challengeId, int roundIndex, String organizationId, String reasons,
                     String status, @Nullable String resolution, Instant filedAt, @Nullable Instant resolvedAt) {
    }

    @Serdeable
    record ObjectionRequest(String reasons) {
    }

    /** {@code GET /api/challenges/{id}/funding}: a team sees its organization's grants only. */
    @Serdeable
    record Grant(String id, String challengeId, int roundIndex, String bidId, BigDecimal amount, BigDecimal released,
                 Instant grantedAt) {
    }

    /** {@code POST /api/challenges/{id}/attachments} (bid-service). */
    @Serdeable
    record Attachment(String id, String fileName, String contentType, long sizeBytes) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record DeliverableRequest(String summary, List<String> attachmentIds) {
    }

    /** {@code PUT /api/bids/{id}/rounds/{index}/deliverable}'s answer; bid-service offers no way to read it back. */
    @Serdeable
    record Deliverable(String bidId, int roundIndex, String summary, List<String> attachmentIds, Instant submittedAt) {
    }
}
