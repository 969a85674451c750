package cn.jiebang.bid.judging.application;

import cn.jiebang.bid.bidding.domain.Bid;
import cn.jiebang.bid.bidding.domain.Bids;
import cn.jiebang.bid.challenge.domain.BiddingChallenge;
import cn.jiebang.bid.challenge.domain.RoundRules;
import cn.jiebang.bid.judging.domain.Assignment;
import cn.jiebang.bid.judging.domain.Assignments;
import cn.jiebang.bid.judging.domain.RaceRound;
import cn.jiebang.bid.ranking.domain.Ranking;
import cn.jiebang.events.RoundRanked;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A round's ranking from its stored scores and published rules ({@link Ranking}): the same every time. */
@Singleton
class RoundRanking {

    private final Assignments assignments;
    private final Bids bids;

    RoundRanking(Assignments assignments, Bids bids) {
        this.assignments = assignments;
        this.bids = bids;
    }

    List<Ranking.Result> rank(BiddingChallenge challenge, RaceRound round) {
        RoundRules rules = challenge.round(round.getRoundIndex());
        Map<String, Map<String, Map<String, BigDecimal>>> byBid = new LinkedHashMap<>();
        round.getBidIds().forEach(b -> byBid.put(b, new TreeMap<>()));
        for (Assignment a : assignments.findByChallengeIdAndRoundIndex(round.getChallengeId(), round.getRoundIndex())) {
            if (a.isScored() && byBid.containsKey(a.getBidId())) {
                Map<String, BigDecimal> scores = new TreeMap<>();
                a.getScores().forEach((code, s) -> scores.put(code, s.score()));
                byBid.get(a.getBidId()).put(a.getJudgeId(), scores);
            }
        }
        List<Ranking.Entry> entries = new ArrayList<>();
        // a tie goes to the bid first submitted earlier (ADR 0013): revising before the deadline costs no place
        byBid.forEach((bidId, scores) -> entries.add(new Ranking.Entry(bidId, bids.require(bidId).getCreatedAt(), scores)));
        return Ranking.rank(entries, new Ranking.Rules(
                rules.criteria().stream().map(c -> new Ranking.Criterion(c.code(), c.weight(), c.maxScore())).toList(),
                Ranking.Aggregation.valueOf(rules.aggregation()), Ranking.Rule.valueOf(rules.advancementRule()),
                rules.advancementValue(), rules.maxTeams(), rules.minJudgesPerBid(),
                challenge.isLastRound(round.getRoundIndex())));
    }

    /** The ranking as round.ranked.v1 publishes it, with each bid's lead organization and submitter. */
    RoundRanked published(BiddingChallenge challenge, RaceRound round, Instant now) {
        List<RoundRanked.Entry> results = new ArrayList<>();
        for (Ranking.Result r : rank(challenge, round)) {
            Bid bid = bids.require(r.bidId());
            results.add(new RoundRanked.Entry(r.bidId(), bid.getLeadOrganizationId(), bid.getSubmittedBy(), r.aggregate(),
                    r.rank(), r.decision().name(), r.judges(), r.flagged()));
        }
        return new RoundRanked(round.getChallengeId(), round.getRoundIndex(), results, now);
    }
}
