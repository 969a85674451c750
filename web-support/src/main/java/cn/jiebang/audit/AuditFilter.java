package cn.jiebang.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Records every state-changing API request (POST, PUT, PATCH, DELETE under {@code /api}), allowed or refused, in
 * the audit table of the service that handled it. A request that commits a change gets its entry in that
 * transaction ({@link AuditInTransaction}); here it gets the answer's status and, for a creation, the new
 * object's id. A request that commits nothing (refused, rolled back) gets its entry here, after the answer. The
 * object is the route's {@code {id}}, or the id at the end of a 201's or 202's {@code Location}.
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

    @RequestFilter
    void begin(HttpRequest<?> request) {
        if (STATE_CHANGING.contains(request.getMethod())) {
            request.setAttribute(RequestAudit.ATTRIBUTE, new RequestAudit());
        }
    }

    @ResponseFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    void record(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!STATE_CHANGING.contains(request.getMethod())) {
            return;
        }
        String pathObjectId = RequestAudit.pathObjectId(request);
        String objectId = pathObjectId != null ? pathObjectId : createdObjectId(response);
        Optional<Long> committed = RequestAudit.of(request).flatMap(RequestAudit::committedEntryId);
        try {
            if (committed.isEmpty()) {
                entries.save(RequestAudit.entry(request, objectId, response.code(), clock.instant()));
            } else if (response.code() != RequestAudit.COMMITTED_CHANGE || !Objects.equals(objectId, pathObjectId)) {
                entries.update(committed.get(), response.code(), RequestAudit.clip(objectId, 100));
            }
        } catch (RuntimeException e) {
            LOG.error("could not audit {} {} ({}): {}", request.getMethodName(), request.getPath(), response.code(), e.toString());
        }
    }

    @Nullable
    private static String createdObjectId(MutableHttpResponse<?> response) {
        if (response.getStatus() == HttpStatus.CREATED || response.getStatus() == HttpStatus.ACCEPTED) {
            String location = response.getHeaders().get("Location");
            return location == null ? null : location.replaceAll(".*/", "");
        }
        return null;
    }
}
