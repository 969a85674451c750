package cn.jiebang.challenge.evaluation.domain;

import cn.jiebang.challenge.challenge.domain.InvalidChallenge;
import cn.jiebang.challenge.challenge.domain.Round;
import cn.jiebang.challenge.evaluation.domain.RoundResult.Decision;
import cn.jiebang.problem.DomainProblem.FieldProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The decisions an upheld objection corrects (bid id → new decision), checked against the round's results: only
 * bids of the round, winners only in the last round and advancing only before it, and no more teams going on
 * than the round allows.
 */
public final class Correction {

    private final List<RoundResult> results;
    private final Map<String, Decision> decisions;

    private Correction(List<RoundResult> results, Map<String, Decision> decisions) {
        this.results = results;
        this.decisions = decisions;
    }

    /** Every problem at once, per field {@code corrections.<bidId>}, or a correction that fits. */
    public static Correction of(Round round, boolean lastRound, List<RoundResult> results,
                                Map<String, Decision> decisions) {
        List<FieldProblem> problems = new ArrayList<>();
        decisions.forEach((bidId, decision) -> {
            if (results.stream().noneMatch(r -> r.getBidId().equals(bidId))) {
                problems.add(new FieldProblem("corrections." + bidId, "is not a bid of round "
                        + round.getRoundIndex()));
            } else if (decision == (lastRound ? Decision.ADVANCED : Decision.WINNER)) {
                problems.add(new FieldProblem("corrections." + bidId, lastRound ? "the last round names winners"
                        : "only the last round names winners"));
            }
        });
        long goingOn = results.stream()
                .filter(r -> decisions.getOrDefault(r.getBidId(), r.getDecision()) != Decision.ELIMINATED).count();
        Integer cap = round.getAdvancement().teamCap();
        if (cap != null && goingOn > cap) {
            problems.add(new FieldProblem("corrections", "would let " + goingOn + " teams go on; the round allows "
                    + cap));
        }
        if (!problems.isEmpty()) {
            throw new InvalidChallenge("invalid-correction", "the corrections do not fit the round", problems);
        }
        return new Correction(results, decisions);
    }

    /** Corrects the results whose decision changes and returns them, to be saved. */
    public List<RoundResult> apply() {
        List<RoundResult> changed = new ArrayList<>();
        for (RoundResult r : results) {
            Decision corrected = decisions.get(r.getBidId());
            if (corrected != null && corrected != r.getDecision()) {
                r.correct(corrected);
                changed.add(r);
            }
        }
        return changed;
    }
}
