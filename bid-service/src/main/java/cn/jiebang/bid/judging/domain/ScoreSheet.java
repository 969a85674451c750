package cn.jiebang.bid.judging.domain;

import cn.jiebang.bid.challenge.domain.RoundRules;
import cn.jiebang.problem.DomainProblem.FieldProblem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A judge's scores for one bid, one line per criterion, as sent: checked against the round's rules before it is kept. */
public final class ScoreSheet {

    /** One line of the sheet. */
    public record Line(String criterion, BigDecimal score, String comment) {
    }

    private final Map<String, Assignment.Score> scores;

    private ScoreSheet(Map<String, Assignment.Score> scores) {
        this.scores = Collections.unmodifiableMap(scores);
    }

    /** The lines by criterion code; a criterion named twice is refused (422 {@code invalid-scores}). */
    public static ScoreSheet of(List<Line> lines) {
        Map<String, Assignment.Score> scores = new TreeMap<>();
        for (Line line : lines) {
            if (scores.put(line.criterion(), new Assignment.Score(line.score(), line.comment())) != null) {
                throw new JudgingProblems.CriterionScoredTwice(line.criterion());
            }
        }
        return new ScoreSheet(scores);
    }

    /**
     * What is wrong with the sheet for the round: each criterion scored within 0..its maximum and commented, and
     * nothing else scored. In the order of the round's criteria, then the unknown codes in order.
     */
    public List<FieldProblem> problems(RoundRules rules) {
        List<FieldProblem> problems = new ArrayList<>();
        for (RoundRules.Criterion c : rules.criteria()) {
            Assignment.Score s = scores.get(c.code());
            if (s == null || s.score() == null) {
                problems.add(new FieldProblem("scores." + c.code(), "score " + c.name() + " (0.." + c.maxScore() + ")"));
            } else if (s.score().signum() < 0 || s.score().compareTo(BigDecimal.valueOf(c.maxScore())) > 0) {
                problems.add(new FieldProblem("scores." + c.code(), "must be within 0.." + c.maxScore()));
            } else if (s.comment() == null || s.comment().isBlank()) {
                problems.add(new FieldProblem("scores." + c.code() + ".comment", "give a comment"));
            }
        }
        Set<String> codes = rules.criteria().stream().map(RoundRules.Criterion::code).collect(Collectors.toSet());
        scores.keySet().stream().filter(k -> !codes.contains(k))
                .forEach(k -> problems.add(new FieldProblem("scores." + k, "is not a criterion of this round")));
        return problems;
    }

    /** The sheet, once it fits the round (422 {@code invalid-scores} with every fault otherwise). */
    public ScoreSheet checkedAgainst(RoundRules rules) {
        List<FieldProblem> problems = problems(rules);
        if (!problems.isEmpty()) {
            throw new JudgingProblems.InvalidScores(problems);
        }
        return this;
    }

    /** The scores by criterion code, in code order (as they are kept). */
    public Map<String, Assignment.Score> scores() {
        return scores;
    }
}
