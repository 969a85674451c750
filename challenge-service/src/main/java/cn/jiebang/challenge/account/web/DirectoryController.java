package cn.jiebang.challenge.account.web;

import cn.jiebang.challenge.account.application.AccountQueries;
import cn.jiebang.challenge.account.domain.DirectoryFilter;
import cn.jiebang.challenge.account.domain.Organization;
import cn.jiebang.challenge.account.web.AccountViews.DirectoryEntry;
import cn.jiebang.challenge.account.web.AccountViews.Paged;
import cn.jiebang.challenge.reference.OrganizationKind;
import cn.jiebang.challenge.reference.Region;
import cn.jiebang.web.Paging;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * The public organization directory, so that a challenge's owner agency and a consortium's members can
 * be shown by name: active organizations only, and of them only id, name, region and kind.
 */
@Tag(name = "directory")
@Controller("/api/directory/organizations")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class DirectoryController {

    private final AccountQueries queries;

    DirectoryController(AccountQueries queries) {
        this.queries = queries;
    }

    @Operation(summary = "Active organizations by name, filtered by region, kind and literal text in the name (anyone)",
            description = "Who may call: anyone.\n\nThe public directory, to show organizations by name (a "
            + "challenge's owner agency, a consortium's members): `{items, page, size, totalItems}`, `ACTIVE` "
            + "organizations only, by `name` (in the column's collation: Chinese characters by code point, not by "
            + "pinyin), then `id`; each item `{id, name, region, kind}`, never the credit code, status, rejection "
            + "reason or users. `size` 1–100. Optional filters: `region`, `kind`, and `q` (≤ 100 characters), text "
            + "found literally in the name (Chinese included; `%` and `_` are not wildcards; case does not matter).")
    @Get
    Paged<DirectoryEntry> list(@QueryValue @Nullable @Size(max = 100) String q, @QueryValue @Nullable Region region,
                               @QueryValue @Nullable OrganizationKind kind,
                               @QueryValue(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                               @QueryValue(defaultValue = "20") @Min(1) @Max(100) int size) {
        Page<Organization> result = queries.directory(new DirectoryFilter(region, kind, q), page, size);
        return new Paged<>(result.getContent().stream().map(DirectoryEntry::of).toList(), page, size,
                result.getTotalSize());
    }

    @Operation(summary = "One active organization (anyone); a pending or rejected one answers 404 like an unknown id",
            description = "Who may call: anyone.\n\nAn `ACTIVE` organization's `{id, name, region, kind}`. **404** "
            + "`organization-not-found` for a pending or rejected application exactly as for an unknown id (the "
            + "body differs only in the id), so applications cannot be probed.")
    @Get("/{id}")
    DirectoryEntry get(@PathVariable String id) {
        return DirectoryEntry.of(queries.activeOrganization(id));
    }
}
