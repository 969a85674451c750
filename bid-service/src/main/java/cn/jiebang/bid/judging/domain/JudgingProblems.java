package cn.jiebang.bid.judging.domain;

import cn.jiebang.problem.DomainProblem;

import java.util.List;

/** Why judging refuses a request, each with its stable problem type. */
public final class JudgingProblems {

    private JudgingProblems() {
    }

    static class AssignmentNotFound extends DomainProblem {
        AssignmentNotFound(String id) {
            super(Kind.NOT_FOUND, "assignment-not-found", "you have no assignment " + id);
        }
    }

    static class RoundNotOpen extends DomainProblem {
        RoundNotOpen(String challengeId, int round) {
            super(Kind.CONFLICT, "round-not-open", "round " + round + " of challenge " + challengeId
                    + " is not open for scoring");
        }
    }

    public static class RoundNotClosed extends DomainProblem {
        public RoundNotClosed(String challengeId, int round) {
            super(Kind.CONFLICT, "round-not-closed", "round " + round + " of challenge " + challengeId
                    + " has not closed: its scores and ranking are sealed");
        }
    }

    public static class InvalidDeliverable extends DomainProblem {
        public InvalidDeliverable(List<FieldProblem> problems) {
            super(Kind.REJECTED, "invalid-deliverable", problems.stream().map(p -> p.field() + " " + p.message())
                    .reduce((a, b) -> a + "; " + b).orElse("invalid deliverable"), problems);
        }
    }

    public static class NoDeliverableYet extends DomainProblem {
        public NoDeliverableYet(String bidId, int round) {
            super(Kind.CONFLICT, "no-deliverable-yet", "bid " + bidId + " has not delivered for round " + round
                    + " yet: judges of a MILESTONE round score its deliverable");
        }
    }

    static class UnderReview extends DomainProblem {
        UnderReview(String bidId, int round) {
            super(Kind.CONFLICT, "deliverable-under-review", "a judge has opened the round " + round + " deliverable of bid "
                    + bidId + ": it can no longer change");
        }
    }

    public static class NotAnnounced extends DomainProblem {
        public NotAnnounced(String challengeId, int round) {
            super(Kind.CONFLICT, "results-not-announced", "the results of round " + round + " of challenge "
                    + challengeId + " are sealed until challenge-service announces them");
        }
    }

    public static class NoMilestone extends DomainProblem {
        public NoMilestone(String challengeId, int round) {
            super(Kind.CONFLICT, "no-open-milestone", "round " + round + " of challenge " + challengeId
                    + " does not take a deliverable from this bid now: it must be an open MILESTONE round the bid races in,"
                    + " before it closes");
        }
    }

    static class AlreadyViewed extends DomainProblem {
        AlreadyViewed(String id) {
            super(Kind.CONFLICT, "conflict-after-viewing", "a conflict (回避) is declared before opening the bid; "
                    + "assignment " + id + " was opened already");
        }
    }

    static class Withdrawn extends DomainProblem {
        Withdrawn(String id) {
            super(Kind.CONFLICT, "assignment-withdrawn", "assignment " + id + " was withdrawn after a declared conflict");
        }
    }

    static class CriterionScoredTwice extends DomainProblem {
        CriterionScoredTwice(String criterion) {
            super(Kind.REJECTED, "invalid-scores", "criterion " + criterion + " is scored twice in one sheet",
                    List.of(new FieldProblem("scores." + criterion, "is scored twice")));
        }
    }

    static class InvalidScores extends DomainProblem {
        InvalidScores(List<FieldProblem> problems) {
            super(Kind.REJECTED, "invalid-scores", problems.stream().map(p -> p.field() + " " + p.message())
                    .reduce((a, b) -> a + "; " + b).orElse("invalid scores"), problems);
        }
    }
}
