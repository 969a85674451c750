package cn.jiebang.portal.web.progress;

import cn.jiebang.portal.session.Visitor;
import cn.jiebang.portal.upstream.Service;
import cn.jiebang.portal.upstream.Upstream;
import cn.jiebang.portal.upstream.UpstreamProblem;
import cn.jiebang.portal.web.progress.ProgressApi.Bid;
import cn.jiebang.portal.web.progress.ProgressApi.Challenge;
import cn.jiebang.portal.web.progress.ProgressApi.Grant;
import cn.jiebang.portal.web.progress.ProgressApi.Objection;
import cn.jiebang.portal.web.progress.ProgressApi.Results;
import cn.jiebang.portal.web.progress.ProgressApi.Round;
import cn.jiebang.portal.web.progress.ProgressApi.TeamResult;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts a bid's evaluation together from the services, with the team's own token: bid-service for the bid
 * and its results per round, challenge-service for the rounds, the public results (is the bid in the
 * round?), the 公示 deadline, the organization's objections and its grants. What a service refuses where
 * that is normal (results not announced yet) becomes a message on the page, not an error page.
 */
@Singleton
class ProgressReader {

    private final Upstream upstream;
    private final Clock clock;

    ProgressReader(Upstream upstream, Clock clock) {
        this.upstream = upstream;
        this.clock = clock;
    }

    Bid bid(Visitor visitor, String bidId) {
        return upstream.get(Service.BID, "/api/bids/" + bidId, visitor, Bid.class);
    }

    /** The page's model: {@code bid}, {@code challenge}, {@code rounds}, {@code grants} and their totals. */
    Map<String, Object> read(Visitor visitor, String bidId) {
        Bid bid = bid(visitor, bidId);
        Challenge challenge = upstream.get(Service.CHALLENGE, "/api/challenges/" + bid.challengeId(), visitor,
                Challenge.class);
        Map<String, Object> model = new HashMap<>();
        model.put("bid", bid);
        model.put("challenge", challenge);
        boolean screenedIn = "SCREENED_IN".equals(bid.status());
        model.put("screenedIn", screenedIn);
        model.put("rounds", rounds(visitor, bid, challenge, screenedIn));
        if (screenedIn) {
            grants(visitor, bid, model);
        }
        return model;
    }

    private List<RoundProgress> rounds(Visitor visitor, Bid bid, Challenge challenge, boolean screenedIn) {
        Instant now = clock.instant();
        boolean evaluating = "IN_EVALUATION".equals(challenge.status());
        List<RoundProgress> rounds = new ArrayList<>();
        boolean out = false;
        for (Round round : challenge.rounds().stream().sorted(Comparator.comparingInt(Round::index)).toList()) {
            if (!screenedIn || out) {
                rounds.add(plain(round, screenedIn ? "not-racing" : "not-screened-in"));
                continue;
            }
            if (!round.announced()) {
                String stage = round.status().toLowerCase();
                boolean deliverable = "OPEN".equals(round.status()) && round.milestone() && evaluating
                        && now.isBefore(round.closesAt());
                rounds.add(new RoundProgress(round, stage, null, List.of(), null, false, false, List.of(), null,
                        deliverable, null));
                continue;
            }
            Results results = results(visitor, bid, round);
            if (results == null) {
                rounds.add(new RoundProgress(round, "closed", null, List.of(), null, false, false, List.of(), null,
                        false, "progress.result.not-announced"));
                continue;
            }
            if (results.results().stream().noneMatch(r -> r.bidId().equals(bid.id()))) {
                out = true;
                rounds.add(plain(round, "not-racing"));
                continue;
            }
            TeamResult result = null;
            String resultNotice = null;
            try {
                result = upstream.get(Service.BID, "/api/bids/" + bid.id() + "/rounds/" + round.index() + "/result",
                        visitor, TeamResult.class);
            } catch (UpstreamProblem problem) {
                resultNotice = problem.status() == 409 ? "progress.result.not-announced" : "problem." + problem.code();
            }
            if (result != null && "ELIMINATED".equals(result.decision())) {
                out = true;
            }
            List<Objection> objections = List.of();
            String objectionsNotice = null;
            try {
                objections = upstream.get(Service.CHALLENGE, "/api/challenges/" + bid.challengeId() + "/rounds/"
                        + round.index() + "/objections", visitor, Argument.listOf(Objection.class));
            } catch (UpstreamProblem problem) {
                objectionsNotice = "progress.objections.unavailable";
            }
            boolean publicityOpen = "ANNOUNCED".equals(round.status()) && results.publicityEndsAt() != null
                    && now.isBefore(results.publicityEndsAt());
            // one objection per organization and round: once filed, the page shows it instead of the form
            boolean objectionOpen = publicityOpen && evaluating && objections.isEmpty() && objectionsNotice == null;
            rounds.add(new RoundProgress(round, round.status().toLowerCase(), result, RoundProgress.scores(round, result),
                    results.publicityEndsAt(), publicityOpen, objectionOpen, objections, objectionsNotice, false,
                    resultNotice));
        }
        return rounds;
    }

    private static RoundProgress plain(Round round, String stage) {
        return new RoundProgress(round, stage, null, List.of(), null, false, false, List.of(), null, false, null);
    }

    /** The round's public results, or null while they are sealed (a correction may be on its way). */
    @Nullable
    private Results results(Visitor visitor, Bid bid, Round round) {
        try {
            return upstream.get(Service.CHALLENGE, "/api/challenges/" + bid.challengeId() + "/rounds/" + round.index()
                    + "/results", visitor, Results.class);
        } catch (UpstreamProblem problem) {
            if (problem.status() == 409) {
                return null;
            }
            throw problem;
        }
    }

    private void grants(Visitor visitor, Bid bid, Map<String, Object> model) {
        try {
            List<Grant> grants = upstream.get(Service.CHALLENGE, "/api/challenges/" + bid.challengeId() + "/funding",
                    visitor, Argument.listOf(Grant.class)).stream().filter(g -> g.bidId().equals(bid.id())).toList();
            model.put("grants", grants);
            model.put("granted", grants.stream().map(Grant::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
            model.put("released", grants.stream().map(Grant::released).reduce(BigDecimal.ZERO, BigDecimal::add));
        } catch (UpstreamProblem problem) {
            model.put("grants", List.of());
            model.put("grantsNotice", "progress.grants.unavailable");
        }
    }
}
