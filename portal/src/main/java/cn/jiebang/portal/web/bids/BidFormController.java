package cn.jiebang.portal.web.bids;

import cn.jiebang.portal.session.Visitor;
import cn.jiebang.portal.upstream.Service;
import cn.jiebang.portal.upstream.Upstream;
import cn.jiebang.portal.upstream.UpstreamProblem;
import cn.jiebang.portal.web.Formats;
import cn.jiebang.portal.web.Redirects;
import cn.jiebang.portal.web.bids.BidApi.Bid;
import cn.jiebang.portal.web.bids.BidApi.Bidding;
import cn.jiebang.portal.web.bids.BidApi.Challenge;
import cn.jiebang.portal.web.bids.BidApi.Receipt;
import cn.jiebang.portal.web.bids.BidForm.BudgetUnit;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.value.ConvertibleMultiValues;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bid form (揭榜申报): a new bid on a challenge, and a revision of one. Either is sent with the
 * Idempotency-Key made when the form was drawn, so a double submit stores one version; bid-service's
 * receipt is then shown on its own page.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class BidFormController {

    private final Upstream upstream;
    private final BidPages pages;

    BidFormController(Upstream upstream, BidPages pages) {
        this.upstream = upstream;
        this.pages = pages;
    }

    @Get("/challenges/{id}/bid")
    HttpResponse<?> newBid(@PathVariable String id, HttpRequest<?> request) {
        Visitor visitor = pages.team(request);
        Challenge challenge = pages.challenge(id, visitor);
        BidForm form = BidForm.empty(challenge.indicators(), unitOf(pages.fmt(request)));
        return page(HttpStatus.OK, request, visitor, challenge, null, form, FieldErrors.none(), null, null);
    }

    @Post(value = "/challenges/{id}/bid", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> submit(@PathVariable String id, @Body Map<String, Object> body, HttpRequest<?> request) {
        Visitor visitor = pages.team(request);
        Formats fmt = pages.fmt(request);
        Challenge challenge = pages.challenge(id, visitor);
        BidForm form = read(body, challenge, fmt, visitor);
        BidForm.Converted converted = form.toContent();
        try {
            Receipt receipt = send(HttpRequest.POST("/api/challenges/" + BidPages.enc(id) + "/bids", converted.content()),
                    form, visitor);
            return Redirects.to(request, receiptPath(receipt));
        } catch (UpstreamProblem problem) {
            return refused(problem, request, visitor, challenge, null, form, converted, fmt, null);
        }
    }

    @Get("/my/bids/{id}/revise")
    HttpResponse<?> revision(@PathVariable String id, HttpRequest<?> request) {
        Visitor visitor = pages.team(request);
        Bid bid = upstream.get(Service.BID, "/api/bids/" + BidPages.enc(id), visitor, Bid.class);
        Challenge challenge = pages.challenge(bid.challengeId(), visitor);
        BidForm form = BidForm.of(bid.content(), bid.attachments(), challenge.indicators(),
                pages.members(bid.content().memberOrganizationIds(), visitor), unitOf(pages.fmt(request)),
                bid.currentVersion());
        return page(HttpStatus.OK, request, visitor, challenge, bid, form, FieldErrors.none(), null, null);
    }

    @Post(value = "/my/bids/{id}/revise", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> revise(@PathVariable String id, @Body Map<String, Object> body, HttpRequest<?> request) {
        Visitor visitor = pages.team(request);
        Formats fmt = pages.fmt(request);
        Bid bid = upstream.get(Service.BID, "/api/bids/" + BidPages.enc(id), visitor, Bid.class);
        Challenge challenge = pages.challenge(bid.challengeId(), visitor);
        BidForm form = read(body, challenge, fmt, visitor);
        if (form.baseVersion() == null) {
            form = form.withBaseVersion(bid.currentVersion());
        }
        BidForm.Converted converted = form.toContent();
        try {
            Receipt receipt = send(HttpRequest.POST("/api/bids/" + BidPages.enc(id) + "/versions",
                    new BidApi.Revision(form.baseVersion(), converted.content())), form, visitor);
            return Redirects.to(request, receiptPath(receipt));
        } catch (UpstreamProblem problem) {
            Integer latest = null;
            if ("stale-version".equals(problem.code())) {
                // the person's input stays; the next submit is based on the version a teammate made meanwhile
                latest = upstream.get(Service.BID, "/api/bids/" + BidPages.enc(id), visitor, Bid.class).currentVersion();
                form = form.withBaseVersion(latest);
            }
            return refused(problem, request, visitor, challenge, bid, form, converted, fmt, latest);
        }
    }

    /** Search-as-you-type over the public directory: organizations to add to the consortium. */
    @Get("/challenges/{id}/bid/organizations")
    ModelAndView<Map<String, Object>> search(@PathVariable String id, @QueryValue @Nullable String q,
                                             @QueryValue @Nullable List<String> memberOrganizationIds,
                                             HttpRequest<?> request) {
        Visitor visitor = pages.team(request);
        String query = q == null ? "" : q.strip();
        Map<String, Object> model = fragment();
        model.put("query", query);
        model.put("challengeId", id);
        if (query.isEmpty()) {
            model.put("results", List.of());
            return new ModelAndView<>("bids/organizations", model);
        }
        String uri = "/api/directory/organizations?size=10&q=" + BidPages.enc(query.length() > 100 ? query.substring(0, 100) : query);
        List<String> chosen = memberOrganizationIds == null ? List.of() : memberOrganizationIds;
        model.put("results", upstream.get(Service.CHALLENGE, uri, visitor, BidApi.OrganizationPage.class).items().stream()
                .filter(o -> !o.id().equals(visitor.organizationId()))
                .map(o -> Map.of("organization", o, "chosen", chosen.contains(o.id())))
                .toList());
        return new ModelAndView<>("bids/organizations", model);
    }

    /** One organization as a chosen consortium member; nothing for the team's own or one chosen already. */
    @Get("/challenges/{id}/bid/organizations/{organizationId}")
    HttpResponse<?> choose(@PathVariable String id, @PathVariable String organizationId,
                           @QueryValue @Nullable List<String> memberOrganizationIds, HttpRequest<?> request) {
        Visitor visitor = pages.team(request);
        boolean chosen = memberOrganizationIds != null && memberOrganizationIds.contains(organizationId);
        Optional<BidApi.Organization> organization = organizationId.equals(visitor.organizationId()) || chosen
                ? Optional.empty() : pages.organization(organizationId, visitor);
        if (organization.isEmpty()) {
            return HttpResponse.noContent();
        }
        Map<String, Object> model = fragment();
        BidApi.Organization o = organization.get();
        model.put("m", new BidForm.Member(o.id(), o.name(), o.region(), o.kind()));
        return HttpResponse.ok(new ModelAndView<>("bids/member", model));
    }

    private BidForm read(Map<String, Object> body, Challenge challenge, Formats fmt, Visitor visitor) {
        BidForm form = BidForm.read(multiValues(body), challenge.indicators(), unitOf(fmt));
        return form.withMembers(pages.members(form.members().stream().map(BidForm.Member::id).toList(), visitor));
    }

    /** A form body as Micronaut decodes it: a name given more than once has a list of values. */
    static ConvertibleMultiValues<String> multiValues(Map<String, Object> body) {
        Map<CharSequence, List<String>> values = new LinkedHashMap<>();
        body.forEach((name, value) -> values.put(name, value instanceof Collection<?> many
                ? many.stream().map(String::valueOf).toList() : List.of(String.valueOf(value))));
        return ConvertibleMultiValues.of(values);
    }

    private Receipt send(MutableHttpRequest<?> request, BidForm form, Visitor visitor) {
        request.contentType(MediaType.APPLICATION_JSON_TYPE).header("Idempotency-Key", form.idempotencyKey());
        return upstream.exchange(Service.BID, request, visitor, Argument.of(Receipt.class)).body();
    }

    private HttpResponse<?> refused(UpstreamProblem problem, HttpRequest<?> request, Visitor visitor,
                                    Challenge challenge, @Nullable Bid bid, BidForm form, BidForm.Converted converted,
                                    Formats fmt, @Nullable Integer latest) {
        FieldErrors errors = FieldErrors.of(problem, converted.errors(), form, challenge, fmt);
        String message = latest != null ? fmt.msg("bids.stale", latest) : pages.problemMessage(problem, fmt);
        HttpStatus status = problem.status() == 400 ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.valueOf(problem.status());
        return page(status, request, visitor, challenge, bid, form, errors, message, latest);
    }

    private HttpResponse<?> page(HttpStatus status, HttpRequest<?> request, Visitor visitor, Challenge challenge,
                                 @Nullable Bid bid, BidForm form, FieldErrors errors, @Nullable String message,
                                 @Nullable Integer staleLatest) {
        Optional<Bidding> bidding = pages.bidding(challenge.id(), visitor);
        boolean open = bidding.map(Bidding::open).orElse(false) && (bid == null || "SUBMITTED".equals(bid.status()));
        Map<String, Object> model = new HashMap<>();
        model.put("challenge", challenge);
        model.put("closesAt", bidding.map(Bidding::closesAt).orElse(challenge.bidClosesAt()));
        model.put("open", open);
        model.put("bid", bid);
        model.put("form", form);
        model.put("errors", errors);
        model.put("message", message);
        model.put("staleLatest", staleLatest);
        model.put("action", bid == null ? "/challenges/" + BidPages.enc(challenge.id()) + "/bid"
                : "/my/bids/" + BidPages.enc(bid.id()) + "/revise");
        model.put("base", "/challenges/" + BidPages.enc(challenge.id()) + "/bid");
        return HttpResponse.status(status).body(new ModelAndView<>("bids/form", model));
    }

    private static String receiptPath(Receipt receipt) {
        return "/my/bids/" + BidPages.enc(receipt.bidId()) + "/receipt?version=" + receipt.version()
                + (receipt.replayed() ? "&replayed=true" : "");
    }

    private static BudgetUnit unitOf(Formats fmt) {
        return fmt.zh() ? BudgetUnit.WAN : BudgetUnit.CNY;
    }

    /** A fragment's model: no layout, so no unread count to fetch. */
    static Map<String, Object> fragment() {
        Map<String, Object> model = new HashMap<>();
        model.put("unread", null);
        return model;
    }
}
