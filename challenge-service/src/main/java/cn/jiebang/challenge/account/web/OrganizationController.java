package cn.jiebang.challenge.account.web;

import cn.jiebang.challenge.account.application.AccountAdministration.NewOrganization;
import cn.jiebang.challenge.account.application.AccountAdministration.NewUser;
import cn.jiebang.challenge.account.application.AccountAdministration;
import cn.jiebang.challenge.account.application.AccountQueries;
import cn.jiebang.challenge.account.domain.Organization;
import cn.jiebang.challenge.account.domain.OrganizationStatus;
import cn.jiebang.challenge.account.domain.Organizations.OrganizationNotFound;
import cn.jiebang.challenge.account.domain.Role;
import cn.jiebang.challenge.account.domain.User;
import cn.jiebang.challenge.account.web.AccountViews.OrganizationView;
import cn.jiebang.challenge.account.web.AccountViews.Paged;
import cn.jiebang.challenge.account.web.AccountViews.UserView;
import cn.jiebang.challenge.reference.OrganizationKind;
import cn.jiebang.challenge.reference.Region;
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
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.net.URI;
import java.util.Set;

/** Organizations: registered by the program office, or applied for by themselves and approved. */
@Tag(name = "organizations")
@Controller("/api/organizations")
@ExecuteOn(TaskExecutors.BLOCKING)
class OrganizationController {

    private final AccountAdministration administration;
    private final AccountQueries queries;

    OrganizationController(AccountAdministration administration, AccountQueries queries) {
        this.administration = administration;
        this.queries = queries;
    }

    @Serdeable
    record OrganizationRequest(@NotBlank @Size(max = 200) String name, @NotBlank String creditCode,
                               @NotNull Region region, @NotNull OrganizationKind kind) {
    }

    @Serdeable
    record ContactRequest(@NotBlank @Size(max = 100) String name, @NotBlank @Email @Size(max = 254) String email,
                          @NotEmpty Set<Role> roles, @NotNull @Pattern(regexp = "zh|en") String language,
                          @NotBlank @Size(min = 10, max = 200) String password) {
    }

    @Serdeable
    record ApplicationRequest(@NotNull @Valid OrganizationRequest organization, @NotNull @Valid ContactRequest contact) {
    }

    @Serdeable
    record OrganizationUpdate(@NotBlank @Size(max = 200) String name, @NotNull Region region,
                              @NotNull OrganizationKind kind) {
    }

    @Serdeable
    record RejectionRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    @Operation(summary = "Register an organization, active at once (ADMIN)",
            description = "Who may call: ADMIN.\n\n**201** and the organization (`ACTIVE`), with `Location: "
            + "/api/organizations/{id}`; `organization.registered.v1`. **422** `invalid-credit-code` (the field "
            + "and what is wrong), `credit-code-taken`.\n\nBody: `name` required, ≤ 200 characters; `creditCode` "
            + "required, 18 characters (lower case and surrounding blanks are accepted); `region`; `kind`.")
    @Secured("ADMIN")
    @Post
    HttpResponse<OrganizationView> register(@Body @Valid OrganizationRequest request) {
        Organization o = administration.registerOrganization(toNew(request));
        return HttpResponse.created(OrganizationView.of(o), URI.create("/api/organizations/" + o.getId()));
    }

    @Operation(summary = "Apply to register an organization with its contact person (anyone); an ADMIN approves",
            description = "Who may call: anyone.\n\n申请注册: `{organization, contact}`. **202** and the organization "
            + "(`PENDING`), with `Location`. The contact user is stored inactive; no event. **422** "
            + "`invalid-credit-code`, `credit-code-taken`, `email-taken`, `password-too-long`, `role-not-allowed` "
            + "(the contact asked for `ADMIN`).")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Post("/applications")
    HttpResponse<OrganizationView> apply(@Body @Valid ApplicationRequest request) {
        ContactRequest c = request.contact();
        Organization o = administration.applyForRegistration(toNew(request.organization()),
                new NewUser(c.name(), c.email(), c.roles(), Set.of(), c.language(), c.password()));
        return HttpResponse.accepted(URI.create("/api/organizations/" + o.getId())).body(OrganizationView.of(o));
    }

