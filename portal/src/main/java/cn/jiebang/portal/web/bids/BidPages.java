package cn.jiebang.portal.web.bids;

import cn.jiebang.portal.session.Visitor;
import cn.jiebang.portal.session.Visitors;
import cn.jiebang.portal.upstream.Service;
import cn.jiebang.portal.upstream.Upstream;
import cn.jiebang.portal.upstream.UpstreamProblem;
import cn.jiebang.portal.web.Formats;
import cn.jiebang.portal.web.bids.BidApi.Bidding;
import cn.jiebang.portal.web.bids.BidApi.Challenge;
import cn.jiebang.portal.web.bids.BidApi.Organization;
import io.micronaut.context.MessageSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What the bid pages share: who may see them, the page's language, and the reads from the services. */
@Singleton
class BidPages {

    private final Upstream upstream;
    private final Clock clock;
    private final MessageSource messages;
    private final HttpLocaleResolver locales;

    BidPages(Upstream upstream, Clock clock, MessageSource messages, HttpLocaleResolver locales) {
        this.upstream = upstream;
        this.clock = clock;
        this.messages = messages;
        this.locales = locales;
    }

    /** A signed-in research team member; anyone else signed in is refused with {@link NotATeam}. */
    Visitor team(HttpRequest<?> request) {
        Visitor visitor = Visitors.signedIn(request, clock);
        if (!visitor.hasRole("TEAM")) {
            throw new NotATeam();
        }
        return visitor;
    }

    /** The formatter of the page's language, for texts the controller puts together. */
    Formats fmt(HttpRequest<?> request) {
        Locale requested = locales.resolveOrDefault(request);
        return new Formats("en".equals(requested.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE, messages);
    }

    /** A refused request in the person's words: {@code problem.<code>}, else the status's general message. */
    String problemMessage(UpstreamProblem problem, Formats fmt) {
        String key = "problem." + problem.code();
        return messages.getMessage(key, fmt.locale()).isPresent() ? fmt.msg(key)
                : fmt.msg("error.status." + problem.status());
    }

    Challenge challenge(String id, Visitor visitor) {
        return upstream.get(Service.CHALLENGE, "/api/challenges/" + enc(id), visitor, Challenge.class);
    }

    /** Whether bid-service takes bids on it now; empty while the challenge has not reached bid-service. */
    Optional<Bidding> bidding(String challengeId, Visitor visitor) {
        return upstream.find(Service.BID, "/api/challenges/" + enc(challengeId) + "/bidding", visitor, Bidding.class);
    }

    /** The directory's entry for each id, in order; an id the directory does not show stays an id. */
    List<BidForm.Member> members(List<String> ids, Visitor visitor) {
        List<BidForm.Member> members = new ArrayList<>();
        for (String id : ids) {
            members.add(organization(id, visitor).map(o -> new BidForm.Member(o.id(), o.name(), o.region(), o.kind()))
                    .orElseGet(() -> new BidForm.Member(id, id, null, null)));
        }
        return members;
    }

    Optional<Organization> organization(String id, Visitor visitor) {
        try {
            return upstream.find(Service.CHALLENGE, "/api/directory/organizations/" + enc(id), visitor,
                    Organization.class);
        } catch (UpstreamProblem problem) {
            return Optional.empty();
        }
    }

    static String enc(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
