package cn.jiebang.bid.bidding.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.List;

/** One submitted version of a bid, never changed afterwards: the content its receipt's hash covers. */
@MappedEntity("bid_version")
public record BidVersion(@Id @GeneratedValue @Nullable Long id, String bidId, int versionNo,
                         @TypeDef(type = DataType.JSON) BidContent content,
                         @TypeDef(type = DataType.JSON) List<AttachmentRef> attachments,
                         String contentHash, String submittedBy, Instant submittedAt) {
}
