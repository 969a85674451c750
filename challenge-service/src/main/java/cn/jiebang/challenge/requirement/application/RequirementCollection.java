package cn.jiebang.challenge.requirement.application;

import cn.jiebang.challenge.requirement.domain.Indicator;
import cn.jiebang.challenge.requirement.domain.Requirement.Content;
import cn.jiebang.challenge.requirement.domain.Requirement;
import cn.jiebang.challenge.requirement.domain.Requirements;
import cn.jiebang.messaging.Outbox;
import cn.jiebang.problem.DomainProblem.FieldProblem;
import cn.jiebang.problem.DomainProblem;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** 需求征集: agencies write and submit requirements, the program office reviews them; each step one transaction. */
@Singleton
public class RequirementCollection {

    private final Requirements requirements;
    private final Outbox outbox;
    private final Clock clock;

    RequirementCollection(Requirements requirements, Outbox outbox, Clock clock) {
        this.requirements = requirements;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Requirement create(String organizationId, String author, Content content) {
        Instant now = clock.instant();
        validate(content, now);
        return requirements.save(Requirement.draft(organizationId, author, content, now));
    }

    @Transactional
    public Requirement edit(Requirement requirement, String editor, Content content) {
        Instant now = clock.instant();
        validate(content, now);
        requirement.edit(editor, content, now);
        return requirements.update(requirement);
    }

    @Transactional
    public Requirement submit(Requirement requirement, String by) {
        outbox.add(requirement.submit(by, clock.instant()));
        return requirements.update(requirement);
    }

    public enum Decision { APPROVE, RETURN, REJECT }

    @Transactional
    public Requirement review(String id, Decision decision, String reviewer, String comment) {
        Requirement requirement = requirements.require(id);
        Instant now = clock.instant();
        outbox.add(switch (decision) {
            case APPROVE -> requirement.approve(reviewer, comment, now);
            case RETURN -> requirement.returnForRevision(reviewer, required(comment, "comments"), now);
            case REJECT -> requirement.reject(reviewer, required(comment, "reason"), now);
        });
        return requirements.update(requirement);
    }

    private static String required(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new InvalidRequirement(List.of(new FieldProblem("comment", "give the " + what)));
        }
        return text.strip();
    }

    private static void validate(Content c, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        if (c.indicators().isEmpty()) {
            problems.add(new FieldProblem("indicators", "give at least one quantified target"));
        }
        if (c.budgetCeiling().signum() <= 0) {
            problems.add(new FieldProblem("budgetCeiling", "must be positive"));
        }
        if (!c.wantedBy().isAfter(LocalDate.ofInstant(now, ZoneOffset.UTC))) {
            problems.add(new FieldProblem("wantedBy", "must be in the future"));
        }
        for (int i = 0; i < c.indicators().size(); i++) {
            Indicator indicator = c.indicators().get(i);
            if (indicator.targetValue().signum() < 0) {
                problems.add(new FieldProblem("indicators[" + i + "].targetValue", "must not be negative"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequirement(problems);
        }
    }

    public static class InvalidRequirement extends DomainProblem {
        InvalidRequirement(List<FieldProblem> problems) {
            super(Kind.REJECTED, "invalid-requirement", problems.stream().map(p -> p.field() + " " + p.message())
                    .reduce((a, b) -> a + "; " + b).orElse("invalid requirement"), problems);
        }
    }
}
