package cn.jiebang.notification.application;

import cn.jiebang.events.BidRevised;
import cn.jiebang.events.BidScreened;
import cn.jiebang.events.BidSubmitted;
import cn.jiebang.events.BidWithdrawn;
import cn.jiebang.events.ScreeningCompleted;
import cn.jiebang.events.ScreeningStarted;
import cn.jiebang.messaging.IncomingEvent;
import cn.jiebang.notification.domain.Bidders;
import cn.jiebang.notification.domain.NotificationKind;
import cn.jiebang.notification.domain.Recipients;
import cn.jiebang.notification.domain.WatchedChallenges;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.List;

import static io.micronaut.transaction.TransactionDefinition.Propagation.MANDATORY;

/**
 * What bids mean for people: the team member who submitted gets each receipt, the withdrawal and the
 * screening result with its reason (and becomes a bidder, told of the challenge's amendments); the owner
 * agency's AGENCY users hear how many bids came in once bidding closed, and how screening ended.
 */
@Singleton
public class BidNotices {

    private final Notifier notifier;
    private final Bidders bidders;
    private final Recipients recipients;
    private final WatchedChallenges watched;

    BidNotices(Notifier notifier, Bidders bidders, Recipients recipients, WatchedChallenges watched) {
        this.notifier = notifier;
        this.bidders = bidders;
        this.recipients = recipients;
        this.watched = watched;
    }

    @Transactional(propagation = MANDATORY)
    public void on(BidSubmitted e, IncomingEvent envelope) {
        bidders.add(e.challengeId(), e.submittedBy());
        receipt(e.submittedBy(), e.challengeTitle(), e.bidId(), e.version(), e.contentHash(), e.submittedAt().toString(),
                envelope);
    }

    @Transactional(propagation = MANDATORY)
    public void on(BidRevised e, IncomingEvent envelope) {
        bidders.add(e.challengeId(), e.submittedBy());
        receipt(e.submittedBy(), e.challengeTitle(), e.bidId(), e.version(), e.contentHash(), e.submittedAt().toString(),
                envelope);
    }

    private void receipt(String to, String challenge, String bidId, int version, String hash, String at,
                         IncomingEvent envelope) {
        notifier.tell(List.of(to), NotificationKind.BID_RECEIPT, new Notifier.Text(
                        "申报回执：「" + challenge + "」第 " + version + " 版", "服务器接收时间 " + at + "；内容 SHA-256：" + hash,
                        "Receipt: version " + version + " of your bid on \"" + challenge + "\"",
                        "Received at " + at + " (server time). SHA-256 of the content: " + hash),
                "/api/bids/" + bidId, envelope.id());
    }

    @Transactional(propagation = MANDATORY)
    public void on(BidWithdrawn e, IncomingEvent envelope) {
        notifier.tell(List.of(e.withdrawnBy()), NotificationKind.BID_WITHDRAWN, new Notifier.Text(
                        "您已撤回「" + e.challengeTitle() + "」的申报", "",
                        "Your bid on \"" + e.challengeTitle() + "\" was withdrawn", ""),
                "/api/bids/" + e.bidId(), envelope.id());
    }

    @Transactional(propagation = MANDATORY)
    public void on(BidScreened e, IncomingEvent envelope) {
        boolean in = "SCREENED_IN".equals(e.decision());
        notifier.tell(List.of(e.submittedBy()), NotificationKind.BID_SCREENED, new Notifier.Text(
                        "您在「" + e.challengeTitle() + "」的申报形式审查" + (in ? "已通过" : "未通过"), "理由：" + e.reason(),
                        "Your bid on \"" + e.challengeTitle() + "\" " + (in ? "passed" : "did not pass") + " screening",
                        "Reason: " + e.reason()),
                "/api/bids/" + e.bidId(), envelope.id());
    }

    @Transactional(propagation = MANDATORY)
    public void on(ScreeningStarted e, IncomingEvent envelope) {
        notifier.tell(recipients.withRoleIn(e.ownerOrganizationId(), "AGENCY"), NotificationKind.BIDS_RECEIVED,
                new Notifier.Text("「" + e.challengeTitle() + "」揭榜截止，共收到 " + e.bidCount() + " 份申报", "",
                        "Bidding on \"" + e.challengeTitle() + "\" closed with " + e.bidCount() + " bids", ""),
                "/api/challenges/" + e.challengeId(), envelope.id());
    }

    @Transactional(propagation = MANDATORY)
    public void on(ScreeningCompleted e, IncomingEvent envelope) {
        watched.findById(e.challengeId()).ifPresent(c -> notifier.tell(
                recipients.withRoleIn(c.ownerOrganizationId(), "AGENCY"), NotificationKind.SCREENING_COMPLETED,
                new Notifier.Text("「" + c.title() + "」形式审查完成", e.screenedIn() + " 份通过，" + e.screenedOut() + " 份未通过",
                        "Screening of \"" + c.title() + "\" is complete", e.screenedIn() + " bids in, " + e.screenedOut()
                        + " out"),
                "/api/challenges/" + e.challengeId(), envelope.id()));
    }
}
