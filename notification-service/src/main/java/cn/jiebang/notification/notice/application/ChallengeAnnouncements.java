package cn.jiebang.notification.notice.application;

import cn.jiebang.events.ChallengeAmended;
import cn.jiebang.events.ChallengeBiddingClosed;
import cn.jiebang.events.ChallengeCancelled;
import cn.jiebang.events.ChallengeFailed;
import cn.jiebang.events.ChallengePublished;
import cn.jiebang.events.RoundOpened;
import cn.jiebang.messaging.IncomingEvent;
import cn.jiebang.notification.inbox.domain.NotificationKind;
import cn.jiebang.notification.notice.application.Notifier.Message;
import cn.jiebang.notification.notice.application.Notifier.Text;
import cn.jiebang.notification.notice.domain.Bidders;
import cn.jiebang.notification.notice.domain.WatchedChallenge;
import cn.jiebang.notification.notice.domain.WatchedChallenges;
import cn.jiebang.notification.preference.domain.Subscriptions;
import cn.jiebang.notification.recipient.domain.Recipients;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.micronaut.transaction.TransactionDefinition.Propagation.MANDATORY;

/**
 * What happens to challenges, told to those it concerns: teams following the challenge's field or region
 * hear of it being published, amended or cancelled; its bidders of amendments, cancellation, the close and
 * 流榜; the owner agency of 流榜; the judges of a round's panel of its opening.
 */
@Singleton
public class ChallengeAnnouncements {

    private final Notifier notifier;
    private final WatchedChallenges watched;
    private final Subscriptions subscriptions;
    private final Bidders bidders;
    private final Recipients recipients;

    ChallengeAnnouncements(Notifier notifier, WatchedChallenges watched, Subscriptions subscriptions, Bidders bidders,
                           Recipients recipients) {
        this.notifier = notifier;
        this.watched = watched;
        this.subscriptions = subscriptions;
        this.bidders = bidders;
        this.recipients = recipients;
    }

    private static String link(String challengeId) {
        return "/api/challenges/" + challengeId;
    }

    @Transactional(propagation = MANDATORY)
    public void on(ChallengePublished e, IncomingEvent envelope) {
        watched.save(WatchedChallenge.published(e.challengeId(), e.title(), e.technologyField(), e.region(),
                e.ownerOrganizationId(), e.bidClosesAt()));
        notifier.tell(subscriptions.followersOf(e.technologyField(), e.region()), NotificationKind.CHALLENGE_PUBLISHED,
                Text.of("challenge-published", e.title(), e.totalBudget(), e.bidClosesAt()), link(e.challengeId()),
                envelope.id());
    }

    @Transactional(propagation = MANDATORY)
    public void on(ChallengeAmended e, IncomingEvent envelope) {
        boolean extended = "DEADLINE_EXTENDED".equals(e.kind());
        Optional<WatchedChallenge> challenge = watched.findById(e.challengeId());
        if (extended) {
            challenge.ifPresent(c -> {
                c.extendDeadline(e.bidClosesAt());
                watched.update(c);
            });
        }
        notifier.tell(followersAndBidders(challenge, e.challengeId()), NotificationKind.CHALLENGE_AMENDED,
                Text.of(extended ? "challenge-amended.extended" : "challenge-amended.clarified", e.title(), e.text(),
                        e.bidClosesAt()),
                link(e.challengeId()), envelope.id());
    }

    @Transactional(propagation = MANDATORY)
    public void on(ChallengeCancelled e, IncomingEvent envelope) {
        Optional<WatchedChallenge> challenge = watched.findById(e.challengeId());
        challenge.ifPresent(c -> {
            c.cancel();
            watched.update(c);
        });
        notifier.tell(followersAndBidders(challenge, e.challengeId()), NotificationKind.CHALLENGE_CANCELLED,
                Text.of("challenge-cancelled", e.title(), e.reason()),
                link(e.challengeId()), envelope.id());
    }

    @Transactional(propagation = MANDATORY)
    public void on(ChallengeBiddingClosed e, IncomingEvent envelope) {
        notifier.tell(bidders.of(e.challengeId()), NotificationKind.BIDDING_CLOSED,
                Text.of("bidding-closed", e.title()),
                link(e.challengeId()), envelope.id());
    }

    @Transactional(propagation = MANDATORY)
    public void on(ChallengeFailed e, IncomingEvent envelope) {
        List<String> told = new ArrayList<>(recipients.withRoleIn(e.ownerOrganizationId(), "AGENCY"));
        told.addAll(bidders.of(e.challengeId()));
        Object reason = switch (e.reason()) {
            case "NO_BIDS", "NONE_SCREENED_IN", "NOBODY_ADVANCED" -> Message.of("challenge-failed.reason." + e.reason());
            default -> e.reason();
        };
        notifier.tell(told, NotificationKind.CHALLENGE_FAILED, Text.of("challenge-failed", e.title(), reason),
                link(e.challengeId()), envelope.id());
    }

    @Transactional(propagation = MANDATORY)
    public void on(RoundOpened e, IncomingEvent envelope) {
        notifier.tell(e.judgeIds(), NotificationKind.ROUND_OPENED,
                Text.of("round-opened", e.name(), e.roundIndex(), e.closesAt()), link(e.challengeId()), envelope.id());
    }

    private List<String> followersAndBidders(Optional<WatchedChallenge> challenge, String challengeId) {
        List<String> told = new ArrayList<>(challenge.map(c -> subscriptions.followersOf(c.getTechnologyField(), c.getRegion()))
                .orElse(List.of()));
        told.addAll(bidders.of(challengeId));
        return told;
    }
}
