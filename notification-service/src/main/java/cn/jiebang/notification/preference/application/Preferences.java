package cn.jiebang.notification.preference.application;

import cn.jiebang.notification.inbox.domain.NotificationKind;
import cn.jiebang.notification.preference.domain.EmailPreference;
import cn.jiebang.notification.preference.domain.EmailPreferences;
import cn.jiebang.notification.preference.domain.Subscription;
import cn.jiebang.notification.preference.domain.Subscriptions;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A user's own choices: the technology fields and regions to follow, and per kind of notification whether it
 * also comes by e-mail (the inbox always gets it; a kind never chosen comes by e-mail).
 */
@Singleton
public class Preferences {

    private final Subscriptions subscriptions;
    private final EmailPreferences preferences;

    Preferences(Subscriptions subscriptions, EmailPreferences preferences) {
        this.subscriptions = subscriptions;
        this.preferences = preferences;
    }

    public SortedSet<String> followed(String user, Subscription.Kind kind) {
        List<Subscription> all = subscriptions.findByUser(user);
        return all.stream().filter(s -> s.key().kind() == kind).map(s -> s.key().value())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Replaces everything the user follows. */
    @Transactional
    public void follow(String user, Set<String> fields, Set<String> regions) {
        subscriptions.deleteByUser(user);
        fields.forEach(f -> subscriptions.save(Subscription.of(user, Subscription.Kind.FIELD, f)));
        regions.forEach(r -> subscriptions.save(Subscription.of(user, Subscription.Kind.REGION, r)));
    }

    public Map<NotificationKind, Boolean> emailChoices(String user) {
        Map<NotificationKind, Boolean> email = new LinkedHashMap<>();
        Arrays.stream(NotificationKind.values()).forEach(k -> email.put(k, true));
        preferences.findByUser(user).forEach(p -> email.put(p.key().notificationKind(), p.email()));
        return email;
    }

    /** Sets the given kinds; the kinds left out keep their choice. */
    @Transactional
    public void chooseEmail(String user, Map<NotificationKind, Boolean> choices) {
        choices.forEach((kind, email) -> {
            EmailPreference preference = new EmailPreference(new EmailPreference.Key(user, kind), email);
            if (preferences.findById(preference.key()).isPresent()) {
                preferences.update(preference);
            } else {
                preferences.save(preference);
            }
        });
    }
}
