package cn.jiebang.notification.application;

import cn.jiebang.events.BidRevised;
import cn.jiebang.events.BidScreened;
import cn.jiebang.events.BidSubmitted;
import cn.jiebang.events.BidWithdrawn;
import cn.jiebang.events.ScreeningStarted;
import cn.jiebang.messaging.IncomingEvent;
import cn.jiebang.notification.domain.Notification;
import cn.jiebang.notification.domain.NotificationKind;
import cn.jiebang.notification.domain.Notifications;
import cn.jiebang.notification.domain.Recipient;
import cn.jiebang.notification.domain.Recipients;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Arrays;

import static io.micronaut.transaction.TransactionDefinition.Propagation.MANDATORY;

/**
 * What bids mean for people: the team member who submitted gets each receipt, the withdrawal and the
 * screening result with its reason; the owner agency's users hear how many bids came in once bidding closed.
 * In the recipient's language (Chinese unless the user chose English).
 */
@Singleton
public class BidNotices {

    private final Notifications notifications;
    private final Recipients recipients;
    private final Clock clock;

    BidNotices(Notifications notifications, Recipients recipients, Clock clock) {
        this.notifications = notifications;
        this.recipients = recipients;
        this.clock = clock;
    }

    @Transactional(propagation = MANDATORY)
    public void on(BidSubmitted e, IncomingEvent envelope) {
        receipt(e.submittedBy(), e.challengeTitle(), e.bidId(), e.version(), e.contentHash(), e.submittedAt().toString(),
                envelope);
    }

    @Transactional(propagation = MANDATORY)
    public void on(BidRevised e, IncomingEvent envelope) {
        receipt(e.submittedBy(), e.challengeTitle(), e.bidId(), e.version(), e.contentHash(), e.submittedAt().toString(),
                envelope);
    }

    private void receipt(String to, String challenge, String bidId, int version, String hash, String at,
                         IncomingEvent envelope) {
        boolean english = recipients.readsEnglish(to);
        String title = english ? "Receipt: version " + version + " of your bid on \"" + challenge + "\""
                : "申报回执：「" + challenge + "」第 " + version + " 版";
        String body = english ? "Received at " + at + " (server time). SHA-256 of the content: " + hash
                : "服务器接收时间 " + at + "；内容 SHA-256：" + hash;
        notifications.save(Notification.to(to, NotificationKind.BID_RECEIPT, title, body, "/api/bids/" + bidId,
                envelope.id(), clock.instant()));
    }

    @Transactional(propagation = MANDATORY)
    public void on(BidWithdrawn e, IncomingEvent envelope) {
        boolean english = recipients.readsEnglish(e.withdrawnBy());
        String title = english ? "Your bid on \"" + e.challengeTitle() + "\" was withdrawn"
                : "您已撤回「" + e.challengeTitle() + "」的申报";
        notifications.save(Notification.to(e.withdrawnBy(), NotificationKind.BID_WITHDRAWN, title, "",
                "/api/bids/" + e.bidId(), envelope.id(), clock.instant()));
    }

    @Transactional(propagation = MANDATORY)
    public void on(BidScreened e, IncomingEvent envelope) {
        boolean english = recipients.readsEnglish(e.submittedBy());
        boolean in = "SCREENED_IN".equals(e.decision());
        String title = english
                ? "Your bid on \"" + e.challengeTitle() + "\" " + (in ? "passed" : "did not pass") + " screening"
                : "您在「" + e.challengeTitle() + "」的申报形式审查" + (in ? "已通过" : "未通过");
        String body = (english ? "Reason: " : "理由：") + e.reason();
        notifications.save(Notification.to(e.submittedBy(), NotificationKind.BID_SCREENED, title, body,
                "/api/bids/" + e.bidId(), envelope.id(), clock.instant()));
    }

    @Transactional(propagation = MANDATORY)
    public void on(ScreeningStarted e, IncomingEvent envelope) {
        for (Recipient agency : recipients.findByOrganizationId(e.ownerOrganizationId())) {
            if (!Arrays.asList(agency.roles().split(",")).contains("AGENCY")) {
                continue;
            }
            boolean english = "en".equals(agency.language());
            String title = english ? "Bidding on \"" + e.challengeTitle() + "\" closed with " + e.bidCount() + " bids"
                    : "「" + e.challengeTitle() + "」揭榜截止，共收到 " + e.bidCount() + " 份申报";
            notifications.save(Notification.to(agency.userId(), NotificationKind.BIDS_RECEIVED, title, "",
                    "/api/challenges/" + e.challengeId() + "/bids", envelope.id(), clock.instant()));
        }
    }
}