    @Operation(summary = "Change an active organization's name, region or kind (ADMIN); its credit code stays",
            description = "Who may call: ADMIN.\n\n`{name, region, kind}`; the credit code never changes. **200** "
            + "and the organization; `organization.updated.v1`. **404** `organization-not-found`. **409** "
            + "`organization-not-active` (only an `ACTIVE` organization can be changed).\n\nBody: `name` required, "
            + "≤ 200 characters; `region`; `kind`.")
    @Secured("ADMIN")
    @Put("/{id}")
    OrganizationView update(@PathVariable String id, @Body @Valid OrganizationUpdate request) {
        return OrganizationView.of(administration.updateOrganization(id, request.name().strip(), request.region(),
                request.kind()));
    }

    @Operation(summary = "Approve an application (ADMIN): the organization and its contact become active",
            description = "Who may call: ADMIN.\n\n**200** and the organization (`ACTIVE`); its users become "
            + "active. `organization.registered.v1` and one `user.registered.v1` per user. **404** "
            + "`organization-not-found`. **409** `organization-not-pending`.")
    @Secured("ADMIN")
    @Post("/{id}/approve")
    OrganizationView approve(@PathVariable String id) {
        return OrganizationView.of(administration.approve(id));
    }

    @Operation(summary = "Reject an application with a reason (ADMIN)",
            description = "Who may call: ADMIN.\n\n`{reason}`, ≤ 1000 characters. **200** and the organization "
            + "(`REJECTED`, `rejectionReason`); its credit code is freed and its contact users are deleted; no "
            + "event. **404** `organization-not-found`. **409** `organization-not-pending`.")
    @Secured("ADMIN")
    @Post("/{id}/reject")
    OrganizationView reject(@PathVariable String id, @Body @Valid RejectionRequest request) {
        return OrganizationView.of(administration.reject(id, request.reason()));
    }

    @Operation(summary = "Organizations, newest first, optionally by status (ADMIN)",
            description = "Who may call: ADMIN.\n\n`{items, page, size, totalItems}`, newest first, optionally "
            + "only one `status`; `size` 1–100.")
    @Secured("ADMIN")
    @Get
    Paged<OrganizationView> list(@QueryValue @Nullable OrganizationStatus status,
                                 @QueryValue(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                                 @QueryValue(defaultValue = "20") @Min(1) @Max(100) int size) {
        Page<Organization> result = queries.organizations(status, page, size);
        return new Paged<>(result.getContent().stream().map(OrganizationView::of).toList(), page, size,
                result.getTotalSize());
    }

    @Operation(summary = "One organization (ADMIN, or its own members)",
            description = "Who may call: ADMIN, or a user of that organization.\n\nThe organization. **404** "
            + "`organization-not-found`, also for another organization.")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get("/{id}")
    OrganizationView get(@PathVariable String id, Authentication caller) {
        return OrganizationView.of(visible(id, caller));
    }

    @Operation(summary = "The users of an organization (ADMIN, or its own members)",
            description = "Who may call: ADMIN, or a user of that organization.\n\n`{items, page, size, "
            + "totalItems}`, its users by name; `size` 1–200. **404** `organization-not-found`, also for another "
            + "organization.")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get("/{id}/users")
    Paged<UserView> users(@PathVariable String id, Authentication caller,
                          @QueryValue(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                          @QueryValue(defaultValue = "50") @Min(1) @Max(200) int size) {
        visible(id, caller);
        Page<User> result = queries.members(id, page, size);
        return new Paged<>(result.getContent().stream().map(UserView::of).toList(), page, size, result.getTotalSize());
    }

    /** Another organization's record is answered as if it did not exist, so ids cannot be probed. */
    private Organization visible(String id, Authentication caller) {
        if (!Callers.hasRole(caller, "ADMIN") && !id.equals(Callers.organizationOf(caller))) {
            throw new OrganizationNotFound(id);
        }
        return queries.organization(id);
    }

    private static NewOrganization toNew(OrganizationRequest r) {
        return new NewOrganization(r.name().strip(), r.creditCode(), r.region(), r.kind());
    }
}
