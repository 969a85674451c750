package cn.jiebang.notification.application;

import cn.jiebang.events.ChallengeAmended;
import cn.jiebang.events.ChallengeBiddingClosed;
import cn.jiebang.events.ChallengeCancelled;
import cn.jiebang.events.ChallengeFailed;
import cn.jiebang.events.ChallengePublished;
import cn.jiebang.events.RoundOpened;
import cn.jiebang.messaging.IncomingEvent;
import cn.jiebang.notification.domain.Bidders;
import cn.jiebang.notification.domain.NotificationKind;
import cn.jiebang.notification.domain.Recipients;
import cn.jiebang.notification.domain.Subscriptions;
import cn.jiebang.notification.domain.WatchedChallenge;
import cn.jiebang.notification.domain.WatchedChallenges;
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
        watched.save(new WatchedChallenge(e.challengeId(), e.title(), e.technologyField(), e.region(),
                e.ownerOrganizationId(), e.bidClosesAt(), false));
        String budget = e.totalBudget().toPlainString();
        notifier.tell(subscriptions.followersOf(e.technologyField(), e.region()), NotificationKind.CHALLENGE_PUBLISHED,
                new Notifier.Text("新榜单发布：" + e.title(), "榜额 ¥" + budget + " · 揭榜截止 " + Formats.beijing(e.bidClosesAt()),
                        "New challenge: " + e.title(), "Budget ¥" + budget + " · bids close "
                        + Formats.beijing(e.bidClosesAt())),
                link(e.challengeId()), envelope.id());
    }

    @Transactional(propagation = MANDATORY)
    public void on(ChallengeAmended e, IncomingEvent envelope) {
        boolean extended = "DEADLINE_EXTENDED".equals(e.kind());
        Optional<WatchedChallenge> challenge = watched.findById(e.challengeId());
        if (extended) {
            challenge.map(c -> new WatchedChallenge(c.challengeId(), c.title(), c.technologyField(), c.region(),
                    c.ownerOrganizationId(), e.bidClosesAt(), c.cancelled())).ifPresent(watched::update);
        }
        String deadline = Formats.beijing(e.bidClosesAt());
        notifier.tell(followersAndBidders(challenge, e.challengeId()), NotificationKind.CHALLENGE_AMENDED,
                new Notifier.Text((extended ? "揭榜截止延期：" : "榜单答疑：") + e.title(),
                        (extended ? "新截止 " + deadline + " · " : "") + e.text(),
                        (extended ? "Deadline extended: " : "Clarification: ") + e.title(),
                        (extended ? "New deadline " + deadline + " · " : "") + e.text()),
                link(e.challengeId()), envelope.id());
    }

    @Transactional(propagation = MANDATORY)
    public void on(ChallengeCancelled e, IncomingEvent envelope) {
        Optional<WatchedChallenge> challenge = watched.findById(e.challengeId());
        challenge.map(c -> new WatchedChallenge(c.challengeId(), c.title(), c.technologyField(), c.region(),
                c.ownerOrganizationId(), c.bidClosesAt(), true)).ifPresent(watched::update);
        notifier.tell(followersAndBidders(challenge, e.challengeId()), NotificationKind.CHALLENGE_CANCELLED,
                new Notifier.Text("撤榜：" + e.title(), e.reason(), "Challenge cancelled: " + e.title(), e.reason()),
                link(e.challengeId()), envelope.id());
    }

    @Transactional(propagation = MANDATORY)
    public void on(ChallengeBiddingClosed e, IncomingEvent envelope) {
        notifier.tell(bidders.of(e.challengeId()), NotificationKind.BIDDING_CLOSED,
                new Notifier.Text("「" + e.title() + "」揭榜截止，进入形式审查", "",
                        "Bidding on \"" + e.title() + "\" closed; screening begins", ""),
                link(e.challengeId()), envelope.id());
    }

    @Transactional(propagation = MANDATORY)
    public void on(ChallengeFailed e, IncomingEvent envelope) {
        List<String> told = new ArrayList<>(recipients.withRoleIn(e.ownerOrganizationId(), "AGENCY"));
        told.addAll(bidders.of(e.challengeId()));
        String zh = switch (e.reason()) {
            case "NO_BIDS" -> "无人揭榜";
            case "NONE_SCREENED_IN" -> "无申报通过形式审查";
            case "NOBODY_ADVANCED" -> "无团队晋级";
            default -> e.reason();
        };
        String en = switch (e.reason()) {
            case "NO_BIDS" -> "no bid was received";
            case "NONE_SCREENED_IN" -> "no bid passed screening";
            case "NOBODY_ADVANCED" -> "no team went on";
            default -> e.reason();
        };
        notifier.tell(told, NotificationKind.CHALLENGE_FAILED,
                new Notifier.Text("流榜：" + e.title(), "原因：" + zh, "Challenge failed: " + e.title(), "Reason: " + en),
                link(e.challengeId()), envelope.id());
    }

    @Transactional(propagation = MANDATORY)
    public void on(RoundOpened e, IncomingEvent envelope) {
        String closes = Formats.beijing(e.closesAt());
        notifier.tell(e.judgeIds(), NotificationKind.ROUND_OPENED,
                new Notifier.Text("评审开始：第 " + e.roundIndex() + " 轮「" + e.name() + "」", "您是本轮评审专家，评审截止 " + closes,
                        "Round " + e.roundIndex() + " \"" + e.name() + "\" opened", "You are on its judge panel; it closes "
                        + closes),
                link(e.challengeId()), envelope.id());
    }

    private List<String> followersAndBidders(Optional<WatchedChallenge> challenge, String challengeId) {
        List<String> told = new ArrayList<>(challenge.map(c -> subscriptions.followersOf(c.technologyField(), c.region()))
                .orElse(List.of()));
        told.addAll(bidders.of(challengeId));
        return told;
    }
}
