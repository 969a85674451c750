package cn.jiebang.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.core.order.Ordered;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import cn.jiebang.web.Callers;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;
import io.micronaut.web.router.UriRouteInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.Principal;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * Records every state-changing API request (POST, PUT, PATCH, DELETE under {@code /api}), allowed
 * or refused, in the audit table of the service that handled it. The object is the route's
 * {@code {id}}, or the id at the end of a 201's {@code Location}.
 */
@ServerFilter("/api/**")
class AuditFilter implements Ordered {

    static final String ANONYMOUS = "anonymous";

    private static final Logger LOG = LoggerFactory.getLogger(AuditFilter.class);
    private static final Set<HttpMethod> STATE_CHANGING = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);

    private final AuditEntries entries;
    private final Clock clock;

    AuditFilter(AuditEntries entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    /** Outside the security filter, so that requests it refuses (401, 403) are recorded too. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    @ResponseFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    void record(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!STATE_CHANGING.contains(request.getMethod())) {
            return;
        }
        Optional<RouteMatch<?>> route = RouteAttributes.getRouteMatch(request);
        String template = route.map(RouteMatch::getRouteInfo)
                .filter(UriRouteInfo.class::isInstance)
                .map(info -> ((UriRouteInfo<?, ?>) info).getUriMatchTemplate().toString())
                .orElse(request.getPath());
        Principal principal = request.getUserPrincipal().orElse(null);
        try {
            entries.save(new AuditEntry(null,
                    principal == null ? ANONYMOUS : principal.getName(),
                    organizationOf(principal),
                    clip(request.getMethodName() + " " + template, 300),
                    clip(objectId(route.orElse(null), response), 100),
                    response.code(),
                    clock.instant()));
        } catch (RuntimeException e) {
            LOG.error("could not audit {} {} ({}): {}", request.getMethodName(), request.getPath(), response.code(), e.toString());
        }
    }

    /** Path ids come from the caller: a long one must still leave its audit row, cut to the column. */
    @Nullable
    private static String clip(@Nullable String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    @Nullable
    private static String organizationOf(@Nullable Principal principal) {
        return principal instanceof Authentication authentication ? Callers.organizationOf(authentication) : null;
    }

    @Nullable
    private static String objectId(@Nullable RouteMatch<?> route, MutableHttpResponse<?> response) {
        if (route != null && route.getVariableValues().get("id") != null) {
            return route.getVariableValues().get("id").toString();
        }
        if (response.getStatus() == HttpStatus.CREATED || response.getStatus() == HttpStatus.ACCEPTED) {
            return response.getHeaders().get("Location") == null ? null
                    : response.getHeaders().get("Location").replaceAll(".*/", "");
        }
        return null;
    }
}
