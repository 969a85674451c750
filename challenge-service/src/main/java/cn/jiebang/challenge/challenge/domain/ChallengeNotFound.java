package cn.jiebang.challenge.challenge.domain;

import cn.jiebang.problem.DomainProblem;

public class ChallengeNotFound extends DomainProblem {

    public ChallengeNotFound(String id) {
        super(Kind.NOT_FOUND, "challenge-not-found", "no challenge " + id);
    }
}
