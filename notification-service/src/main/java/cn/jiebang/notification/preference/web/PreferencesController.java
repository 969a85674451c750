package cn.jiebang.notification.preference.web;

import cn.jiebang.notification.inbox.domain.NotificationKind;
import cn.jiebang.notification.preference.application.Preferences;
import cn.jiebang.notification.preference.domain.Subscription;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Map;
import java.util.Set;

/**
 * A user's own choices: the technology fields and regions to follow (new and amended challenges in them
 * are announced), and per kind of notification whether it also comes by e-mail (the inbox always gets it).
 */
@Tag(name = "notifications")
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class PreferencesController {

    private final Preferences preferences;

    PreferencesController(Preferences preferences) {
        this.preferences = preferences;
    }

    @Serdeable
    record Following(@NotNull @Size(max = 20) Set<@Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}") String> fields,
                     @NotNull @Size(max = 10) Set<@Pattern(regexp = "[A-Z][A-Z0-9_]{1,19}") String> regions) {
    }

    @Operation(summary = "The technology fields and regions the caller follows",
            description = "Who may call: signed in.\n\n`{fields, regions}`, sorted: the technology fields and "
            + "regions the caller follows.")
    @Get("/subscriptions")
    Following following(Authentication caller) {
        return new Following(preferences.followed(caller.getName(), Subscription.Kind.FIELD),
                preferences.followed(caller.getName(), Subscription.Kind.REGION));
    }

    @Operation(summary = "Replace the technology fields and regions the caller follows",
            description = "Who may call: signed in.\n\n`{fields, regions}` (at most 20 and 10 upper-case names, "
            + "e.g. `NEW_MATERIALS`, `TIANJIN`) replaces them; answers like `GET`.")
    @Put("/subscriptions")
    Following follow(@Body @Valid Following following, Authentication caller) {
        preferences.follow(caller.getName(), following.fields(), following.regions());
        return following(caller);
    }

    @Serdeable
    record Channels(@NotNull Map<NotificationKind, Boolean> email) {
    }

    @Operation(summary = "Per kind of notification, whether the caller also gets it by e-mail (default: yes)",
            description = "Who may call: signed in.\n\n`{email: {<kind>: true or false}}` for every kind; `true` "
            + "unless the caller switched it off.")
    @Get("/notification-preferences")
    Channels channels(Authentication caller) {
        return new Channels(preferences.emailChoices(caller.getName()));
    }

    @Operation(summary = "Choose, per kind of notification, whether it also comes by e-mail; kinds left out keep their choice",
            description = "Who may call: signed in.\n\n`{email: {<kind>: boolean}}` sets those kinds; kinds left "
            + "out keep their choice; answers like `GET`.")
    @Put("/notification-preferences")
    Channels choose(@Body @Valid Channels channels, Authentication caller) {
        preferences.chooseEmail(caller.getName(), channels.email());
        return channels(caller);
    }
}
