package cn.jiebang.portal.web.bids;

import cn.jiebang.portal.session.Visitor;
import cn.jiebang.portal.upstream.Service;
import cn.jiebang.portal.upstream.Upstream;
import cn.jiebang.portal.upstream.UpstreamProblem;
import cn.jiebang.portal.web.Formats;
import cn.jiebang.portal.web.Redirects;
import cn.jiebang.portal.web.bids.BidApi.Bid;
import cn.jiebang.portal.web.bids.BidApi.BidPage;
import cn.jiebang.portal.web.bids.BidApi.Bidding;
import cn.jiebang.portal.web.bids.BidApi.Challenge;
import cn.jiebang.portal.web.bids.BidApi.Version;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A team's bids: the list it lands on after sign-in, each bid with its versions, a receipt per version,
 * what changed between two versions, and withdrawing.
 */
@Controller("/my/bids")
@ExecuteOn(TaskExecutors.BLOCKING)
class MyBidsController {

    private static final int PAGE_SIZE = 20;

    private final Upstream upstream;
    private final BidPages pages;

    MyBidsController(Upstream upstream, BidPages pages) {
        this.upstream = upstream;
        this.pages = pages;
    }

    /** A line of the list: the bid and its challenge as bid-service knows it (title, deadline, open). */
    record Row(Bid bid, String title, @Nullable Bidding bidding, boolean changeable) {
    }

