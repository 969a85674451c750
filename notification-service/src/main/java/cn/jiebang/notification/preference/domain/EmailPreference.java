package cn.jiebang.notification.preference.domain;

import cn.jiebang.notification.inbox.domain.NotificationKind;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/** A user's choice of e-mail for one kind of notification; without one, e-mail is on. */
@MappedEntity("email_preference")
public record EmailPreference(@EmbeddedId Key key, boolean email) {

    @Embeddable
    public record Key(@MappedProperty("user_id") String userId,
                      @MappedProperty("notification_kind") NotificationKind notificationKind) {
    }
}
