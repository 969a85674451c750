package cn.jiebang.bid.judging.domain;

import cn.jiebang.bid.judging.domain.PanelAssignment.Bid;
import cn.jiebang.bid.judging.domain.PanelAssignment.Judge;
import cn.jiebang.bid.judging.domain.PanelAssignment.Plan;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class PanelAssignmentTest {

    static Bid bid(String id, String... organizations) {
        return new Bid(id, Set.of(organizations));
    }

    static Judge judge(String id, String organization) {
        return new Judge(id, organization);
    }

    /** How many bids each judge of the panel got. */
    static Map<String, Integer> load(Plan plan, List<Judge> panel) {
        Map<String, Integer> load = new TreeMap<>();
        panel.forEach(j -> load.put(j.judgeId(), 0));
        plan.judgesByBid().values().forEach(judges -> judges.forEach(j -> load.merge(j, 1, Integer::sum)));
        return load;
    }

    @Test
    void noJudgeIsAssignedABidOfItsLeadOrMemberOrganizationAndTheLoadIsEven() {
        // JudgingIT's round: T1 has member M; J1 is of T2's organization, J2 of M, J3 and J4 independent
        List<Bid> bids = List.of(bid("b1", "t1", "m"), bid("b2", "t2"), bid("b3", "t3"), bid("b4", "t4"));
        List<Judge> panel = List.of(judge("j1", "t2"), judge("j2", "m"), judge("j3", "x"), judge("j4", "y"));
        Plan plan = PanelAssignment.assign(bids, panel, 2);
        assertFalse(plan.judgesByBid().get("b2").contains("j1"));
        assertFalse(plan.judgesByBid().get("b1").contains("j2"));
        assertEquals(Map.of("j1", 2, "j2", 2, "j3", 2, "j4", 2), load(plan, panel));
        assertEquals(List.of(), plan.shortOfJudges());
    }

    @Test
    void aBidWithTooFewEligibleJudgesGetsAllThereAreAndIsReported() {
        List<Judge> panel = List.of(judge("j1", "t1"), judge("j2", "t2"), judge("j3", "x"));
        Plan plan = PanelAssignment.assign(List.of(bid("b1", "t1", "t2"), bid("b2", "t3")), panel, 2);
        assertEquals(List.of("j3"), plan.judgesByBid().get("b1"));
        assertEquals(2, plan.judgesByBid().get("b2").size());
        assertEquals(List.of("b1"), plan.shortOfJudges());
    }

    @Test
    void aJudgeWhoseOrganizationIsUnknownIsNeverAssigned() {
        List<Judge> panel = List.of(judge("j1", null), judge("j2", "x"));
        Plan plan = PanelAssignment.assign(List.of(bid("b1", "t1")), panel, 2);
        assertEquals(List.of("j2"), plan.judgesByBid().get("b1"));
        assertEquals(List.of("b1"), plan.shortOfJudges());
    }

    @Test
    void theBidsWithTheFewestEligibleJudgesAreServedFirst() {
        // b2 may only have ja; were b1 served first it would take ja too (ties go by id) and leave jb idle
        List<Judge> panel = List.of(judge("ja", "a"), judge("jb", "b"));
        Plan plan = PanelAssignment.assign(List.of(bid("b1", "t1"), bid("b2", "b")), panel, 1);
        assertEquals(Map.of("b1", List.of("jb"), "b2", List.of("ja")), plan.judgesByBid());
    }

    @Test
    void aPanelSmallerThanTheMinimumJudgesEveryBidAndReportsEachOne() {
        List<Judge> panel = List.of(judge("j1", "x"), judge("j2", "y"));
        Plan plan = PanelAssignment.assign(List.of(bid("b1", "t1"), bid("b2", "t2")), panel, 3);
        assertEquals(Map.of("b1", List.of("j1", "j2"), "b2", List.of("j1", "j2")), plan.judgesByBid());
        assertEquals(List.of("b1", "b2"), plan.shortOfJudges());
    }

    @Test
    void thePlanIsTheSameWhateverOrderTheBidsAndJudgesComeIn() {
        List<Bid> bids = new ArrayList<>(List.of(bid("b1", "t1", "m"), bid("b2", "t2"), bid("b3", "t3")));
        List<Judge> panel = new ArrayList<>(List.of(judge("j1", "t2"), judge("j2", "m"), judge("j3", "x")));
        Plan plan = PanelAssignment.assign(bids, panel, 2);
        Collections.reverse(bids);
        Collections.reverse(panel);
        Plan reversed = PanelAssignment.assign(bids, panel, 2);
        assertEquals(plan.judgesByBid(), reversed.judgesByBid());
        assertEquals(plan.shortOfJudges(), reversed.shortOfJudges());
    }

    // ---- replacement after a declared conflict ------------------------------------------------------------

    @Test
    void theReplacementIsTheLeastLoadedEligibleJudgeNotYetOnTheBid() {
        List<Judge> panel = List.of(judge("j1", "x"), judge("j2", "t1"), judge("j3", "y"), judge("j4", "z"));
        Optional<String> next = PanelAssignment.replacement(bid("b1", "t1"), panel, Set.of("j1"),
                Map.of("j1", 0, "j2", 0, "j3", 3, "j4", 2));
        assertEquals(Optional.of("j4"), next, "j1 was on it, j2 conflicts, j3 carries more");
    }

    @Test
    void equallyLoadedReplacementsAreChosenById() {
        List<Judge> panel = List.of(judge("j3", "x"), judge("j2", "y"));
        assertEquals(Optional.of("j2"), PanelAssignment.replacement(bid("b1", "t1"), panel, Set.of(), Map.of()));
    }

    @Test
    void nobodyReplacesWhenEveryEligibleJudgeHasBeenOnTheBid() {
        List<Judge> panel = List.of(judge("j1", "x"), judge("j2", "t1"), judge("j3", null));
        assertEquals(Optional.empty(), PanelAssignment.replacement(bid("b1", "t1"), panel, Set.of("j1"), Map.of()));
    }
}
