package cn.jiebang.audit;

import cn.jiebang.web.Callers;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;
import io.micronaut.web.router.UriRouteInfo;

import java.security.Principal;
import java.time.Instant;
import java.util.Optional;

/**
 * The audit of one state-changing request, kept as a request attribute from {@link AuditFilter} to the answer.
 * It knows whether the request's entry was committed with a change ({@link AuditInTransaction}); if not, the
 * filter writes the entry after the answer.
 */
final class RequestAudit {

    static final String ATTRIBUTE = RequestAudit.class.getName();

    /**
     * The status an entry written with its change holds until the answer is known (the answer does not exist
     * before the commit): the change succeeded. The filter then puts the answer's own status.
     */
    static final int COMMITTED_CHANGE = HttpStatus.OK.getCode();

    // written by the thread that commits, read by the one that answers, one after the other
    private volatile Long committedEntryId;

    static Optional<RequestAudit> of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, RequestAudit.class);
    }

    Optional<Long> committedEntryId() {
        return Optional.ofNullable(committedEntryId);
    }

    void committed(long entryId) {
        committedEntryId = entryId;
    }

    static AuditEntry entry(HttpRequest<?> request, @Nullable String objectId, int status, Instant at) {
        Principal principal = request.getUserPrincipal().orElse(null);
        return new AuditEntry(null,
                principal == null ? AuditFilter.ANONYMOUS : principal.getName(),
                organizationOf(principal),
                clip(request.getMethodName() + " " + routeTemplate(request), 300),
                clip(objectId, 100),
                status,
                at);
    }

    /** The route's {@code {id}}, known before the answer. */
    @Nullable
    static String pathObjectId(HttpRequest<?> request) {
        return RouteAttributes.getRouteMatch(request)
                .map(route -> route.getVariableValues().get("id"))
                .map(Object::toString)
                .orElse(null);
    }

    /** Path ids come from the caller: a long one must still leave its audit row, cut to the column. */
    @Nullable
    static String clip(@Nullable String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static String routeTemplate(HttpRequest<?> request) {
        return RouteAttributes.getRouteMatch(request)
                .map(RouteMatch::getRouteInfo)
                .filter(UriRouteInfo.class::isInstance)
                .map(info -> ((UriRouteInfo<?, ?>) info).getUriMatchTemplate().toString())
                .orElse(request.getPath());
    }

    @Nullable
    private static String organizationOf(@Nullable Principal principal) {
        return principal instanceof Authentication authentication ? Callers.organizationOf(authentication) : null;
    }
}
