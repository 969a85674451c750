package cn.jiebang.portal.web.board;

import cn.jiebang.portal.session.Visitor;
import cn.jiebang.portal.upstream.Service;
import cn.jiebang.portal.upstream.ServiceUnavailable;
import cn.jiebang.portal.upstream.Upstream;
import cn.jiebang.portal.upstream.UpstreamProblem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One challenge as anyone may read it before bidding: what is asked (indicators), who may bid, the money,
 * the bid window, the IP terms and every round's rules as declared at publication; then what happened
 * (amendments, clarifications, announced results, 流榜 or 撤榜). A signed-in team is offered the bid form
 * while bid-service says bidding is open.
 */
@Controller("/challenges")
@ExecuteOn(TaskExecutors.BLOCKING)
class ChallengePageController {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    /** challenge-service writes the 公示 end into the detail of RESULTS_ANNOUNCED: "1 方案评审 · 公示至 2027-…Z". */
    private static final String PUBLICITY_UNTIL = " · 公示至 ";
    private static final String FORCED = " (forced)";
    private static final Pattern LEADING_COUNT = Pattern.compile("^(\\d+)\\b.*");

    private final Upstream upstream;
    private final OrganizationNames names;
    private final Clock clock;

    ChallengePageController(Upstream upstream, OrganizationNames names, Clock clock) {
        this.upstream = upstream;
        this.names = names;
        this.clock = clock;
    }

    /** A round's announced results, each team by name. */
    record RoundResults(int index, String status, @Nullable Instant publicityEndsAt, List<ResultLine> lines) {
    }

    record ResultLine(ChallengeApi.Result result, @Nullable String team) {
    }

    /**
     * A timeline entry in parts the page words in the person's language: {@code text} is data (a round's
     * name, an amendment's text, a cancellation reason), the rest are facts to put in words.
     */
    record TimelineLine(Instant at, String event, boolean planned, @Nullable String text, @Nullable Integer count,
                        @Nullable Instant until, boolean forced) {
    }

    @Get("/{id}")
    HttpResponse<ModelAndView<Map<String, Object>>> challenge(@PathVariable String id, HttpRequest<?> request) {
        if (!ID.matcher(id).matches()) {
            throw notFound();
        }
        Visitor visitor = PublicVisitor.of(request, clock);
        // an unknown id, and a draft the visitor may not see, answer 404 challenge-not-found: the error page says so
        ChallengeApi.Challenge challenge = upstream.get(Service.CHALLENGE, "/api/challenges/" + id, visitor,
                ChallengeApi.Challenge.class);
        List<ChallengeApi.Amendment> amendments = upstream.get(Service.CHALLENGE, "/api/challenges/" + id + "/amendments",
                visitor, Argument.listOf(ChallengeApi.Amendment.class));
        ChallengeApi.Bidding bidding = bidding(id);
        List<RoundResults> results = results(challenge, visitor);

        Map<String, Object> model = new HashMap<>();
        model.put("c", challenge);
        model.put("owner", names.nameOf(challenge.ownerOrganizationId()).orElse(null));
        model.put("amendments", amendments);
        model.put("timeline", challenge.timeline().stream().map(ChallengePageController::line).toList());
        model.put("results", results);
        model.put("bidding", bidding);
        model.put("biddingOpen", bidding != null && bidding.open());
        model.put("canBid", bidding != null && bidding.open() && visitor != null && visitor.hasRole("TEAM"));
        model.put("lastRound", challenge.rounds().size());
        model.put("statement", paragraphs(challenge.problemStatement()));
        model.put("ipTerms", paragraphs(challenge.ipTerms()));
        return HttpResponse.ok(new ModelAndView<>("public/challenge", model));
    }

    /** Whether bid-service takes bids now; unknown (no button) when it has not heard of the challenge or is down. */
    @Nullable
    private ChallengeApi.Bidding bidding(String id) {
        try {
            return upstream.find(Service.BID, "/api/challenges/" + id + "/bidding", null, ChallengeApi.Bidding.class)
                    .orElse(null);
        } catch (UpstreamProblem | ServiceUnavailable e) {
            return null;
        }
    }

    private List<RoundResults> results(ChallengeApi.Challenge challenge, @Nullable Visitor visitor) {
        List<ChallengeApi.Results> announced = new ArrayList<>();
        for (ChallengeApi.Round round : challenge.rounds()) {
            if (!round.announced()) {
                continue;
            }
            try {
                announced.add(upstream.get(Service.CHALLENGE, "/api/challenges/" + challenge.id() + "/rounds/"
                        + round.index() + "/results", visitor, ChallengeApi.Results.class));
            } catch (UpstreamProblem sealed) {
                // results-not-announced: the round moved on between the two reads; nothing public yet
            }
        }
        Set<String> teams = new LinkedHashSet<>();
        announced.forEach(r -> r.results().forEach(line -> teams.add(line.leadOrganizationId())));
        Map<String, String> teamNames = names.of(teams);
        return announced.stream().map(r -> new RoundResults(r.index(), r.status(), r.publicityEndsAt(),
                r.results().stream().map(line -> new ResultLine(line, teamNames.get(line.leadOrganizationId()))).toList()))
                .toList();
    }

    static TimelineLine line(ChallengeApi.TimelineEntry entry) {
        String detail = entry.detail();
        return switch (entry.event()) {
            case "RESULTS_ANNOUNCED" -> {
                Instant until = null;
                String round = detail;
                if (detail != null && detail.contains(PUBLICITY_UNTIL)) {
                    round = detail.substring(0, detail.indexOf(PUBLICITY_UNTIL));
                    until = instant(detail.substring(detail.indexOf(PUBLICITY_UNTIL) + PUBLICITY_UNTIL.length()));
                }
                yield new TimelineLine(entry.at(), entry.event(), entry.planned(), round, null, until, false);
            }
            case "ROUND_CLOSED" -> {
                boolean forced = detail != null && detail.endsWith(FORCED);
                yield new TimelineLine(entry.at(), entry.event(), entry.planned(),
                        forced ? detail.substring(0, detail.length() - FORCED.length()) : detail, null, null, forced);
            }
            case "SCREENING_COMPLETED" -> {
                Matcher count = LEADING_COUNT.matcher(detail == null ? "" : detail);
                yield new TimelineLine(entry.at(), entry.event(), entry.planned(), null,
                        count.matches() ? Integer.valueOf(count.group(1)) : null, null, false);
            }
            default -> new TimelineLine(entry.at(), entry.event(), entry.planned(), detail, null, null, false);
        };
    }

    /** Long texts as their lines, so the page keeps the author's paragraphs without markup from the text. */
    static List<String> paragraphs(@Nullable String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    @Nullable
    private static Instant instant(String text) {
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** What challenge-service answers for an id it does not know, for an id it could not even be asked about. */
    private static UpstreamProblem notFound() {
        return new UpstreamProblem(404, new UpstreamProblem.Body("https://jiebang.cn/problems/challenge-not-found",
                "Not Found", 404, null, null));
    }
}
