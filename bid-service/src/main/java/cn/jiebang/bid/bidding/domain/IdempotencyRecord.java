package cn.jiebang.bid.bidding.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** The first request a caller sent with an Idempotency-Key, and the bid version it produced. */
@MappedEntity("idempotency_record")
public record IdempotencyRecord(@Id @GeneratedValue @Nullable Long id, String userId, String idempotencyKey,
                                String requestHash, String bidId, int versionNo, Instant createdAt) {
}
