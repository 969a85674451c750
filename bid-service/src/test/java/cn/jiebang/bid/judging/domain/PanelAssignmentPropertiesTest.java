package cn.jiebang.bid.judging.domain;

import cn.jiebang.bid.judging.domain.PanelAssignment.Bid;
import cn.jiebang.bid.judging.domain.PanelAssignment.Judge;
import cn.jiebang.bid.judging.domain.PanelAssignment.Plan;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@link PanelAssignment#assign} promises, over random rounds: up to 12 bids whose lead and members come from a
 * handful of organizations, a panel of up to 12 judges drawn from the same organizations (one in ten unknown to
 * bid-service), and 1–5 judges required per bid.
 */
class PanelAssignmentPropertiesTest {

    /** A round as {@code assign} sees it. */
    record Round(List<Bid> bids, List<Judge> panel, int minJudges) {

        /** The panel judges who may judge {@code bid}: of a known organization that takes no part in it. */
        Set<String> eligible(Bid bid) {
            return panel.stream().filter(j -> j.organization() != null && !bid.organizations().contains(j.organization()))
                    .map(Judge::judgeId).collect(Collectors.toSet());
        }

        Plan plan() {
            return PanelAssignment.assign(bids, panel, minJudges);
        }
    }

    @Provide
    Arbitrary<Round> rounds() {
        return Arbitraries.integers().between(1, 6).flatMap(organizations -> {
            Arbitrary<String> organization = Arbitraries.integers().between(1, organizations).map(i -> "org-" + i);
            return Combinators.combine(
                    organization.set().ofMinSize(1).ofMaxSize(4).list().ofMaxSize(12),
                    organization.injectNull(0.1).list().ofMaxSize(12),
                    Arbitraries.integers().between(1, 5)).as(PanelAssignmentPropertiesTest::round);
        });
    }

    /** Rounds without a single conflict: the judges' organizations take no part in any bid. */
    @Provide
    Arbitrary<Round> roundsWithoutConflicts() {
        Arbitrary<String> team = Arbitraries.integers().between(1, 6).map(i -> "team-" + i);
        Arbitrary<String> office = Arbitraries.integers().between(1, 4).map(i -> "office-" + i);
        return Combinators.combine(team.set().ofMinSize(1).ofMaxSize(4).list().ofMaxSize(12),
                office.list().ofMinSize(1).ofMaxSize(10),
                Arbitraries.integers().between(1, 5)).as(PanelAssignmentPropertiesTest::round);
    }

    private static Round round(List<Set<String>> bidOrganizations, List<String> judgeOrganizations, int minJudges) {
        List<Bid> bids = IntStream.range(0, bidOrganizations.size())
                .mapToObj(i -> new Bid("bid-" + i, bidOrganizations.get(i))).toList();
        List<Judge> panel = IntStream.range(0, judgeOrganizations.size())
                .mapToObj(i -> new Judge("judge-" + i, judgeOrganizations.get(i))).toList();
        return new Round(bids, panel, minJudges);
    }

    private static Map<String, Integer> load(Round round, Plan plan) {
        Map<String, Integer> load = new TreeMap<>();
        round.panel().forEach(j -> load.put(j.judgeId(), 0));
        plan.judgesByBid().values().forEach(judges -> judges.forEach(j -> load.merge(j, 1, Integer::sum)));
        return load;
    }

    private static int spread(Collection<Integer> loads) {
        return loads.isEmpty() ? 0 : Collections.max(loads) - Collections.min(loads);
    }

    @Property
    void noJudgeIsEverAssignedABidOfItsOwnOrganizationNorOneItsOrganizationIsAMemberOf(@ForAll("rounds") Round round) {
        Plan plan = round.plan();
        Map<String, String> organizationOf = new HashMap<>();
        round.panel().forEach(j -> organizationOf.put(j.judgeId(), j.organization()));
        for (Bid bid : round.bids()) {
            for (String judge : plan.judgesByBid().get(bid.bidId())) {
                String organization = organizationOf.get(judge);
                assertTrue(organization != null && !bid.organizations().contains(organization),
                        judge + " of " + organization + " on " + bid);
            }
        }
    }

