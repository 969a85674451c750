package cn.jiebang.bid.bidding.domain;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A file a team uploaded for its bid on a challenge; its bytes are in the {@link AttachmentStore}. */
@MappedEntity("attachment")
public record Attachment(@Id String id, String challengeId, String organizationId, String uploadedBy, String fileName,
                         String contentType, long sizeBytes, String sha256, Instant uploadedAt) {

    /** Whether the organization uploaded it for the challenge: only then may it list the file in a bid or deliverable. */
    public boolean isOf(String organizationId, String challengeId) {
        return this.organizationId.equals(organizationId) && this.challengeId.equals(challengeId);
    }

    public AttachmentRef ref() {
        return new AttachmentRef(id, fileName, contentType, sizeBytes, sha256);
    }
}
