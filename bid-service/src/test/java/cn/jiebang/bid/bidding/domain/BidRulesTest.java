package cn.jiebang.bid.bidding.domain;

import cn.jiebang.bid.account.domain.KnownOrganization;
import cn.jiebang.bid.fixtures.BidContentBuilder;
import cn.jiebang.bid.fixtures.BiddingChallengeBuilder;
import cn.jiebang.problem.DomainProblem.FieldProblem;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static cn.jiebang.bid.fixtures.BidContentBuilder.aBidContent;
import static cn.jiebang.bid.fixtures.BidContentBuilder.commitment;
import static cn.jiebang.bid.fixtures.BiddingChallengeBuilder.aBiddingChallenge;
import static cn.jiebang.bid.fixtures.BiddingChallengeBuilder.target;
import static cn.jiebang.bid.fixtures.OrganizationBuilder.anOrganization;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One test per problem {@link BidRules#problems} can name. The challenge admits anyone, its window opens on
 * 1 December 2026 and its last round closes on 16 January 2027 (Beijing); it targets 分辨率 ≤ 28 nm.
 */
class BidRulesTest {

    private static final KnownOrganization LEAD = anOrganization("lead-org").build();
    private static final Map<String, KnownOrganization> REGISTERED = Stream.of("member-1", "member-2", "member-3")
            .map(id -> anOrganization(id).build()).collect(Collectors.toMap(KnownOrganization::organizationId,
                    Function.identity()));

    private static List<FieldProblem> problems(BiddingChallengeBuilder challenge, KnownOrganization lead,
                                               BidContentBuilder content) {
        return BidRules.problems(challenge.build(), lead, REGISTERED, content.build());
    }

    private static List<FieldProblem> problems(BiddingChallengeBuilder challenge, BidContentBuilder content) {
        return problems(challenge, LEAD, content);
    }

    private static List<String> fields(List<FieldProblem> problems) {
        return problems.stream().map(FieldProblem::field).toList();
    }

    @Test
    void aBidMeetingEveryRuleHasNoProblem() {
        assertEquals(List.of(), problems(aBiddingChallenge(), aBidContent().withMembers("member-1", "member-2")));
    }

    // ---- the lead organization (牵头单位) -------------------------------------------------------------------

    @Test
    void aLeadOutsideTheAdmittedRegionsIsRefused() {
        assertEquals(List.of(new FieldProblem("leadOrganization", "is in HEBEI; this challenge admits BEIJING, TIANJIN")),
                problems(aBiddingChallenge().admittingRegions("BEIJING", "TIANJIN"), anOrganization("lead-org").in("HEBEI")
                        .build(), aBidContent()));
        assertEquals(List.of(), problems(aBiddingChallenge().admittingRegions("BEIJING", "TIANJIN"), aBidContent()));
    }

    @Test
    void aLeadOfAKindNotAdmittedIsRefused() {
        assertEquals(List.of(new FieldProblem("leadOrganization",
                        "is a RESEARCH_INSTITUTE; this challenge admits UNIVERSITY, ENTERPRISE")),
                problems(aBiddingChallenge().admittingKinds("UNIVERSITY", "ENTERPRISE"),
                        anOrganization("lead-org").ofKind("RESEARCH_INSTITUTE").build(), aBidContent()));
    }

    @Test
    void aPastWinnerIsRefusedOnlyWhereTheChallengeExcludesPastWinners() {
        KnownOrganization winner = anOrganization("lead-org").thatWonBefore().build();
        assertEquals(List.of("leadOrganization"), fields(problems(aBiddingChallenge().excludingPastWinners(), winner,
                aBidContent())));
        assertEquals(List.of(), problems(aBiddingChallenge(), winner, aBidContent()));
    }

    @Test
    void emptyRegionAndKindListsAdmitEveryLead() {
        assertEquals(List.of(), problems(aBiddingChallenge(), anOrganization("lead-org").in("OTHER").ofKind("OTHER").build(),
                aBidContent()));
    }

    // ---- the consortium (联合体) ------------------------------------------------------------------------------

    @Test
    void moreMembersThanTheChallengeAllowsAreRefused() {
        assertEquals(List.of(new FieldProblem("memberOrganizationIds", "names 3 members; at most 2 besides the lead")),
                problems(aBiddingChallenge().withMaxConsortiumMembers(2),
                        aBidContent().withMembers("member-1", "member-2", "member-3")));
    }

    @Test
    void theLeadNamedAsAMemberIsRefused() {
        assertEquals(List.of(new FieldProblem("memberOrganizationIds[1]", "is the lead or named twice")),
                problems(aBiddingChallenge(), aBidContent().withMembers("member-1", "lead-org")));
    }

    @Test
    void aMemberNamedTwiceIsRefusedAtItsSecondMention() {
        assertEquals(List.of(new FieldProblem("memberOrganizationIds[1]", "is the lead or named twice")),
                problems(aBiddingChallenge(), aBidContent().withMembers("member-2", "member-2")));
    }

    @Test
    void aMemberThatIsNotARegisteredOrganizationIsRefused() {
        assertEquals(List.of(new FieldProblem("memberOrganizationIds[0]", "is not a registered organization")),
                problems(aBiddingChallenge(), aBidContent().withMembers("nobody", "member-1")));
    }

    // ---- budget and milestones ------------------------------------------------------------------------------

    @Test
    void aBudgetAboveTheChallengesTotalIsRefusedAndTheTotalItselfIsNot() {
        assertEquals(List.of(new FieldProblem("requestedBudget", "is above the challenge's total budget 3000000.00")),
                problems(aBiddingChallenge().withTotalBudget("3000000.00"), aBidContent().requesting("3000000.01")));
        assertEquals(List.of(), problems(aBiddingChallenge().withTotalBudget("3000000.00"),
                aBidContent().requesting("3000000.00")));
    }

    @Test
    void aMilestoneBeforeTheDayTheBidWindowOpensIsRefused() {
        assertEquals(List.of(new FieldProblem("milestones[1].dueOn", "is before 2026-12-01, the day the bid window opens")),
                problems(aBiddingChallenge(), aBidContent().withMilestonesDueOn(LocalDate.of(2026, 12, 1),
                        LocalDate.of(2026, 11, 30))));
    }

    @Test
    void aMilestoneAfterTheDayTheLastRoundClosesIsRefused() {
        assertEquals(List.of(new FieldProblem("milestones[1].dueOn",
                        "is after 2027-01-16, the day the challenge's last round closes")),
                problems(aBiddingChallenge(), aBidContent().withMilestonesDueOn(LocalDate.of(2027, 1, 16),
                        LocalDate.of(2027, 1, 17))));
    }

    @Test
    void theFirstAndTheLastDayAreBothWithinTheChallenge() {
        assertEquals(List.of(), problems(aBiddingChallenge(), aBidContent().withMilestonesDueOn(LocalDate.of(2026, 12, 1),
                LocalDate.of(2027, 1, 16))));
    }

    @Test
    void theDaysAreBeijingCalendarDays() {
        // 16:00 UTC on 30 November is midnight of 1 December in Beijing; 17:00 UTC on 16 January is 1:00 on the 17th
        BiddingChallengeBuilder challenge = aBiddingChallenge()
                .withBidWindowOpeningAt(Instant.parse("2026-11-30T16:00:00Z"))
                .withLastRoundClosingAt(Instant.parse("2027-01-16T17:00:00Z"));
        assertEquals(List.of("milestones[0].dueOn"), fields(problems(challenge,
                aBidContent().withMilestonesDueOn(LocalDate.of(2026, 11, 30)))));
        assertEquals(List.of(), problems(challenge, aBidContent().withMilestonesDueOn(LocalDate.of(2026, 12, 1),
                LocalDate.of(2027, 1, 17))));
    }

    @Test
    void withoutAPlannedRoundCloseNoMilestoneIsTooLate() {
        assertEquals(List.of(), problems(aBiddingChallenge().withoutRoundCloses(),
                aBidContent().withMilestonesDueOn(LocalDate.of(2035, 1, 1))));
    }

    // ---- committed indicators ---------------------------------------------------------------------------------

    @Test
    void aTargetWithoutACommittedValueIsRefused() {
        assertEquals(List.of(new FieldProblem("committedIndicators", "commit a value for 良率 ≥ 90 %")),
                problems(aBiddingChallenge().withTargets(target("分辨率", "28", "AT_MOST"), target("良率", "90", "AT_LEAST")),
                        aBidContent().committing(commitment("分辨率", "26"))));
    }

    @Test
    void aCommittedValueWeakerThanItsTargetIsRefusedInEitherDirection() {
        BiddingChallengeBuilder challenge = aBiddingChallenge()
                .withTargets(target("分辨率", "28", "AT_MOST"), target("良率", "90", "AT_LEAST"));
        assertEquals(List.of(new FieldProblem("committedIndicators[0].value", "is weaker than the target 分辨率 ≤ 28 nm"),
                        new FieldProblem("committedIndicators[1].value", "is weaker than the target 良率 ≥ 90 %")),
                problems(challenge, aBidContent().committing(commitment("分辨率", "28.000001"), commitment("良率", "89.99"))));
    }

    @Test
    void aCommittedValueEqualToItsTargetMeetsIt() {
        assertEquals(List.of(), problems(aBiddingChallenge().withTargets(target("分辨率", "28", "AT_MOST"),
                target("良率", "90", "AT_LEAST")), aBidContent().committing(commitment("良率", "90.00"),
                commitment("分辨率", "28.0"))));
    }

    @Test
    void aCommitmentToAnIndicatorTheChallengeDoesNotHaveIsRefused() {
        assertEquals(List.of(new FieldProblem("committedIndicators[1].name", "is not an indicator of this challenge")),
                problems(aBiddingChallenge(), aBidContent().committing(commitment("分辨率", "26"), commitment("良率", "99"))));
    }

    @Test
    void aTargetCommittedTwiceIsRefusedAtItsSecondCommitment() {
        assertEquals(List.of(new FieldProblem("committedIndicators[1].name", "is committed twice")),
                problems(aBiddingChallenge(), aBidContent().committing(commitment("分辨率", "26"), commitment("分辨率", "20"))));
    }

    // ---- together ---------------------------------------------------------------------------------------------

    @Test
    void everyProblemIsNamedByItsFieldInTheOrderOfTheBid() {
        List<FieldProblem> problems = problems(aBiddingChallenge().admittingRegions("TIANJIN").admittingKinds("ENTERPRISE")
                        .excludingPastWinners().withMaxConsortiumMembers(1),
                anOrganization("lead-org").thatWonBefore().build(),
                aBidContent().withMembers("lead-org", "nobody").requesting("9000000.00")
                        .withMilestonesDueOn(LocalDate.of(2001, 1, 1))
                        .committing(commitment("分辨率", "40"), commitment("良率", "1")));
        assertEquals(List.of("leadOrganization", "leadOrganization", "leadOrganization", "memberOrganizationIds",
                "memberOrganizationIds[0]", "memberOrganizationIds[1]", "requestedBudget", "milestones[0].dueOn",
                "committedIndicators[0].value", "committedIndicators[1].name"), fields(problems));
    }
}