    @Property
    void everyBidGetsTheRequiredJudgesWhenEnoughAreEligibleAndAllThereAreOtherwise(@ForAll("rounds") Round round) {
        Plan plan = round.plan();
        assertEquals(round.bids().stream().map(Bid::bidId).collect(Collectors.toSet()), plan.judgesByBid().keySet());
        for (Bid bid : round.bids()) {
            List<String> judges = plan.judgesByBid().get(bid.bidId());
            int eligible = round.eligible(bid).size();
            assertEquals(Math.min(round.minJudges(), eligible), judges.size(), bid + " in " + round);
            assertEquals(judges.size(), new HashSet<>(judges).size(), "no judge twice on " + bid);
        }
    }

    @Property
    void exactlyTheBidsWithFewerEligibleJudgesThanRequiredAreReportedShort(@ForAll("rounds") Round round) {
        Plan plan = round.plan();
        Set<String> short_ = round.bids().stream().filter(b -> round.eligible(b).size() < round.minJudges())
                .map(Bid::bidId).collect(Collectors.toSet());
        assertEquals(short_, new HashSet<>(plan.shortOfJudges()));
        assertEquals(short_.size(), plan.shortOfJudges().size(), "each reported once");
    }

    @Property
    void withoutConflictsEveryJudgeOfThePanelCarriesTheSameLoadGiveOrTakeOne(
            @ForAll("roundsWithoutConflicts") Round round) {
        Map<String, Integer> load = load(round, round.plan());
        assertTrue(spread(load.values()) <= 1, load + " for " + round);
        assertEquals(round.bids().size() * Math.min(round.minJudges(), round.panel().size()),
                load.values().stream().mapToInt(Integer::intValue).sum());
    }

    /**
     * With conflicts the panel as a whole cannot always be balanced, and the greedy plan does not promise the best
     * balance there is; what it does promise: judges who may judge exactly the same bids (those of one
     * organization, for instance) carry the same load give or take one.
     */
    @Property
    void judgesWhoMayJudgeTheSameBidsCarryTheSameLoadGiveOrTakeOne(@ForAll("rounds") Round round) {
        Map<String, Integer> load = load(round, round.plan());
        Map<Set<String>, List<Integer>> loadsByEligibility = new HashMap<>();
        for (Judge judge : round.panel()) {
            Set<String> mayJudge = round.bids().stream().filter(b -> round.eligible(b).contains(judge.judgeId()))
                    .map(Bid::bidId).collect(Collectors.toSet());
            loadsByEligibility.computeIfAbsent(mayJudge, k -> new ArrayList<>()).add(load.get(judge.judgeId()));
        }
        loadsByEligibility.forEach((bids, loads) ->
                assertTrue(spread(loads) <= 1, "judges who may judge " + bids + " carry " + loads + " in " + round));
    }

    @Property
    void thePlanIsTheSameWhateverOrderTheBidsAndTheJudgesComeIn(@ForAll("rounds") Round round, @ForAll long seed) {
        Random random = new Random(seed);
        List<Bid> bids = new ArrayList<>(round.bids());
        List<Judge> panel = new ArrayList<>(round.panel());
        Collections.shuffle(bids, random);
        Collections.shuffle(panel, random);
        Plan plan = round.plan();
        Plan shuffled = PanelAssignment.assign(bids, panel, round.minJudges());
        assertEquals(plan.judgesByBid(), shuffled.judgesByBid());
        assertEquals(plan.shortOfJudges(), shuffled.shortOfJudges());
    }

    @Property
    void aReplacementIsAnEligibleJudgeNewToTheBidWithTheLeastLoad(@ForAll("rounds") Round round, @ForAll long seed) {
        if (round.bids().isEmpty()) {
            return;
        }
        Random random = new Random(seed);
        Bid bid = round.bids().get(random.nextInt(round.bids().size()));
        Set<String> beenOnIt = new HashSet<>();
        Map<String, Integer> load = new HashMap<>();
        for (Judge judge : round.panel()) {
            if (random.nextInt(3) == 0) {
                beenOnIt.add(judge.judgeId());
            }
            load.put(judge.judgeId(), random.nextInt(4));
        }
        Set<String> candidates = new HashSet<>(round.eligible(bid));
        candidates.removeAll(beenOnIt);

        Optional<String> replacement = PanelAssignment.replacement(bid, round.panel(), beenOnIt, load);
        Optional<String> expected = candidates.stream()
                .min(Comparator.comparing((String j) -> load.get(j)).thenComparing(j -> j));
        assertEquals(expected, replacement);
    }
}
