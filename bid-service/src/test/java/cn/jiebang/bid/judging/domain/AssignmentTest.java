package cn.jiebang.bid.judging.domain;

import cn.jiebang.events.AssignmentScored;
import cn.jiebang.problem.DomainProblem;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A judge opens, scores, or before opening declares a conflict on, the bid given to it; and deliverables under review. */
class AssignmentTest {

    private static final Instant ASSIGNED = Instant.parse("2027-01-20T02:00:00Z");
    private static final Instant LATER = ASSIGNED.plusSeconds(3600);

    private static Assignment anAssignment() {
        return Assignment.of("challenge-1", 1, "bid-1", "judge-1", ASSIGNED);
    }

    private static ScoreSheet sheet(String score) {
        return ScoreSheet.of(List.of(new ScoreSheet.Line("TECH", new BigDecimal(score), "路线清晰")));
    }

    @Test
    void isSeenByItsJudgeOnly() {
        assertTrue(anAssignment().isJudgedBy("judge-1"));
        assertFalse(anAssignment().isJudgedBy("judge-2"));
    }

    @Test
    void openingTheBidIsRecordedTheFirstTimeOnly() {
        Assignment assignment = anAssignment();
        assignment.open(LATER);
        assignment.open(LATER.plusSeconds(60));
        assertEquals(LATER, assignment.getViewedAt());
        assertTrue(assignment.isUnderReview());
    }

    @Test
    void aConflictDeclaredBeforeOpeningWithdrawsTheAssignmentWithItsReason() {
        Assignment assignment = anAssignment();
        assignment.declareConflict("同一课题组");
        assertEquals(Assignment.Status.WITHDRAWN, assignment.getStatus());
        assertEquals("同一课题组", assignment.getConflict());
        assertFalse(assignment.isUnderReview());
    }

    @Test
    void noConflictIsDeclaredAfterOpeningTheBid() {
        Assignment assignment = anAssignment();
        assignment.open(LATER);
        DomainProblem refused = assertThrows(DomainProblem.class, () -> assignment.declareConflict("同一课题组"));
        assertEquals("conflict-after-viewing", refused.code());
        assertEquals(Assignment.Status.ACTIVE, assignment.getStatus());
        assertNull(assignment.getConflict());
    }

    @Test
    void aWithdrawnAssignmentIsNeitherOpenedScoredNorWithdrawnAgain() {
        Assignment assignment = anAssignment();
        assignment.declareConflict("同一课题组");
        for (Runnable action : List.<Runnable>of(() -> assignment.open(LATER), () -> assignment.score(sheet("8"), LATER),
                () -> assignment.declareConflict("again"))) {
            assertEquals("assignment-withdrawn", assertThrows(DomainProblem.class, action::run).code());
        }
        assertNull(assignment.getViewedAt());
        assertNull(assignment.getScores());
        assertEquals("同一课题组", assignment.getConflict());
    }

    @Test
    void theFirstScoringOpensTheBidAndIsAFactWithoutTheScores() {
        Assignment assignment = anAssignment();
        Optional<AssignmentScored> fact = assignment.score(sheet("8"), LATER);
        assertEquals(Optional.of(new AssignmentScored("challenge-1", 1, assignment.getId(), "judge-1", LATER)), fact);
        assertEquals(LATER, assignment.getViewedAt());
        assertEquals(LATER, assignment.getScoredAt());
        assertEquals(Map.of("TECH", new Assignment.Score(new BigDecimal("8"), "路线清晰")), assignment.getScores());
        assertTrue(assignment.isScored());
    }

    @Test
    void aNewSheetReplacesTheScoresWithoutAnotherFact() {
        Assignment assignment = anAssignment();
        assignment.score(sheet("8"), LATER);
        assertEquals(Optional.empty(), assignment.score(sheet("6"), LATER.plusSeconds(60)));
        assertEquals(new BigDecimal("6"), assignment.getScores().get("TECH").score());
        assertEquals(LATER.plusSeconds(60), assignment.getScoredAt());
        assertEquals(LATER, assignment.getViewedAt());
    }

    @Test
    void aDeliverableChangesUntilAJudgeAssignedTheBidOpensIt() {
        Assignment ofThisBid = anAssignment();
        Assignment ofAnotherBid = Assignment.of("challenge-1", 1, "bid-2", "judge-1", ASSIGNED);
        ofAnotherBid.open(LATER);
        Deliverable.requireNotUnderReview("bid-1", 1, List.of(ofThisBid, ofAnotherBid));

        ofThisBid.open(LATER);
        DomainProblem refused = assertThrows(DomainProblem.class,
                () -> Deliverable.requireNotUnderReview("bid-1", 1, List.of(ofThisBid, ofAnotherBid)));
        assertEquals("deliverable-under-review", refused.code());
    }

    @Test
    void aNewDeliveryReplacesTheOneBefore() {
        Deliverable deliverable = Deliverable.first("bid-1", 2, "中期成果", List.of("att-1"), "team-user", ASSIGNED);
        deliverable.replace("中期成果（修订）", List.of("att-2", "att-3"), "team-user-2", LATER);
        assertEquals("中期成果（修订）", deliverable.getSummary());
        assertEquals(List.of("att-2", "att-3"), deliverable.getAttachmentIds());
        assertEquals("team-user-2", deliverable.getSubmittedBy());
        assertEquals(LATER, deliverable.getSubmittedAt());
        assertEquals("bid-1", deliverable.getBidId());
        assertEquals(2, deliverable.getRoundIndex());
    }
}
