package cn.jiebang.challenge.challenge.application;

import cn.jiebang.challenge.account.domain.Organization;
import cn.jiebang.challenge.account.domain.Organizations;
import cn.jiebang.challenge.account.domain.Role;
import cn.jiebang.challenge.account.domain.User;
import cn.jiebang.challenge.account.domain.Users;
import cn.jiebang.challenge.challenge.domain.Amendment;
import cn.jiebang.challenge.challenge.domain.Amendments;
import cn.jiebang.challenge.challenge.domain.Challenge;
import cn.jiebang.challenge.challenge.domain.ChallengeDefinition;
import cn.jiebang.challenge.challenge.domain.Challenges;
import cn.jiebang.challenge.challenge.domain.InvalidChallenge;
import cn.jiebang.challenge.challenge.domain.Round;
import cn.jiebang.challenge.challenge.domain.Rounds;
import cn.jiebang.challenge.requirement.domain.Requirement;
import cn.jiebang.challenge.requirement.domain.Requirements;
import cn.jiebang.events.ChallengeAmended;
import cn.jiebang.events.ChallengePublished;
import cn.jiebang.messaging.Outbox;
import cn.jiebang.problem.DomainProblem.FieldProblem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.micronaut.transaction.TransactionDefinition.Propagation.MANDATORY;

/** The program office's use cases on challenges: each one transaction for the state and its event. */
@Singleton
public class ChallengeManagement {

    private final Challenges challenges;
    private final Rounds rounds;
    private final Amendments amendments;
    private final Requirements requirements;
    private final Organizations organizations;
    private final Users users;
    private final Outbox outbox;
    private final Clock clock;

    ChallengeManagement(Challenges challenges, Rounds rounds, Amendments amendments, Requirements requirements,
                        Organizations organizations, Users users, Outbox outbox, Clock clock) {
        this.challenges = challenges;
        this.rounds = rounds;
        this.amendments = amendments;
        this.requirements = requirements;
        this.organizations = organizations;
        this.users = users;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** 需求凝练: a draft composed from approved requirements. */
    @Transactional
    public Challenge create(ChallengeDefinition definition) {
        validate(definition);
        Challenge challenge = challenges.save(Challenge.draft(definition, clock.instant()));
        rounds.saveAll(challenge.plannedRounds(definition));
        return challenge;
    }

    /** Replaces the definition of a draft, rounds included. */
    @Transactional
    public Challenge redefine(String id, ChallengeDefinition definition) {
        Challenge challenge = challenges.require(id);
        validate(definition);
        List<Round> planned = challenge.redefine(definition);
        rounds.deleteByChallengeId(id);
        rounds.saveAll(planned);
        return challenges.update(challenge);
    }

    private void validate(ChallengeDefinition definition) {
        List<FieldProblem> problems = new ArrayList<>(definition.inconsistencies(clock.instant()));
        Optional<Organization> owner = organizations.findById(definition.ownerOrganizationId());
        if (owner.isEmpty() || !owner.get().isActive()) {
            problems.add(new FieldProblem("ownerOrganizationId", "is not an active organization"));
        }
        for (int i = 0; i < definition.requirementIds().size(); i++) {
            String requirementId = definition.requirementIds().get(i);
            Optional<Requirement> requirement = requirements.findById(requirementId);
            if (requirement.isEmpty()) {
                problems.add(new FieldProblem("requirementIds[" + i + "]", "no requirement " + requirementId));
            } else if (!requirement.get().passedReview()) {
                problems.add(new FieldProblem("requirementIds[" + i + "]", "is " + requirement.get().getStatus()
                        + "; a challenge is composed from approved requirements only"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidChallenge(problems);
        }
    }

    /** 发榜: bidding opens, the requirements it condenses become PUBLISHED, the full definition goes out. */
    @Transactional
    public Challenge publish(String id) {
        Challenge challenge = challenges.require(id);
        Instant now = clock.instant();
        ChallengePublished published = challenge.publish(rounds.findByChallengeIdOrderByRoundIndex(id), now);
        for (String requirementId : challenge.getRequirementIds()) {
            Requirement requirement = requirements.require(requirementId);
            requirement.published(now);
            requirements.update(requirement);
        }
        Challenge saved = challenges.update(challenge);
        outbox.add(published);
        return saved;
    }

    @Transactional
    public Challenge extendDeadline(String id, @Nullable Instant newClosesAt, String reason) {
        Challenge challenge = challenges.require(id);
        return amended(challenge, challenge.extendDeadline(newClosesAt, reason,
                rounds.findByChallengeIdAndRoundIndex(id, 1).orElse(null), clock.instant()));
    }

    @Transactional
    public Challenge clarify(String id, String text) {
        Challenge challenge = challenges.require(id);
        return amended(challenge, challenge.clarify(text, clock.instant()));
    }

    @Transactional
    public Challenge cancel(String id, String reason) {
        Challenge challenge = challenges.require(id);
        challenge.cancel(reason, clock.instant()).ifPresent(outbox::add);
        return challenges.update(challenge);
    }

    private Challenge amended(Challenge challenge, ChallengeAmended amendment) {
        Challenge saved = challenges.update(challenge);
        amendments.save(Amendment.of(amendment));
        outbox.add(amendment);
        return saved;
    }

    /** Names the judge panel of a round that has not opened: active users with the JUDGE role. */
    @Transactional
    public Round namePanel(String id, int index, List<String> judgeIds) {
        Challenge challenge = challenges.require(id);
        challenge.requireNotEnded("naming a panel");
        Round round = rounds.require(id, index);
        List<FieldProblem> problems = new ArrayList<>();
        List<String> organizations = new ArrayList<>();
        for (int i = 0; i < judgeIds.size(); i++) {
            Optional<User> judge = users.findById(judgeIds.get(i));
            if (judge.isEmpty() || !judge.get().isActive() || !judge.get().getRoles().contains(Role.JUDGE)) {
                problems.add(new FieldProblem("judgeIds[" + i + "]", "is not an active judge"));
            } else {
                organizations.add(judge.get().getOrganizationId());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidChallenge("invalid-panel", "the panel names users who cannot judge", problems);
        }
        round.namePanel(judgeIds, organizations);
        return rounds.update(round);
    }

    /**
     * The program office opens round 1 after screening, a later round once the one before is finalized (with
     * the teams that went on); each also opens by itself at its scheduled start.
     */
    @Transactional
    public Round openRound(String id, int index) {
        Challenge challenge = challenges.require(id);
        Round first = rounds.require(id, index);
        if (index != 1) {
            return openNext(first);
        }
        outbox.add(challenge.openFirstRound(first, clock.instant()));
        challenges.update(challenge);
        return rounds.update(first);
    }

    /** Opens round n > 1 with the teams that went on from round n − 1. */
    @Transactional(propagation = MANDATORY)
    public Round openNext(Round next) {
        Challenge challenge = challenges.require(next.getChallengeId());
        Round previous = rounds.require(next.getChallengeId(), next.getRoundIndex() - 1);
        List<String> entrants = next.getEntrants() == null ? List.of() : next.getEntrants();
        outbox.add(challenge.openNextRound(previous, next, entrants, clock.instant()));
        challenges.update(challenge);
        return rounds.update(next);
    }
}
