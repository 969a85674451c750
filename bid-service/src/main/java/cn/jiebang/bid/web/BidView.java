package cn.jiebang.bid.web;

import cn.jiebang.bid.application.BidQueries.BidRead;
import cn.jiebang.bid.domain.AttachmentRef;
import cn.jiebang.bid.domain.Bid;
import cn.jiebang.bid.domain.BidContent;
import cn.jiebang.bid.domain.BidStatus;
import cn.jiebang.bid.domain.BidVersion;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** A bid with the content and attachments of its current version, as its readers see it. */
@Serdeable
record BidView(String id, String challengeId, String leadOrganizationId, String submittedBy, BidStatus status,
               int currentVersion, String contentHash, Instant submittedAt, BidContent content,
               List<AttachmentRef> attachments, @Nullable String screeningReason, Instant createdAt,
               Instant updatedAt) {

    static BidView of(BidRead read) {
        Bid bid = read.bid();
        BidVersion current = read.current();
        return new BidView(bid.getId(), bid.getChallengeId(), bid.getLeadOrganizationId(), bid.getSubmittedBy(),
                bid.getStatus(), bid.getCurrentVersion(), bid.getContentHash(), current.submittedAt(),
                current.content(), current.attachments(), bid.getScreeningReason(), bid.getCreatedAt(),
                bid.getUpdatedAt());
    }
}
