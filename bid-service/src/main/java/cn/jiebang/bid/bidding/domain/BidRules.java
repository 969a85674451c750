package cn.jiebang.bid.bidding.domain;

import cn.jiebang.bid.account.domain.KnownOrganization;
import cn.jiebang.bid.challenge.domain.BiddingChallenge;
import cn.jiebang.bid.challenge.domain.EligibilityRules;
import cn.jiebang.bid.challenge.domain.Target;
import cn.jiebang.problem.DomainProblem.FieldProblem;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The eligibility and content rules a bid must meet, checked at submission, at each revision and again
 * when bidding closes. Region and organization kind apply to the lead organization (牵头单位). A milestone
 * is due within the challenge: not before the day the bid window opens, nor after the day the last round
 * is planned to close (Beijing calendar days, both included); what a team promises for later could never
 * be judged, and a date before the window is a typing error, not a plan.
 */
public final class BidRules {

    private BidRules() {
    }

    /** Every rule the bid breaks, each named by the field to fix; empty when it may be accepted. */
    public static List<FieldProblem> problems(BiddingChallenge challenge, KnownOrganization lead,
                                              Map<String, KnownOrganization> knownMembers, BidContent content) {
        List<FieldProblem> problems = new ArrayList<>();
        EligibilityRules rules = challenge.getEligibility();
        if (!rules.allowedRegions().isEmpty() && !rules.allowedRegions().contains(lead.region())) {
            problems.add(new FieldProblem("leadOrganization", "is in " + lead.region() + "; this challenge admits "
                    + String.join(", ", rules.allowedRegions())));
        }
        if (!rules.allowedOrganizationKinds().isEmpty() && !rules.allowedOrganizationKinds().contains(lead.kind())) {
            problems.add(new FieldProblem("leadOrganization", "is a " + lead.kind() + "; this challenge admits "
                    + String.join(", ", rules.allowedOrganizationKinds())));
        }

        if (rules.excludePastWinners() && lead.pastWinner()) {
            problems.add(new FieldProblem("leadOrganization", "has won a challenge on the platform before; this "
                    + "challenge excludes past winners"));
        }

        List<String> members = content.memberOrganizationIds();
        if (members.size() > rules.maxConsortiumMembers()) {
            problems.add(new FieldProblem("memberOrganizationIds", "names " + members.size() + " members; at most "
                    + rules.maxConsortiumMembers() + " besides the lead"));
        }
        Set<String> seen = new HashSet<>();
        seen.add(lead.organizationId());
        for (int i = 0; i < members.size(); i++) {
            if (!seen.add(members.get(i))) {
                problems.add(new FieldProblem("memberOrganizationIds[" + i + "]", "is the lead or named twice"));
            } else if (!knownMembers.containsKey(members.get(i))) {
                problems.add(new FieldProblem("memberOrganizationIds[" + i + "]", "is not a registered organization"));
            }
        }

        if (content.requestedBudget().compareTo(challenge.getTotalBudget()) > 0) {
            problems.add(new FieldProblem("requestedBudget", "is above the challenge's total budget "
                    + challenge.getTotalBudget().toPlainString()));
        }

        LocalDate firstDay = challenge.firstDayOfBidding();
        Optional<LocalDate> lastDay = challenge.lastDayOfEvaluation();
        List<BidContent.Milestone> milestones = content.milestones();
        for (int i = 0; i < milestones.size(); i++) {
            LocalDate dueOn = milestones.get(i).dueOn();
            if (dueOn.isBefore(firstDay)) {
                problems.add(new FieldProblem("milestones[" + i + "].dueOn", "is before " + firstDay
                        + ", the day the bid window opens"));
            } else if (lastDay.isPresent() && dueOn.isAfter(lastDay.get())) {
                problems.add(new FieldProblem("milestones[" + i + "].dueOn", "is after " + lastDay.get()
                        + ", the day the challenge's last round closes"));
            }
        }

        List<BidContent.CommittedIndicator> committed = content.committedIndicators();
        Set<String> targets = new HashSet<>();
        for (Target target : challenge.getIndicators()) {
            targets.add(target.name());
            Optional<Integer> at = indexOf(committed, target.name());
            if (at.isEmpty()) {
                problems.add(new FieldProblem("committedIndicators", "commit a value for " + target.describe()));
            } else if (!target.isMetBy(committed.get(at.get()).value())) {
                problems.add(new FieldProblem("committedIndicators[" + at.get() + "].value", "is weaker than the target "
                        + target.describe()));
            }
        }
        for (int i = 0; i < committed.size(); i++) {
            if (!targets.contains(committed.get(i).name())) {
                problems.add(new FieldProblem("committedIndicators[" + i + "].name", "is not an indicator of this challenge"));
            } else if (indexOf(committed, committed.get(i).name()).orElseThrow() != i) {
                problems.add(new FieldProblem("committedIndicators[" + i + "].name", "is committed twice"));
            }
        }
        return problems;
    }

    private static Optional<Integer> indexOf(List<BidContent.CommittedIndicator> committed, String name) {
        for (int i = 0; i < committed.size(); i++) {
            if (committed.get(i).name().equals(name)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }
}
