package cn.jiebang.challenge.account.web;

import cn.jiebang.challenge.account.application.AccountAdministration.NewUser;
import cn.jiebang.challenge.account.application.AccountAdministration;
import cn.jiebang.challenge.account.application.AccountQueries;
import cn.jiebang.challenge.account.domain.Role;
import cn.jiebang.challenge.account.domain.User;
import cn.jiebang.challenge.account.domain.Users.UserNotFound;
import cn.jiebang.challenge.account.web.AccountViews.Paged;
import cn.jiebang.challenge.account.web.AccountViews.UserView;
import cn.jiebang.challenge.reference.TechnologyField;
import cn.jiebang.web.Callers;
import cn.jiebang.web.Paging;
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

/** User accounts: created and changed by the program office; a user may read and edit its own profile. */
@Tag(name = "users")
@Controller("/api/users")
@ExecuteOn(TaskExecutors.BLOCKING)
class UserController {

    private final AccountAdministration administration;
    private final AccountQueries queries;

    UserController(AccountAdministration administration, AccountQueries queries) {
        this.administration = administration;
        this.queries = queries;
    }

    @Serdeable
    record NewUserRequest(@NotBlank String organizationId, @NotBlank @Size(max = 100) String name,
                          @NotBlank @Email @Size(max = 254) String email, @NotEmpty Set<Role> roles,
                          @NotNull Set<TechnologyField> expertiseFields, @NotNull @Pattern(regexp = "zh|en") String language,
                          @NotBlank @Size(min = 10, max = 200) String password) {
    }

    @Serdeable
    record UserUpdate(@NotBlank @Size(max = 100) String name, @NotEmpty Set<Role> roles,
                      @NotNull Set<TechnologyField> expertiseFields, @NotNull @Pattern(regexp = "zh|en") String language) {
    }

    @Serdeable
    record ProfileUpdate(@NotBlank @Size(max = 100) String name, @NotNull Set<TechnologyField> expertiseFields,
                         @NotNull @Pattern(regexp = "zh|en") String language) {
    }

    @Operation(summary = "Create a user in an active organization (ADMIN)",
            description = "Who may call: ADMIN.\n\n**201** and the user (active), with `Location: "
            + "/api/users/{id}`; `user.registered.v1`. **404** `organization-not-found`. **422** "
            + "`organization-not-active`, `email-taken`, `password-too-long`.\n\nBody: `organizationId`; `name` ≤ "
            + "100 characters; `email` ≤ 254 characters; `roles`, not empty; `expertiseFields`, may be empty; "
            + "`language` `zh` or `en`; `password` 10–200 characters and at most 72 bytes in UTF-8, all BCrypt "
            + "reads (72 ASCII or 24 Chinese characters; longer answers **422** `password-too-long`). An "
            + "application's `contact` is the same without `organizationId` and `expertiseFields`.")
    @Secured("ADMIN")
    @Post
    HttpResponse<UserView> create(@Body @Valid NewUserRequest r) {
        User user = administration.registerUser(r.organizationId(), new NewUser(r.name().strip(), r.email(), r.roles(),
                r.expertiseFields(), r.language(), r.password()));
        return HttpResponse.created(UserView.of(user), URI.create("/api/users/" + user.getId()));
    }

    @Operation(summary = "Users, by name (ADMIN)",
            description = "Who may call: ADMIN.\n\n`{items, page, size, totalItems}`, all users by name; `size` "
            + "1–200.")
    @Secured("ADMIN")
    @Get
    Paged<UserView> list(@QueryValue(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                         @QueryValue(defaultValue = "50") @Min(1) @Max(200) int size) {
        Page<User> result = queries.users(page, size);
        return new Paged<>(result.getContent().stream().map(UserView::of).toList(), page, size, result.getTotalSize());
    }

    @Operation(summary = "The caller's own account (any signed-in user)",
            description = "Who may call: signed in.\n\nThe caller's own user (`sub`).")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get("/me")
    UserView me(Authentication caller) {
        return UserView.of(queries.user(caller.getName()));
    }

    @Operation(summary = "Change the caller's own name, expertise and language (any signed-in user)",
            description = "Who may call: signed in.\n\n`{name, expertiseFields, language}`; the roles the user has "
            + "stay, read in the same transaction. **200** and the user; `user.updated.v1`.")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Put("/me")
    UserView updateMe(@Body @Valid ProfileUpdate r, Authentication caller) {
        return UserView.of(administration.updateProfile(caller.getName(), r.name().strip(), r.expertiseFields(),
                r.language()));
    }

    @Operation(summary = "One user (ADMIN, or the user itself)",
            description = "Who may call: ADMIN, or that user.\n\nThe user. **404** `user-not-found`, also for any "
            + "other user, even of the same organization.")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get("/{id}")
    UserView get(@PathVariable String id, Authentication caller) {
        if (!Callers.hasRole(caller, "ADMIN") && !id.equals(caller.getName())) {
            throw new UserNotFound(id);
        }
        return UserView.of(queries.user(id));
    }

    @Operation(summary = "Change a user's name, roles, expertise and language (ADMIN)",
            description = "Who may call: ADMIN.\n\n`{name, roles, expertiseFields, language}`. **200** and the "
            + "user; `user.updated.v1` if the user is active. **404** `user-not-found`.")
    @Secured("ADMIN")
    @Put("/{id}")
    UserView update(@PathVariable String id, @Body @Valid UserUpdate r) {
        return UserView.of(administration.updateUser(id, r.name().strip(), r.roles(), r.expertiseFields(), r.language()));
    }
}
