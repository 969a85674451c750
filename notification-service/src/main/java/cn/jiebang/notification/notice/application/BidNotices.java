package cn.jiebang.notification.notice.application;

import cn.jiebang.events.BidRevised;
import cn.jiebang.events.BidScreened;
import cn.jiebang.events.BidSubmitted;
import cn.jiebang.events.BidWithdrawn;
import cn.jiebang.events.ScreeningCompleted;
import cn.jiebang.events.ScreeningStarted;
import cn.jiebang.messaging.IncomingEvent;
import cn.jiebang.notification.inbox.domain.NotificationKind;
import cn.jiebang.notification.notice.application.Notifier.Message;
import cn.jiebang.notification.notice.application.Notifier.Text;
import cn.jiebang.notification.notice.domain.Bidders;
import cn.jiebang.notification.notice.domain.WatchedChallenges;
import cn.jiebang.notification.recipient.domain.Recipients;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
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
        notifier.tell(List.of(e.submittedBy()), NotificationKind.BID_RECEIPT,
                receipt(e.challengeTitle(), e.version(), e.submittedAt(), e.contentHash()), "/api/bids/" + e.bidId(),
                envelope.id());
    }

    @Transactional(propagation = MANDATORY)
    public void on(BidRevised e, IncomingEvent envelope) {
        bidders.add(e.challengeId(), e.submittedBy());
        notifier.tell(List.of(e.submittedBy()), NotificationKind.BID_RECEIPT,
                receipt(e.challengeTitle(), e.version(), e.submittedAt(), e.contentHash()), "/api/bids/" + e.bidId(),
                envelope.id());
    }

    static Text receipt(String challenge, int version, Instant receivedAt, String contentHash) {
        return Text.of("bid-receipt", challenge, version, receivedAt, contentHash);
    }

    @Transactional(propagation = MANDATORY)
    public void on(BidWithdrawn e, IncomingEvent envelope) {
        notifier.tell(List.of(e.withdrawnBy()), NotificationKind.BID_WITHDRAWN, Text.of("bid-withdrawn", e.challengeTitle()),
                "/api/bids/" + e.bidId(), envelope.id());
    }

    @Transactional(propagation = MANDATORY)
    public void on(BidScreened e, IncomingEvent envelope) {
        Message decision = Message.of("SCREENED_IN".equals(e.decision()) ? "bid-screened.in" : "bid-screened.out");
        notifier.tell(List.of(e.submittedBy()), NotificationKind.BID_SCREENED,
                Text.of("bid-screened", e.challengeTitle(), decision, e.reason()), "/api/bids/" + e.bidId(), envelope.id());
    }

    @Transactional(propagation = MANDATORY)
    public void on(ScreeningStarted e, IncomingEvent envelope) {
        notifier.tell(recipients.withRoleIn(e.ownerOrganizationId(), "AGENCY"), NotificationKind.BIDS_RECEIVED,
                Text.of("bids-received", e.challengeTitle(), e.bidCount()), "/api/challenges/" + e.challengeId(),
                envelope.id());
    }

    @Transactional(propagation = MANDATORY)
    public void on(ScreeningCompleted e, IncomingEvent envelope) {
        watched.findById(e.challengeId()).ifPresent(c -> notifier.tell(
                recipients.withRoleIn(c.getOwnerOrganizationId(), "AGENCY"), NotificationKind.SCREENING_COMPLETED,
                Text.of("screening-completed", c.getTitle(), e.screenedIn(), e.screenedOut()),
                "/api/challenges/" + e.challengeId(), envelope.id()));
    }
}
