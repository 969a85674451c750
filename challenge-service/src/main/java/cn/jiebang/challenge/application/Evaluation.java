package cn.jiebang.challenge.application;

import cn.jiebang.challenge.domain.Challenge;
import cn.jiebang.challenge.domain.Challenges;
import cn.jiebang.challenge.domain.FundingGrant;
import cn.jiebang.challenge.domain.FundingGrants;
import cn.jiebang.challenge.domain.InvalidChallenge;
import cn.jiebang.challenge.domain.Objection;
import cn.jiebang.challenge.domain.Objections;
import cn.jiebang.challenge.domain.Round;
import cn.jiebang.challenge.domain.RoundResult;
import cn.jiebang.challenge.domain.RoundResult.Decision;
import cn.jiebang.challenge.domain.RoundResults;
import cn.jiebang.challenge.domain.Rounds;
import cn.jiebang.events.FundingReleased;
import cn.jiebang.events.ObjectionFiled;
import cn.jiebang.events.ObjectionResolved;
import cn.jiebang.events.RoundAnnounced;
import cn.jiebang.events.RoundFinalized;
import cn.jiebang.events.RoundRanked;
import cn.jiebang.events.ScoringCompleted;
import cn.jiebang.messaging.Outbox;
import cn.jiebang.problem.DomainProblem;
import cn.jiebang.problem.DomainProblem.FieldProblem;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.micronaut.transaction.TransactionDefinition.Propagation.MANDATORY;

/**
 * A round after it opened, as challenge-service owns it: closing (only with complete scores, unless forced),
 * recording and announcing bid-service's ranking (公示), objections (异议) and their resolution, finalizing
 * when 公示 is over with no objection open, granting tranches, then the next round, the award or 流榜.
 */
@Singleton
public class Evaluation {

    private final Challenges challenges;
    private final Rounds rounds;
    private final RoundResults results;
    private final Objections objections;
    private final FundingGrants grants;
    private final Outbox outbox;
    private final Clock clock;

    private final Duration publicityDay;

