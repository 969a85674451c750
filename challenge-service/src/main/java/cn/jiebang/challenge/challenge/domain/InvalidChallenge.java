package cn.jiebang.challenge.challenge.domain;

import cn.jiebang.problem.DomainProblem;

import java.util.List;
import java.util.stream.Collectors;

public class InvalidChallenge extends DomainProblem {

    public InvalidChallenge(List<FieldProblem> problems) {
        this("invalid-challenge", problems.stream().map(p -> p.field() + " " + p.message())
                .collect(Collectors.joining("; ")), problems);
    }

    public InvalidChallenge(String code, String detail, List<FieldProblem> problems) {
        super(Kind.REJECTED, code, detail, problems);
    }
}
