package cn.jiebang.notification.application;

import cn.jiebang.events.ChallengeAwarded;
import cn.jiebang.events.FundingReleased;
import cn.jiebang.events.JudgesAssigned;
import cn.jiebang.events.ObjectionFiled;
import cn.jiebang.events.ObjectionResolved;
import cn.jiebang.events.RoundAnnounced;
import cn.jiebang.events.RoundFinalized;
import cn.jiebang.messaging.IncomingEvent;
import cn.jiebang.notification.domain.Bidders;
import cn.jiebang.notification.domain.NotificationKind;
import cn.jiebang.notification.domain.Recipients;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

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
        boolean reassignment = "CONFLICT".equals(e.reason());
        count.forEach((judge, n) -> notifier.tell(List.of(judge), NotificationKind.JUDGES_ASSIGNED, new Notifier.Text(
                        (reassignment ? "改派评审：" : "评审任务：") + "第 " + e.roundIndex() + " 轮 " + n + " 份申报",
                        reassignment ? "另一位专家回避，由您评审" : "请在评审截止前完成评分",
                        (reassignment ? "Reassigned to you: " : "Your assignments: ") + n + " bids in round " + e.roundIndex(),
                        reassignment ? "Another judge declared a conflict" : "Score them before the round closes"),
                "/api/judging/assignments", envelope.id()));
    }

    @Transactional(propagation = MANDATORY)
    public void on(RoundAnnounced e, IncomingEvent envelope) {
        String zhPrefix = e.correction() ? "结果更正公示：" : "结果公示：";
        String enPrefix = e.correction() ? "Corrected results: " : "Results announced: ";
        // one notice per person, listing each of its bids (an organization may hold several)
        Map<String, List<RoundAnnounced.Result>> bySubmitter = new TreeMap<>();
        e.results().forEach(r -> bySubmitter.computeIfAbsent(r.submittedBy(), s -> new ArrayList<>()).add(r));
        bySubmitter.forEach((submitter, mine) -> {
            String zh = String.join("；", mine.stream().map(r -> "排名第 " + r.rank() + "，" + switch (r.decision()) {
                case "WINNER" -> "揭榜成功";
                case "ADVANCED" -> "晋级下一轮";
                default -> "未晋级";
            }).toList());
            String en = String.join("; ", mine.stream().map(r -> "ranked " + r.rank() + ", " + switch (r.decision()) {
                case "WINNER" -> "a winner";
                case "ADVANCED" -> "advancing to the next round";
                default -> "not advancing";
            }).toList());
            notifier.tell(List.of(submitter), NotificationKind.ROUND_RESULTS, new Notifier.Text(
                            zhPrefix + "「" + e.title() + "」第 " + e.roundIndex() + " 轮", "您的申报" + zh
                                    + "；公示至 " + Formats.beijing(e.publicityEndsAt()),
                            enPrefix + "\"" + e.title() + "\" round " + e.roundIndex(), "Your bid: " + en
                                    + "; objections until " + Formats.beijing(e.publicityEndsAt())),
                    link(e.challengeId()) + "/rounds/" + e.roundIndex() + "/results", envelope.id());
        });
        notifier.tell(recipients.withRoleIn(e.ownerOrganizationId(), "AGENCY"), NotificationKind.ROUND_RESULTS,
                new Notifier.Text(zhPrefix + "「" + e.title() + "」第 " + e.roundIndex() + " 轮", e.results().size() + " 份申报",
                        enPrefix + "\"" + e.title() + "\" round " + e.roundIndex(), e.results().size() + " bids"),
                link(e.challengeId()) + "/rounds/" + e.roundIndex() + "/results", envelope.id());
    }

    @Transactional(propagation = MANDATORY)
    public void on(ObjectionFiled e, IncomingEvent envelope) {
        notifier.tell(recipients.withRole("ADMIN"), NotificationKind.OBJECTION_FILED, new Notifier.Text(
                        "收到异议：「" + e.title() + "」第 " + e.roundIndex() + " 轮", "请在公示期内处理",
                        "Objection to \"" + e.title() + "\" round " + e.roundIndex(), "Resolve it during the 公示 period"),
                link(e.challengeId()) + "/rounds/" + e.roundIndex() + "/objections", envelope.id());
    }

    @Transactional(propagation = MANDATORY)
    public void on(ObjectionResolved e, IncomingEvent envelope) {
        boolean upheld = "UPHELD".equals(e.outcome());
        notifier.tell(List.of(e.filedBy()), NotificationKind.OBJECTION_RESOLVED, new Notifier.Text(
                        "您的异议" + (upheld ? "成立" : "未被采纳") + "：「" + e.title() + "」", "理由：" + e.resolution(),
                        "Your objection was " + (upheld ? "upheld" : "dismissed") + ": \"" + e.title() + "\"",
                        "Reason: " + e.resolution()),
                link(e.challengeId()) + "/rounds/" + e.roundIndex() + "/objections", envelope.id());
    }

    @Transactional(propagation = MANDATORY)
    public void on(RoundFinalized e, IncomingEvent envelope) {
        Map<String, java.math.BigDecimal> bySubmitter = new TreeMap<>();
        e.grants().forEach(g -> bySubmitter.merge(g.submittedBy(), g.amount(), java.math.BigDecimal::add));
        bySubmitter.forEach((submitter, amount) -> notifier.tell(List.of(submitter), NotificationKind.FUNDING,
                new Notifier.Text("经费拨付：「" + e.title() + "」第 " + e.roundIndex() + " 轮", "获得支持经费 ¥"
                        + amount.toPlainString(), "Tranche granted: \"" + e.title() + "\" round " + e.roundIndex(),
                        "Granted ¥" + amount.toPlainString()),
                link(e.challengeId()) + "/funding", envelope.id()));
    }

    @Transactional(propagation = MANDATORY)
    public void on(FundingReleased e, IncomingEvent envelope) {
        notifier.tell(List.of(e.submittedBy()), NotificationKind.FUNDING, new Notifier.Text(
                        "经费到位：「" + e.title() + "」", "已拨付 ¥" + e.amount().toPlainString(),
                        "Funds released: \"" + e.title() + "\"", "Released ¥" + e.amount().toPlainString()),
                link(e.challengeId()) + "/funding", envelope.id());
    }

    @Transactional(propagation = MANDATORY)
    public void on(ChallengeAwarded e, IncomingEvent envelope) {
        List<String> told = new ArrayList<>(recipients.withRoleIn(e.ownerOrganizationId(), "AGENCY"));
        told.addAll(bidders.of(e.challengeId()));
        e.winners().forEach(w -> told.add(w.submittedBy()));
        notifier.tell(told, NotificationKind.CHALLENGE_AWARDED, new Notifier.Text(
                        "揭榜结果：「" + e.title() + "」", e.winners().size() + " 个团队揭榜成功",
                        "Challenge awarded: \"" + e.title() + "\"", e.winners().size() + " winning teams"),
                link(e.challengeId()), envelope.id());
    }
}
