package cn.jiebang.challenge.requirement.web;

import cn.jiebang.challenge.reference.Region;
import cn.jiebang.challenge.reference.TechnologyField;
import cn.jiebang.challenge.requirement.application.RequirementCollection.Decision;
import cn.jiebang.challenge.requirement.application.RequirementCollection;
import cn.jiebang.challenge.requirement.application.RequirementQueries;
import cn.jiebang.challenge.requirement.domain.Indicator;
import cn.jiebang.challenge.requirement.domain.Requirement.Content;
import cn.jiebang.challenge.requirement.domain.Requirement;
import cn.jiebang.challenge.requirement.domain.RequirementFilter;
import cn.jiebang.challenge.requirement.domain.RequirementKind;
import cn.jiebang.challenge.requirement.domain.RequirementStatus;
import cn.jiebang.challenge.requirement.domain.Requirements.RequirementNotFound;
import cn.jiebang.web.Callers;
import cn.jiebang.web.Paging;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Technology requirements (需求征集): an agency writes, edits and submits its own; the program office
 * reviews all. Another organization's requirement answers 404.
 */
@Tag(name = "requirements")
@Controller("/api/requirements")
@ExecuteOn(TaskExecutors.BLOCKING)
class RequirementController {

    private final RequirementCollection collection;
    private final RequirementQueries queries;

    RequirementController(RequirementCollection collection, RequirementQueries queries) {
        this.collection = collection;
        this.queries = queries;
    }