    Evaluation(Challenges challenges, Rounds rounds, RoundResults results, Objections objections, FundingGrants grants,
               Outbox outbox, Clock clock, @Value("${jiebang.evaluation.publicity-day:1d}") Duration publicityDay) {
        this.publicityDay = publicityDay;
        this.challenges = challenges;
        this.rounds = rounds;
        this.results = results;
        this.objections = objections;
        this.grants = grants;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(propagation = MANDATORY)
    public void on(ScoringCompleted event) {
        rounds.findByChallengeIdAndRoundIndex(event.challengeId(), event.roundIndex()).ifPresent(round -> {
            round.scoresCompleted(event.completedAt());
            rounds.update(round);
        });
    }

    /** The program office closes a round for scoring; with scores missing only when forced. */
    @Transactional
    public Round close(String challengeId, int index, boolean force) {
        challenges.require(challengeId).requireNotEnded("closing a round");
        Round round = rounds.require(challengeId, index);
        outbox.add(round.close(force, clock.instant()));
        return rounds.update(round);
    }

    /** bid-service's ranking of a closed round: recorded and announced for the round's 公示 days. */
    @Transactional(propagation = MANDATORY)
    public void on(RoundRanked event) {
        if (results.existsByChallengeIdAndRoundIndex(event.challengeId(), event.roundIndex())) {
            return;
        }
        for (RoundRanked.Entry e : event.results()) {
            results.save(new RoundResult(null, event.challengeId(), event.roundIndex(), e.bidId(), e.leadOrganizationId(),
                    e.submittedBy(), e.aggregate(), e.rank(), Decision.valueOf(e.decision()), e.judges(), e.flagged(),
                    false));
        }
        Challenge challenge = challenges.require(event.challengeId());
        Round round = rounds.require(event.challengeId(), event.roundIndex());
        if (challenge.getStatus() == cn.jiebang.challenge.domain.ChallengeStatus.IN_EVALUATION) {
            announce(challenge, round, false);
        }
    }

    private void announce(Challenge challenge, Round round, boolean correction) {
        Instant now = clock.instant();
        round.announce(now, publicityDay);
        rounds.update(round);
        outbox.add(new RoundAnnounced(challenge.getId(), challenge.getTitle(), challenge.getOwnerOrganizationId(),
                round.getRoundIndex(), round.getName(),
                results.findByChallengeIdAndRoundIndexOrderByRank(challenge.getId(), round.getRoundIndex()).stream()
                        .map(r -> new RoundAnnounced.Result(r.bidId(), r.leadOrganizationId(), r.submittedBy(),
                                r.aggregate(), r.rank(), r.decision().name(), r.flagged())).toList(),
                correction, round.getPublicityEndsAt(), now));
    }

    /** A team in the round objects in writing during 公示; one objection per team and round. */
    @Transactional
    public Objection file(String challengeId, int index, String organizationId, String userId, String reasons) {
        Challenge challenge = challenges.require(challengeId);
        challenge.requireNotEnded("objecting");
        // the finalizing job claims the same row: an objection is filed before it runs, or refused after
        Round round = rounds.requireLocked(challengeId, index);
        Instant now = clock.instant();
        if (!round.inPublicity(now)) {
            throw new Refused(DomainProblem.Kind.CONFLICT, "publicity-over", "round " + index + " is not in its 公示 "
                    + "period: objections are filed while its results are announced");
        }
        boolean inRound = results.findByChallengeIdAndRoundIndexOrderByRank(challengeId, index).stream()
                .anyMatch(r -> r.leadOrganizationId().equals(organizationId));
        if (!inRound) {
            throw new Refused(DomainProblem.Kind.CONFLICT, "not-in-round", "only a team whose bid is in round " + index
                    + " may object to its results");
        }
        if (objections.existsByChallengeIdAndRoundIndexAndOrganizationId(challengeId, index, organizationId)) {
            throw new Refused(DomainProblem.Kind.CONFLICT, "objection-exists", "your organization has filed its "
                    + "objection to round " + index + " already");
        }
        Objection objection = objections.save(Objection.file(challengeId, index, organizationId, userId, reasons, now));
        outbox.add(new ObjectionFiled(challengeId, challenge.getTitle(), index, objection.id(), organizationId, userId, now));
        return objection;
    }

    /** Upheld: the decisions named are corrected and the results announced again, with a new 公示 period. */
    @Transactional
    public Objection uphold(String objectionId, String resolution, Map<String, Decision> corrections) {
        Objection objection = objections.require(objectionId);
        Challenge challenge = challenges.require(objection.challengeId());
        Round round = rounds.require(objection.challengeId(), objection.roundIndex());
        List<RoundResult> current = results.findByChallengeIdAndRoundIndexOrderByRank(objection.challengeId(),
                objection.roundIndex());
        boolean last = rounds.findByChallengeIdOrderByRoundIndex(challenge.getId()).size() == round.getRoundIndex();
        List<FieldProblem> problems = new ArrayList<>();
        corrections.forEach((bidId, decision) -> {
            if (current.stream().noneMatch(r -> r.bidId().equals(bidId))) {
                problems.add(new FieldProblem("corrections." + bidId, "is not a bid of round " + round.getRoundIndex()));
            } else if (decision == (last ? Decision.ADVANCED : Decision.WINNER)) {
                problems.add(new FieldProblem("corrections." + bidId, last ? "the last round names winners"
                        : "only the last round names winners"));
            }
        });
        long goingOn = current.stream().filter(r -> corrections.getOrDefault(r.bidId(), r.decision()) != Decision.ELIMINATED)
                .count();
        Integer cap = round.getAdvancement().teamCap();
        if (cap != null && goingOn > cap) {
            problems.add(new FieldProblem("corrections", "would let " + goingOn + " teams go on; the round allows " + cap));
        }
        if (!problems.isEmpty()) {
            throw new InvalidChallenge("invalid-correction", "the corrections do not fit the round", problems);
        }
        Objection upheld = objections.update(objection.resolve(true, resolution, clock.instant()));
        for (RoundResult r : current) {
            Decision corrected = corrections.get(r.bidId());
            if (corrected != null && corrected != r.decision()) {
                results.update(r.decided(corrected));
            }
        }
        outbox.add(resolved(challenge, upheld));
        announce(challenge, round, true);
        return upheld;
    }

    @Transactional
    public Objection dismiss(String objectionId, String resolution) {
        Objection objection = objections.require(objectionId);
        Challenge challenge = challenges.require(objection.challengeId());
        Objection dismissed = objections.update(objection.resolve(false, resolution, clock.instant()));
        outbox.add(resolved(challenge, dismissed));
        return dismissed;
    }

    private static ObjectionResolved resolved(Challenge challenge, Objection o) {
        return new ObjectionResolved(challenge.getId(), challenge.getTitle(), o.roundIndex(), o.id(), o.organizationId(),
                o.filedBy(), o.status().name(), o.resolution(), o.resolvedAt());
    }

    /**
     * The results stand: each team going on is granted the round's tranche (never beyond the total budget),
     * then the next round waits for its start, or the last round's winners are awarded, or nobody went on: 流榜.
     */
    @Transactional(propagation = MANDATORY)
    public void finalize(Round round) {
        Challenge challenge = challenges.require(round.getChallengeId());
        Instant now = clock.instant();
        round.finalizeAt(now);
        rounds.update(round);
        List<RoundResult> goingOn = results.findByChallengeIdAndRoundIndexOrderByRank(challenge.getId(),
                round.getRoundIndex()).stream().filter(RoundResult::goesOn).toList();
        BigDecimal granted = grants.findByChallengeIdOrderByRoundIndex(challenge.getId()).stream()
                .map(FundingGrant::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<RoundFinalized.Grant> made = new ArrayList<>();
        for (RoundResult r : goingOn) {
            BigDecimal amount = round.getTranchePerTeam().min(challenge.getTotalBudget().subtract(granted));
            if (amount.signum() > 0) {
                FundingGrant grant = grants.save(FundingGrant.of(challenge.getId(), round.getRoundIndex(), r, amount, now));
                granted = granted.add(amount);
                made.add(new RoundFinalized.Grant(grant.id(), r.bidId(), r.leadOrganizationId(), r.submittedBy(), amount));
            }
        }
        outbox.add(new RoundFinalized(challenge.getId(), challenge.getTitle(), round.getRoundIndex(),
                goingOn.stream().map(RoundResult::bidId).toList(), made, now));
        List<Round> all = rounds.findByChallengeIdOrderByRoundIndex(challenge.getId());
        boolean last = all.size() == round.getRoundIndex();
        if (goingOn.isEmpty()) {
            outbox.add(challenge.nobodyAdvanced(now));
        } else if (last) {
            outbox.add(challenge.award(goingOn, now));
        } else {
            Round next = all.get(round.getRoundIndex());
            next.setEntrants(goingOn.stream().map(RoundResult::bidId).toList());
            rounds.update(next);
        }
        challenges.update(challenge);
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

    /** The program office releases part of a team's granted tranche. */
    @Transactional
    public FundingGrant release(String challengeId, String grantId, BigDecimal amount) {
        Challenge challenge = challenges.require(challengeId);
        FundingGrant grant = grants.require(grantId);
        if (!grant.challengeId().equals(challengeId)) {
            throw new FundingGrants.GrantNotFound(grantId);
        }
        FundingGrant released = grants.update(grant.release(amount));
        outbox.add(new FundingReleased(challengeId, challenge.getTitle(), grantId, grant.bidId(), grant.organizationId(),
                grant.submittedBy(), amount, clock.instant()));
        return released;
    }

    public static class Refused extends DomainProblem {
        public Refused(Kind kind, String code, String detail) {
            super(kind, code, detail);
        }
    }
}
