package cn.jiebang.notification.web;

import cn.jiebang.notification.domain.EmailPreference;
import cn.jiebang.notification.domain.EmailPreferences;
import cn.jiebang.notification.domain.NotificationKind;
import cn.jiebang.notification.domain.Subscription;
import cn.jiebang.notification.domain.Subscriptions;
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
import io.micronaut.transaction.annotation.Transactional;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
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

    private final Subscriptions subscriptions;
    private final EmailPreferences preferences;

    PreferencesController(Subscriptions subscriptions, EmailPreferences preferences) {
        this.subscriptions = subscriptions;
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
        List<Subscription> all = subscriptions.findByUser(caller.getName());
        return new Following(values(all, Subscription.Kind.FIELD), values(all, Subscription.Kind.REGION));
    }

    @Operation(summary = "Replace the technology fields and regions the caller follows",
            description = "Who may call: signed in.\n\n`{fields, regions}` (at most 20 and 10 upper-case names, "
            + "e.g. `NEW_MATERIALS`, `TIANJIN`) replaces them; answers like `GET`.")
    @Put("/subscriptions")
    @Transactional
    Following follow(@Body @Valid Following following, Authentication caller) {
        subscriptions.deleteByUser(caller.getName());
        following.fields().forEach(f -> subscriptions.save(Subscription.of(caller.getName(), Subscription.Kind.FIELD, f)));
        following.regions().forEach(r -> subscriptions.save(Subscription.of(caller.getName(), Subscription.Kind.REGION, r)));
        return following(caller);
    }

    private static Set<String> values(List<Subscription> all, Subscription.Kind kind) {
        return all.stream().filter(s -> s.key().kind() == kind).map(s -> s.key().value())
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    @Serdeable
    record Channels(@NotNull Map<NotificationKind, Boolean> email) {
    }

    @Operation(summary = "Per kind of notification, whether the caller also gets it by e-mail (default: yes)",
            description = "Who may call: signed in.\n\n`{email: {<kind>: true or false}}` for every kind; `true` "
            + "unless the caller switched it off.")
    @Get("/notification-preferences")
    Channels channels(Authentication caller) {
        Map<NotificationKind, Boolean> email = new LinkedHashMap<>();
        Arrays.stream(NotificationKind.values()).forEach(k -> email.put(k, true));
        preferences.findByUser(caller.getName()).forEach(p -> email.put(p.key().notificationKind(), p.email()));
        return new Channels(email);
    }

    @Operation(summary = "Choose, per kind of notification, whether it also comes by e-mail; kinds left out keep their choice",
            description = "Who may call: signed in.\n\n`{email: {<kind>: boolean}}` sets those kinds; kinds left "
            + "out keep their choice; answers like `GET`.")
    @Put("/notification-preferences")
    @Transactional
    Channels choose(@Body @Valid Channels channels, Authentication caller) {
        channels.email().forEach((kind, email) -> {
            EmailPreference preference = new EmailPreference(new EmailPreference.Key(caller.getName(), kind), email);
            if (preferences.findById(preference.key()).isPresent()) {
                preferences.update(preference);
            } else {
                preferences.save(preference);
            }
        });
        return channels(caller);
    }
}
