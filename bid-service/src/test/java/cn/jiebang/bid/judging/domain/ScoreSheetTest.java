package cn.jiebang.bid.judging.domain;

import cn.jiebang.bid.challenge.domain.RoundKind;
import cn.jiebang.bid.challenge.domain.RoundRules;
import cn.jiebang.problem.DomainProblem.FieldProblem;
import cn.jiebang.problem.DomainProblem;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A sheet fits a round with two criteria: 技术路线 (TECH, 0..10) and 团队 (TEAM, 0..5). */
class ScoreSheetTest {

    private static final RoundRules ROUND = new RoundRules(1, "方案评审", RoundKind.PROPOSAL_REVIEW, List.of(
            new RoundRules.Criterion("TECH", "技术路线", 70, 10), new RoundRules.Criterion("TEAM", "团队", 30, 5)),
            "MEAN", "TOP_N", BigDecimal.ONE, 1, 2, false, null);

    private static ScoreSheet.Line line(String criterion, String score, String comment) {
        return new ScoreSheet.Line(criterion, new BigDecimal(score), comment);
    }

    private static List<FieldProblem> problems(ScoreSheet.Line... lines) {
        return ScoreSheet.of(List.of(lines)).problems(ROUND);
    }

    @Test
    void aSheetScoringEveryCriterionWithinItsRangeWithCommentsFits() {
        assertEquals(List.of(), problems(line("TECH", "8.5", "路线清晰"), line("TEAM", "4", "团队完整")));
    }

    @Test
    void zeroAndTheMaximumAreWithinTheRange() {
        assertEquals(List.of(), problems(line("TECH", "0", "无"), line("TEAM", "5", "满分")));
        assertEquals(List.of(), problems(line("TECH", "10.00", "满分"), line("TEAM", "0.00", "无")));
    }

    @Test
    void aCriterionLeftOutIsNamedWithItsRange() {
        assertEquals(List.of(new FieldProblem("scores.TEAM", "score 团队 (0..5)")),
                problems(line("TECH", "8", "路线清晰")));
    }

    @Test
    void aScoreAboveTheMaximumIsRefused() {
        assertEquals(List.of(new FieldProblem("scores.TEAM", "must be within 0..5")),
                problems(line("TECH", "8", "路线清晰"), line("TEAM", "5.01", "过高")));
    }

    @Test
    void aNegativeScoreIsRefused() {
        assertEquals(List.of(new FieldProblem("scores.TECH", "must be within 0..10")),
                problems(line("TECH", "-0.5", "过低"), line("TEAM", "3", "一般")));
    }

    @Test
    void aScoreWithoutACommentIsRefused() {
        assertEquals(List.of(new FieldProblem("scores.TECH.comment", "give a comment")),
                problems(line("TECH", "8", " "), line("TEAM", "3", "一般")));
    }

    @Test
    void aCodeThatIsNotACriterionOfTheRoundIsRefused() {
        assertEquals(List.of(new FieldProblem("scores.COST", "is not a criterion of this round")),
                problems(line("TECH", "8", "路线清晰"), line("TEAM", "3", "一般"), line("COST", "3", "多余")));
    }

    @Test
    void namesEveryFaultInTheOrderOfTheCriteriaThenTheUnknownCodesInOrder() {
        assertEquals(List.of(new FieldProblem("scores.TECH", "must be within 0..10"),
                        new FieldProblem("scores.TEAM", "score 团队 (0..5)"),
                        new FieldProblem("scores.AAA", "is not a criterion of this round"),
                        new FieldProblem("scores.ZZZ", "is not a criterion of this round")),
                problems(line("ZZZ", "1", "多余"), line("TECH", "11", "过高"), line("AAA", "1", "多余")));
    }

    @Test
    void aCriterionScoredTwiceInOneSheetIsRefused() {
        DomainProblem refused = assertThrows(DomainProblem.class, () -> ScoreSheet.of(List.of(
                line("TECH", "8", "路线清晰"), line("TEAM", "3", "一般"), line("TECH", "2", "改主意"))));
        assertEquals("invalid-scores", refused.code());
        assertEquals(DomainProblem.Kind.REJECTED, refused.kind());
        assertEquals(List.of(new FieldProblem("scores.TECH", "is scored twice")), refused.fieldProblems());
    }

    @Test
    void aSheetThatDoesNotFitTheRoundIsRefusedWithEveryFault() {
        ScoreSheet sheet = ScoreSheet.of(List.of(line("TECH", "12", "过高")));
        DomainProblem refused = assertThrows(DomainProblem.class, () -> sheet.checkedAgainst(ROUND));
        assertEquals("invalid-scores", refused.code());
        assertEquals(DomainProblem.Kind.REJECTED, refused.kind());
        assertEquals(sheet.problems(ROUND), refused.fieldProblems());
        assertEquals(2, refused.fieldProblems().size());
    }

    @Test
    void aSheetThatFitsIsKeptInTheOrderOfTheCodes() {
        ScoreSheet sheet = ScoreSheet.of(List.of(line("TECH", "8", "路线清晰"), line("TEAM", "3", "一般")));
        assertSame(sheet, sheet.checkedAgainst(ROUND));
        assertEquals(List.of("TEAM", "TECH"), new ArrayList<>(sheet.scores().keySet()));
        assertEquals(new Assignment.Score(new BigDecimal("8"), "路线清晰"), sheet.scores().get("TECH"));
    }
}
