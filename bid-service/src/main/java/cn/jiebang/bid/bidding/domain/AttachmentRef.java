package cn.jiebang.bid.bidding.domain;

import io.micronaut.serde.annotation.Serdeable;

/** An attached file as a bid version records it: the receipt hash covers its name, type, size and SHA-256. */
@Serdeable
public record AttachmentRef(String attachmentId, String fileName, String contentType, long sizeBytes, String sha256) {
}
