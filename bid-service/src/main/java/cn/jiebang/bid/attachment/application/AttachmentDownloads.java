package cn.jiebang.bid.attachment.application;

import cn.jiebang.bid.bidding.domain.Attachment;
import cn.jiebang.bid.bidding.domain.AttachmentStore;
import cn.jiebang.bid.bidding.domain.Attachments;
import cn.jiebang.bid.bidding.domain.BidProblems;
import cn.jiebang.bid.bidding.domain.Reader;
import cn.jiebang.bid.bidding.domain.Sealing;
import cn.jiebang.bid.challenge.domain.BiddingChallenge;
import cn.jiebang.bid.challenge.domain.BiddingChallenges;
import cn.jiebang.bid.judging.application.JudgingQueries;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * Reading a file as {@link Sealing} allows: as its bid is read, and by a judge assigned a bid that shows it. A
 * refusal that must not reveal anything is the answer to an unknown id, word for word.
 */
@Singleton
public class AttachmentDownloads {

    private final Attachments attachments;
    private final AttachmentStore store;
    private final BiddingChallenges challenges;
    private final JudgingQueries judging;
    private final Clock clock;

    AttachmentDownloads(Attachments attachments, AttachmentStore store, BiddingChallenges challenges,
                        JudgingQueries judging, Clock clock) {
        this.attachments = attachments;
        this.store = store;
        this.challenges = challenges;
        this.judging = judging;
        this.clock = clock;
    }

    /** A file and its bytes. */
    public record Download(Attachment attachment, byte[] bytes) {
    }

    public Download download(Reader reader, String attachmentId) {
        Attachment attachment = attachments.findById(attachmentId).orElseThrow(() -> noAttachment(attachmentId));
        BiddingChallenge challenge = challenges.findById(attachment.challengeId()).orElse(null);
        Sealing.ofAttachment(reader, attachment, () -> judging.judgeMaySee(reader.userId(), attachmentId), challenge,
                clock.instant()).require(challenge, () -> noAttachment(attachmentId));
        return new Download(attachment, store.get(attachmentId).orElseThrow(() -> noAttachment(attachmentId)));
    }

    /** An attachment the reader may not read gets the answer of an unknown one. */
    private static BidProblems.BidNotFound noAttachment(String id) {
        return new BidProblems.BidNotFound("attachment " + id);
    }
}