    @Serdeable
    record RequirementRequest(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 20000) String description,
                              @NotNull RequirementKind kind, @NotNull TechnologyField technologyField,
                              @NotNull Region region, @NotNull @Size(max = 30) List<@Valid @NotNull Indicator> indicators,
                              @NotNull @Digits(integer = 13, fraction = 2) BigDecimal budgetCeiling,
                              @NotNull LocalDate wantedBy, boolean coFunded) {
        Content toContent() {
            return new Content(title.strip(), description.strip(), kind, technologyField, region,
                    indicators.stream().map(Indicator::stripped).toList(), budgetCeiling, wantedBy, coFunded);
        }
    }

    @Serdeable
    record ReviewRequest(@Nullable @Size(max = 5000) String comment) {
    }

    @Serdeable
    record RequirementView(String id, String organizationId, String submittedBy, String title, String description,
                           RequirementKind kind, TechnologyField technologyField, Region region,
                           List<Indicator> indicators, BigDecimal budgetCeiling, LocalDate wantedBy, boolean coFunded,
                           RequirementStatus status, @Nullable String reviewComment, Instant createdAt,
                           Instant updatedAt) {
        static RequirementView of(Requirement r) {
            return new RequirementView(r.getId(), r.getOrganizationId(), r.getSubmittedBy(), r.getTitle(),
                    r.getDescription(), r.getKind(), r.getTechnologyField(), r.getRegion(), r.getIndicators(),
                    r.getBudgetCeiling(), r.getWantedBy(), r.isCoFunded(), r.getStatus(), r.getReviewComment(),
                    r.getCreatedAt(), r.getUpdatedAt());
        }
    }

    @Serdeable
    record RequirementPage(List<RequirementView> items, int page, int size, long totalItems) {
    }

    @Operation(summary = "Write a draft requirement for the caller's organization (AGENCY)",
            description = "Who may call: AGENCY.\n\nA draft for the caller's own organization (`org`); the caller "
            + "becomes `submittedBy`. **201** and the requirement (`DRAFT`), with `Location: "
            + "/api/requirements/{id}`. **422** `invalid-requirement`.\n\nBody: `title` required, ≤ 200 "
            + "characters; `description` required, ≤ 20 000 characters; `kind` (`BOTTLENECK`, `COMMON_KEY`); "
            + "`technologyField`; `region`; `indicators`, at most 30, each with `name` ≤ 200 characters, "
            + "`targetValue` (at most 15 integer digits and 6 decimal places), `unit` ≤ 40 characters, `direction` "
            + "(`AT_LEAST`, `AT_MOST`) and `testMethod` ≤ 1000 characters; `budgetCeiling`, at most 13 integer "
            + "digits and 2 decimal places; `wantedBy`, an ISO date; `coFunded`, `true` or `false`. A missing or "
            + "malformed field is **400** `invalid-request` (`\"kind\": [\"BOTTLENECK\"]`: `kind` `must be one of "
            + "BOTTLENECK, COMMON_KEY`; `\"coFunded\": \"maybe\"`: `must be true or false`). **422** "
            + "`invalid-requirement`, with field errors, when there is no indicator, the budget ceiling is not "
            + "positive, `wantedBy` is not after today (UTC) or a `targetValue` is negative.")
    @Secured("AGENCY")
    @Post
    HttpResponse<RequirementView> create(@Body @Valid RequirementRequest request, Authentication caller) {
        Requirement r = collection.create(Callers.organizationOf(caller), caller.getName(), request.toContent());
        return HttpResponse.created(RequirementView.of(r), URI.create("/api/requirements/" + r.getId()));
    }

    @Operation(summary = "Edit a draft or returned requirement of the caller's organization (AGENCY)",
            description = "Who may call: AGENCY of the requirement's organization.\n\nThe same body. **200** and "
            + "the requirement; the caller becomes `submittedBy`. **404** `requirement-not-found`, also for "
            + "another organization. **409** `requirement-wrong-status` unless `DRAFT` or `RETURNED`. **422** "
            + "`invalid-requirement`.\n\nBody: as for `POST /api/requirements`.")
    @Secured("AGENCY")
    @Put("/{id}")
    RequirementView edit(@PathVariable String id, @Body @Valid RequirementRequest request, Authentication caller) {
        return RequirementView.of(collection.edit(ownRequirement(id, caller), caller.getName(), request.toContent()));
    }

    @Operation(summary = "Submit a draft or returned requirement for review (AGENCY)",
            description = "Who may call: AGENCY of the requirement's organization.\n\n**200** and the requirement "
            + "(`SUBMITTED`); `requirement.submitted.v1`. **404** `requirement-not-found`, also for another "
            + "organization. **409** `requirement-wrong-status` unless `DRAFT` or `RETURNED`.")
    @Secured("AGENCY")
    @Post("/{id}/submit")
    RequirementView submit(@PathVariable String id, Authentication caller) {
        return RequirementView.of(collection.submit(ownRequirement(id, caller), caller.getName()));
    }

    @Operation(summary = "Approve a submitted requirement (ADMIN)",
            description = "Who may call: ADMIN.\n\n`{comment}`, optional, ≤ 5000 characters. **200** and the "
            + "requirement (`APPROVED`); `requirement.reviewed.v1`. **404** `requirement-not-found`. **409** "
            + "`requirement-wrong-status` unless `SUBMITTED`.")
    @Secured("ADMIN")
    @Post("/{id}/approve")
    RequirementView approve(@PathVariable String id, @Body @Valid ReviewRequest review, Authentication caller) {
        return RequirementView.of(collection.review(id, Decision.APPROVE, caller.getName(), review.comment()));
    }

    @Operation(summary = "Return a submitted requirement for revision, with comments (ADMIN)",
            description = "Who may call: ADMIN.\n\n`{comment}`, required. **200** and the requirement (`RETURNED`, "
            + "`reviewComment`); `requirement.reviewed.v1`. **404**, **409** as for approve. **422** "
            + "`invalid-requirement` without a comment.")
    @Secured("ADMIN")
    @Post("/{id}/return")
    RequirementView returnForRevision(@PathVariable String id, @Body @Valid ReviewRequest review, Authentication caller) {
        return RequirementView.of(collection.review(id, Decision.RETURN, caller.getName(), review.comment()));
    }

    @Operation(summary = "Reject a submitted requirement, with a reason (ADMIN)",
            description = "Who may call: ADMIN.\n\n`{comment}`, the reason, required. **200** and the requirement "
            + "(`REJECTED`, `reviewComment`); `requirement.reviewed.v1`. **404**, **409** as for approve. **422** "
            + "`invalid-requirement` without a comment.")
    @Secured("ADMIN")
    @Post("/{id}/reject")
    RequirementView reject(@PathVariable String id, @Body @Valid ReviewRequest review, Authentication caller) {
        return RequirementView.of(collection.review(id, Decision.REJECT, caller.getName(), review.comment()));
    }

    @Operation(summary = "One requirement (ADMIN, or an AGENCY of its organization)",
            description = "Who may call: ADMIN, or AGENCY of its organization.\n\nThe requirement. **404** "
            + "`requirement-not-found`, also for another organization.")
    @Secured({"ADMIN", "AGENCY"})
    @Get("/{id}")
    RequirementView get(@PathVariable String id, Authentication caller) {
        Requirement r = queries.requirement(id);
        if (!Callers.hasRole(caller, "ADMIN") && !r.getOrganizationId().equals(Callers.organizationOf(caller))) {
            throw new RequirementNotFound(id);
        }
        return RequirementView.of(r);
    }

    @Operation(summary = "Requirements, newest first, filtered by status, field, kind, region and text "
            + "(ADMIN: all; AGENCY: its organization's)",
            description = "Who may call: ADMIN (all), AGENCY (its organization's).\n\n`{items, page, size, "
            + "totalItems}`, newest first (`createdAt`); `size` 1–100. Optional filters: `status`, `field` "
            + "(technology field), `kind`, `region`, and `q` (≤ 100 characters), text found literally in the title "
            + "or description (Chinese included; `%` and `_` are not wildcards).")
    @Secured({"ADMIN", "AGENCY"})
    @Get
    RequirementPage list(@QueryValue @Nullable RequirementStatus status, @QueryValue @Nullable TechnologyField field,
                         @QueryValue @Nullable RequirementKind kind, @QueryValue @Nullable Region region,
                         @QueryValue @Nullable @Size(max = 100) String q,
                         @QueryValue(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                         @QueryValue(defaultValue = "20") @Min(1) @Max(100) int size,
                         Authentication caller) {
        String organization = Callers.hasRole(caller, "ADMIN") ? null : Callers.organizationOf(caller);
        Page<Requirement> result = queries.requirements(
                new RequirementFilter(organization, status, field, kind, region, q), page, size);
        return new RequirementPage(result.getContent().stream().map(RequirementView::of).toList(), page, size,
                result.getTotalSize());
    }

    /** An agency touches only its own organization's requirements; anything else does not exist for it. */
    private Requirement ownRequirement(String id, Authentication caller) {
        Requirement r = queries.requirement(id);
        if (!r.getOrganizationId().equals(Callers.organizationOf(caller))) {
            throw new RequirementNotFound(id);
        }
        return r;
    }
}
