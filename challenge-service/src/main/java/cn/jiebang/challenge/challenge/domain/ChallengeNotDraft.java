package cn.jiebang.challenge.challenge.domain;

import cn.jiebang.problem.DomainProblem;

public class ChallengeNotDraft extends DomainProblem {

    public ChallengeNotDraft(String id, ChallengeStatus status) {
        super(Kind.CONFLICT, "challenge-not-draft", "challenge " + id + " is " + status + ", only a draft can be published");
    }
}
