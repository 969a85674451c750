package cn.jiebang.bid.bidding.web;

import cn.jiebang.bid.bidding.application.BidQueries.BidRead;
import cn.jiebang.bid.bidding.domain.AttachmentRef;
import cn.jiebang.bid.bidding.domain.Bid;
import cn.jiebang.bid.bidding.domain.BidContent;
import cn.jiebang.bid.bidding.domain.BidStatus;
import cn.jiebang.bid.bidding.domain.BidVersion;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** A bid with the content and attachments of its current version, as its readers see it. */
@Serdeable
public record BidView(String id, String challengeId, String leadOrganizationId, String submittedBy, BidStatus status,
               int currentVersion, String contentHash, Instant submittedAt, BidContent content,
               List<AttachmentRef> attachments, @Nullable String screeningReason, Instant createdAt,
               Instant updatedAt) {

    public static BidView of(BidRead read) {
        Bid bid = read.bid();
        BidVersion current = read.current();
        return new BidView(bid.getId(), bid.getChallengeId(), bid.getLeadOrganizationId(), bid.getSubmittedBy(),
                bid.getStatus(), bid.getCurrentVersion(), bid.getContentHash(), current.submittedAt(),
                current.content(), current.attachments(), bid.getScreeningReason(), bid.getCreatedAt(),
                bid.getUpdatedAt());
    }
}
