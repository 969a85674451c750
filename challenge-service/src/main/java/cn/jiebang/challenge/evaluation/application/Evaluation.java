package cn.jiebang.challenge.evaluation.application;

import cn.jiebang.challenge.challenge.domain.Challenge;
import cn.jiebang.challenge.challenge.domain.ChallengeStatus;
import cn.jiebang.challenge.challenge.domain.Challenges;
import cn.jiebang.challenge.challenge.domain.Round;
import cn.jiebang.challenge.challenge.domain.Rounds;
import cn.jiebang.challenge.evaluation.domain.Correction;
import cn.jiebang.challenge.evaluation.domain.Funding;
import cn.jiebang.challenge.evaluation.domain.FundingGrant;
import cn.jiebang.challenge.evaluation.domain.FundingGrants;
import cn.jiebang.challenge.evaluation.domain.Objection;
import cn.jiebang.challenge.evaluation.domain.Objections;
import cn.jiebang.challenge.evaluation.domain.RoundResult.Decision;
import cn.jiebang.challenge.evaluation.domain.RoundResult;
import cn.jiebang.challenge.evaluation.domain.RoundResults;
import cn.jiebang.events.RoundAnnounced;
import cn.jiebang.events.RoundFinalized;
import cn.jiebang.events.RoundRanked;
import cn.jiebang.events.ScoringCompleted;
import cn.jiebang.messaging.Outbox;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
               Outbox outbox, Clock clock,
               @Value("${jiebang.evaluation.publicity-day:1d}") Duration publicityDay) {
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
            results.save(RoundResult.ranked(event.challengeId(), event.roundIndex(), e));
        }
        Challenge challenge = challenges.require(event.challengeId());
        Round round = rounds.require(event.challengeId(), event.roundIndex());
        if (challenge.getStatus() == ChallengeStatus.IN_EVALUATION) {
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
                        .map(r -> new RoundAnnounced.Result(r.getBidId(), r.getLeadOrganizationId(), r.getSubmittedBy(),
                                r.getAggregate(), r.getRank(), r.getDecision().name(), r.isFlagged())).toList(),
                correction, round.getPublicityEndsAt(), now));
    }

    /** A team in the round objects in writing during 公示; one objection per team and round. */
    @Transactional
    public Objection file(String challengeId, int index, String organizationId, String userId, String reasons) {
        Challenge challenge = challenges.require(challengeId);
        challenge.requireNotEnded("objecting");
        // the finalizing job claims the same row: an objection is filed before it runs, or refused after
        Round round = rounds.requireLocked(challengeId, index);
        Objection objection = objections.save(Objection.file(round,
                results.findByChallengeIdAndRoundIndexOrderByRank(challengeId, index),
                objections.findByChallengeIdAndRoundIndexOrderByFiledAt(challengeId, index),
                organizationId, userId, reasons, clock.instant()));
        outbox.add(objection.filed(challenge.getTitle()));
        return objection;
    }

    /** Upheld: the decisions named are corrected and the results announced again, with a new 公示 period. */
    @Transactional
    public Objection uphold(String objectionId, String resolution, Map<String, Decision> corrections) {
        Objection objection = objections.require(objectionId);
        Challenge challenge = challenges.require(objection.getChallengeId());
        Round round = rounds.require(objection.getChallengeId(), objection.getRoundIndex());
        boolean last = rounds.findByChallengeIdOrderByRoundIndex(challenge.getId()).size() == round.getRoundIndex();
        Correction correction = Correction.of(round, last, results.findByChallengeIdAndRoundIndexOrderByRank(
                objection.getChallengeId(), objection.getRoundIndex()), corrections);
        outbox.add(objection.uphold(challenge.getTitle(), resolution, clock.instant()));
        Objection upheld = objections.update(objection);
        correction.apply().forEach(results::update);
        announce(challenge, round, true);
        return upheld;
    }

    @Transactional
    public Objection dismiss(String objectionId, String resolution) {
        Objection objection = objections.require(objectionId);
        Challenge challenge = challenges.require(objection.getChallengeId());
        outbox.add(objection.dismiss(challenge.getTitle(), resolution, clock.instant()));
        return objections.update(objection);
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
        Funding funding = Funding.of(challenge, grants.findByChallengeIdOrderByRoundIndex(challenge.getId()));
        List<RoundFinalized.Grant> made = funding.grantTranches(round, goingOn, now).stream().map(grants::save)
                .map(g -> new RoundFinalized.Grant(g.getId(), g.getBidId(), g.getOrganizationId(), g.getSubmittedBy(),
                        g.getAmount())).toList();
        List<String> goingOnBids = goingOn.stream().map(RoundResult::getBidId).toList();
        outbox.add(new RoundFinalized(challenge.getId(), challenge.getTitle(), round.getRoundIndex(), goingOnBids, made,
                now));
        List<Round> all = rounds.findByChallengeIdOrderByRoundIndex(challenge.getId());
        boolean last = all.size() == round.getRoundIndex();
        if (goingOn.isEmpty()) {
            outbox.add(challenge.nobodyAdvanced(now));
        } else if (last) {
            outbox.add(challenge.award(goingOn.stream().map(RoundResult::asWinner).toList(), now));
        } else {
            Round next = all.get(round.getRoundIndex());
            next.admitEntrants(goingOnBids);
            rounds.update(next);
        }
        challenges.update(challenge);
    }

    /** The program office releases part of a team's granted tranche. */
    @Transactional
    public FundingGrant release(String challengeId, String grantId, BigDecimal amount) {
        Challenge challenge = challenges.require(challengeId);
        FundingGrant grant = grants.require(challengeId, grantId);
        outbox.add(grant.release(amount, challenge.getTitle(), clock.instant()));
        return grants.update(grant);
    }
}
