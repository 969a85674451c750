package cn.jiebang.audit;

import cn.jiebang.web.Paging;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.util.List;

/** The audit trail of this service, for the program office. */
@Tag(name = "audit")
@Controller("/api/audit")
@Secured("ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
class AuditController {

    private final AuditEntries entries;

    AuditController(AuditEntries entries) {
        this.entries = entries;
    }

    @Serdeable
    record AuditPage(List<AuditEntry> items, int page, int size, long totalItems) {
    }

    @Operation(summary = "State-changing requests, newest first; filter by object id or actor (ADMIN)")
    @Get
    AuditPage list(@QueryValue @Nullable String objectId, @QueryValue @Nullable String actor,
                   @QueryValue(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                   @QueryValue(defaultValue = "50") @Min(1) @Max(500) int size) {
        Pageable pageable = Pageable.from(page, size, Sort.of(Sort.Order.desc("id")));
        Page<AuditEntry> result = objectId != null ? entries.findByObjectId(objectId, pageable)
                : actor != null ? entries.findByActor(actor, pageable)
                : entries.findAll(pageable);
        return new AuditPage(result.getContent(), page, size, result.getTotalSize());
    }
}
