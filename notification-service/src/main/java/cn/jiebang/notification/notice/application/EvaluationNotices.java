package cn.jiebang.notification.notice.application;

import cn.jiebang.events.ChallengeAwarded;
import cn.jiebang.events.FundingReleased;
import cn.jiebang.events.JudgesAssigned;
import cn.jiebang.events.ObjectionFiled;
import cn.jiebang.events.ObjectionResolved;
import cn.jiebang.events.RoundAnnounced;
import cn.jiebang.events.RoundFinalized;
import cn.jiebang.messaging.IncomingEvent;
import cn.jiebang.notification.inbox.domain.NotificationKind;
import cn.jiebang.notification.notice.application.Notifier.Message;
import cn.jiebang.notification.notice.application.Notifier.Text;
import cn.jiebang.notification.notice.domain.Bidders;
import cn.jiebang.notification.recipient.domain.Recipients;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.micronaut.transaction.TransactionDefinition.Propagation.MANDATORY;

/**
 * Judging and the horse race told to those concerned: judges of their assignments and reassignments; the
 * teams of a round of its results, of their objections' outcome, of tranches granted and released and of the
 * award; the owner agency of results and the award; the program office of objections.
 */
@Singleton
public class EvaluationNotices {

    private final Notifier notifier;
    private final Recipients recipients;
    private final Bidders bidders;

    EvaluationNotices(Notifier notifier, Recipients recipients, Bidders bidders) {
        this.notifier = notifier;
        this.recipients = recipients;
        this.bidders = bidders;
    }

    private static String link(String challengeId) {
        return "/api/challenges/" + challengeId;
    }

    @Transactional(propagation = MANDATORY)
    public void on(JudgesAssigned e, IncomingEvent envelope) {
        Map<String, Integer> count = new TreeMap<>();
        e.assignments().forEach(a -> count.merge(a.judgeId(), 1, Integer::sum));
        String key = "CONFLICT".equals(e.reason()) ? "judges-assigned.reassigned" : "judges-assigned";
        count.forEach((judge, n) -> notifier.tell(List.of(judge), NotificationKind.JUDGES_ASSIGNED,
                Text.of(key, e.roundIndex(), n), "/api/judging/assignments", envelope.id()));
    }

    @Transactional(propagation = MANDATORY)
    public void on(RoundAnnounced e, IncomingEvent envelope) {
        Message title = Message.of(e.correction() ? "round-results.corrected.title" : "round-results.title", e.title(),
                e.roundIndex());
        String link = link(e.challengeId()) + "/rounds/" + e.roundIndex() + "/results";
        // one notice per person, listing each of its bids (an organization may hold several)
        Map<String, List<RoundAnnounced.Result>> bySubmitter = new TreeMap<>();
        e.results().forEach(r -> bySubmitter.computeIfAbsent(r.submittedBy(), s -> new ArrayList<>()).add(r));
        bySubmitter.forEach((submitter, mine) -> {
            List<Message> ranks = mine.stream().map(r -> Message.of("round-results.rank", r.rank(),
                    Message.of("round-results.decision." + switch (r.decision()) {
                        case "WINNER", "ADVANCED" -> r.decision();
                        default -> "NOT_ADVANCED";
                    }))).toList();
            notifier.tell(List.of(submitter), NotificationKind.ROUND_RESULTS,
                    new Text(title, Message.of("round-results.body", ranks, e.publicityEndsAt())), link, envelope.id());
        });
        notifier.tell(recipients.withRoleIn(e.ownerOrganizationId(), "AGENCY"), NotificationKind.ROUND_RESULTS,
                new Text(title, Message.of("round-results.agency.body", e.results().size())), link, envelope.id());
    }

    @Transactional(propagation = MANDATORY)
    public void on(ObjectionFiled e, IncomingEvent envelope) {
        notifier.tell(recipients.withRole("ADMIN"), NotificationKind.OBJECTION_FILED,
                Text.of("objection-filed", e.title(), e.roundIndex()),
                link(e.challengeId()) + "/rounds/" + e.roundIndex() + "/objections", envelope.id());
    }

    @Transactional(propagation = MANDATORY)
    public void on(ObjectionResolved e, IncomingEvent envelope) {
        Message outcome = Message.of("UPHELD".equals(e.outcome()) ? "objection-resolved.upheld" : "objection-resolved.dismissed");
        notifier.tell(List.of(e.filedBy()), NotificationKind.OBJECTION_RESOLVED,
                Text.of("objection-resolved", e.title(), outcome, e.resolution()),
                link(e.challengeId()) + "/rounds/" + e.roundIndex() + "/objections", envelope.id());
    }

    @Transactional(propagation = MANDATORY)
    public void on(RoundFinalized e, IncomingEvent envelope) {
        Map<String, BigDecimal> bySubmitter = new TreeMap<>();
        e.grants().forEach(g -> bySubmitter.merge(g.submittedBy(), g.amount(), BigDecimal::add));
        bySubmitter.forEach((submitter, amount) -> notifier.tell(List.of(submitter), NotificationKind.FUNDING,
                Text.of("funding.granted", e.title(), e.roundIndex(), amount), link(e.challengeId()) + "/funding",
                envelope.id()));
    }

    @Transactional(propagation = MANDATORY)
    public void on(FundingReleased e, IncomingEvent envelope) {
        notifier.tell(List.of(e.submittedBy()), NotificationKind.FUNDING,
                Text.of("funding.released", e.title(), e.amount()), link(e.challengeId()) + "/funding", envelope.id());
    }

    @Transactional(propagation = MANDATORY)
    public void on(ChallengeAwarded e, IncomingEvent envelope) {
        List<String> told = new ArrayList<>(recipients.withRoleIn(e.ownerOrganizationId(), "AGENCY"));
        told.addAll(bidders.of(e.challengeId()));
        e.winners().forEach(w -> told.add(w.submittedBy()));
        notifier.tell(told, NotificationKind.CHALLENGE_AWARDED,
                Text.of("challenge-awarded", e.title(), e.winners().size()), link(e.challengeId()), envelope.id());
    }
}