    @Get
    ModelAndView<Map<String, Object>> list(@QueryValue(defaultValue = "0") int page, HttpRequest<?> request) {
        Visitor visitor = pages.team(request);
        int current = Math.max(0, page);
        BidPage bids = upstream.get(Service.BID, "/api/bids?size=" + PAGE_SIZE + "&page=" + current, visitor, BidPage.class);
        Map<String, Optional<Bidding>> challenges = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        for (Bid bid : bids.items()) {
            Optional<Bidding> bidding = challenges.computeIfAbsent(bid.challengeId(), id -> pages.bidding(id, visitor));
            rows.add(new Row(bid, bidding.map(Bidding::title).orElse(bid.challengeId()), bidding.orElse(null),
                    changeable(bid, bidding)));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("rows", rows);
        model.put("page", current);
        model.put("hasNext", (long) (current + 1) * PAGE_SIZE < bids.totalItems());
        model.put("totalItems", bids.totalItems());
        return new ModelAndView<>("bids/list", model);
    }

    @Get("/{id}")
    ModelAndView<Map<String, Object>> bid(@PathVariable String id, @QueryValue @Nullable String withdrawn,
                                          HttpRequest<?> request) {
        Visitor visitor = pages.team(request);
        Bid bid = upstream.get(Service.BID, "/api/bids/" + BidPages.enc(id), visitor, Bid.class);
        List<Version> versions = versions(id, visitor);
        Challenge challenge = pages.challenge(bid.challengeId(), visitor);
        Optional<Bidding> bidding = pages.bidding(bid.challengeId(), visitor);
        Map<String, Object> model = new HashMap<>();
        model.put("bid", bid);
        model.put("challenge", challenge);
        model.put("versions", newestFirst(versions));
        model.put("members", pages.members(bid.content().memberOrganizationIds(), visitor));
        model.put("indicators", indicators(challenge, bid.content()));
        model.put("changeable", changeable(bid, bidding));
        model.put("closesAt", bidding.map(Bidding::closesAt).orElse(challenge.bidClosesAt()));
        model.put("withdrawn", withdrawn != null);
        return new ModelAndView<>("bids/bid", model);
    }

    @Get("/{id}/receipt")
    ModelAndView<Map<String, Object>> receipt(@PathVariable String id, @QueryValue @Nullable Integer version,
                                              @QueryValue @Nullable String replayed, HttpRequest<?> request) {
        Visitor visitor = pages.team(request);
        Bid bid = upstream.get(Service.BID, "/api/bids/" + BidPages.enc(id), visitor, Bid.class);
        int number = version == null ? bid.currentVersion() : version;
        // the receipt's server time and hash are the version's submittedAt and contentHash (ADR 0011)
        Version v = upstream.get(Service.BID, "/api/bids/" + BidPages.enc(id) + "/versions/" + number, visitor,
                Version.class);
        Map<String, Object> model = new HashMap<>();
        model.put("bid", bid);
        model.put("version", v);
        model.put("challengeTitle", pages.bidding(bid.challengeId(), visitor).map(Bidding::title).orElse(bid.challengeId()));
        model.put("replayed", replayed != null);
        return new ModelAndView<>("bids/receipt", model);
    }

    @Get("/{id}/diff")
    ModelAndView<Map<String, Object>> diff(@PathVariable String id, @QueryValue int from, @QueryValue int to,
                                           HttpRequest<?> request) {
        Visitor visitor = pages.team(request);
        Formats fmt = pages.fmt(request);
        Bid bid = upstream.get(Service.BID, "/api/bids/" + BidPages.enc(id), visitor, Bid.class);
        Version a = upstream.get(Service.BID, "/api/bids/" + BidPages.enc(id) + "/versions/" + from, visitor, Version.class);
        Version b = upstream.get(Service.BID, "/api/bids/" + BidPages.enc(id) + "/versions/" + to, visitor, Version.class);
        Map<String, String> names = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>(a.content().memberOrganizationIds());
        b.content().memberOrganizationIds().stream().filter(m -> !ids.contains(m)).forEach(ids::add);
        pages.members(ids, visitor).forEach(m -> names.put(m.id(), m.name()));
        Map<String, Object> model = new HashMap<>();
        model.put("bid", bid);
        model.put("from", a);
        model.put("to", b);
        model.put("versions", versions(id, visitor));
        model.put("challengeTitle", pages.bidding(bid.challengeId(), visitor).map(Bidding::title).orElse(bid.challengeId()));
        model.put("diff", BidDiff.between(a, b, names, fmt));
        return new ModelAndView<>("bids/diff", model);
    }

    @Get("/{id}/withdraw")
    ModelAndView<Map<String, Object>> confirmWithdrawal(@PathVariable String id, HttpRequest<?> request) {
        Visitor visitor = pages.team(request);
        return withdrawal(id, visitor, null);
    }

    @Post(value = "/{id}/withdraw", consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    HttpResponse<?> withdraw(@PathVariable String id, HttpRequest<?> request) {
        Visitor visitor = pages.team(request);
        try {
            upstream.exchange(Service.BID, HttpRequest.POST("/api/bids/" + BidPages.enc(id) + "/withdraw", "")
                    .contentType(MediaType.APPLICATION_JSON_TYPE), visitor, Argument.of(Bid.class));
        } catch (UpstreamProblem problem) {
            if (problem.status() == 404) {
                throw problem;
            }
            return HttpResponse.status(HttpStatus.valueOf(problem.status()))
                    .body(withdrawal(id, visitor, pages.problemMessage(problem, pages.fmt(request))));
        }
        return Redirects.to(request, "/my/bids/" + BidPages.enc(id) + "?withdrawn=true");
    }

    private ModelAndView<Map<String, Object>> withdrawal(String id, Visitor visitor, @Nullable String message) {
        Bid bid = upstream.get(Service.BID, "/api/bids/" + BidPages.enc(id), visitor, Bid.class);
        Optional<Bidding> bidding = pages.bidding(bid.challengeId(), visitor);
        Map<String, Object> model = new HashMap<>();
        model.put("bid", bid);
        model.put("challengeTitle", bidding.map(Bidding::title).orElse(bid.challengeId()));
        model.put("changeable", changeable(bid, bidding));
        model.put("message", message);
        return new ModelAndView<>("bids/withdraw", model);
    }

    private List<Version> versions(String id, Visitor visitor) {
        return upstream.get(Service.BID, "/api/bids/" + BidPages.enc(id) + "/versions", visitor,
                Argument.listOf(Version.class));
    }

    private static List<Version> newestFirst(List<Version> versions) {
        List<Version> copy = new ArrayList<>(versions);
        java.util.Collections.reverse(copy);
        return copy;
    }

    /** Revised and withdrawn only while live and while the challenge takes bids. */
    private static boolean changeable(Bid bid, Optional<Bidding> bidding) {
        return "SUBMITTED".equals(bid.status()) && bidding.map(Bidding::open).orElse(false);
    }

    /** Each committed value with the challenge's target beside it. */
    private static List<Map<String, Object>> indicators(Challenge challenge, BidApi.Content content) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (BidApi.CommittedIndicator committed : content.committedIndicators()) {
            Optional<BidApi.Indicator> target = challenge.indicators().stream()
                    .filter(i -> i.name().equals(committed.name())).findFirst();
            Map<String, Object> row = new HashMap<>();
            row.put("name", committed.name());
            row.put("value", BidApi.plain(committed.value()));
            row.put("unit", target.map(BidApi.Indicator::unit).orElse(""));
            row.put("target", target.map(BidApi.Indicator::target).orElse(""));
            rows.add(row);
        }
        return rows;
    }
}
