package cn.jiebang.bid.attachment.application;

import cn.jiebang.bid.bidding.application.BidSubmission.Caller;
import cn.jiebang.bid.bidding.domain.Attachment;
import cn.jiebang.bid.bidding.domain.AttachmentStore;
import cn.jiebang.bid.bidding.domain.Attachments;
import cn.jiebang.bid.bidding.domain.BidProblems;
import cn.jiebang.bid.bidding.domain.CanonicalJson;
import cn.jiebang.bid.challenge.domain.BiddingChallenge;
import cn.jiebang.bid.challenge.domain.BiddingChallenges;
import cn.jiebang.bid.judging.application.MilestoneDeliveries;
import cn.jiebang.problem.DomainProblem;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Files for a bid: PDF, PNG or JPEG, recognised by their first bytes (not by what the client claims), up to
 * {@code jiebang.attachments.max-bytes} (10 MiB by default). Stored with their size and SHA-256 while the
 * challenge takes bids (a bid version then lists them and its receipt hash covers them), or while the
 * organization races in an open MILESTONE round (for its deliverable).
 */
@Singleton
public class AttachmentUploads {

    private final BiddingChallenges challenges;
    private final Attachments attachments;
    private final AttachmentStore store;
    private final Clock clock;
    private final long maxBytes;

    private final MilestoneDeliveries deliveries;

    AttachmentUploads(BiddingChallenges challenges, Attachments attachments, AttachmentStore store, Clock clock,
                      @Value("${jiebang.attachments.max-bytes:10485760}") long maxBytes,
                      MilestoneDeliveries deliveries) {
        this.deliveries = deliveries;
        this.challenges = challenges;
        this.attachments = attachments;
        this.store = store;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    @Transactional
    public Attachment upload(Caller caller, String challengeId, String fileName, long declaredSize, byte[] bytes) {
        BiddingChallenge challenge = challenges.require(challengeId);
        Instant now = clock.instant();
        if (!challenge.isOpenAt(now) && !deliveries.racesInOpenMilestone(challengeId, caller.organizationId())) {
            throw new BidProblems.BidWindowClosed(challenge, now);
        }
        if (declaredSize > maxBytes || bytes.length > maxBytes) {
            throw new TooLarge(Math.max(declaredSize, bytes.length), maxBytes);
        }
        String contentType = sniff(bytes);
        Attachment attachment = attachments.save(new Attachment(UUID.randomUUID().toString(), challengeId,
                caller.organizationId(), caller.userId(), fileName, contentType, bytes.length, CanonicalJson.sha256Hex(bytes), now));
        store.put(attachment.id(), bytes);
        return attachment;
    }

    private static String sniff(byte[] bytes) {
        if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46, 0x2D)) {
            return "application/pdf";
        }
        if (startsWith(bytes, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        throw new UnsupportedType();
    }

    private static boolean startsWith(byte[] bytes, int... magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((bytes[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    public static class TooLarge extends DomainProblem {
        TooLarge(long size, long max) {
            super(Kind.TOO_LARGE, "attachment-too-large", "the file has " + size + " bytes; at most " + max
                    + " bytes are accepted per attachment", List.of(new FieldProblem("file", "is larger than " + max
                    + " bytes")));
        }
    }

    public static class UnsupportedType extends DomainProblem {
        UnsupportedType() {
            super(Kind.REJECTED, "attachment-type-not-accepted", "only PDF, PNG and JPEG files are accepted",
                    List.of(new FieldProblem("file", "is not a PDF, PNG or JPEG file")));
        }
    }
}
