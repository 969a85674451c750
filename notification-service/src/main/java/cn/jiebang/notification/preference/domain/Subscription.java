package cn.jiebang.notification.preference.domain;

import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/** A user follows a technology field or a region: new and amended challenges in it are announced to the user. */
@MappedEntity("subscription")
public record Subscription(@EmbeddedId Key key) {

    public enum Kind { FIELD, REGION }

    @Embeddable
    public record Key(@MappedProperty("user_id") String userId, @MappedProperty("kind") Kind kind,
                      @MappedProperty("value") String value) {
    }

    public static Subscription of(String userId, Kind kind, String value) {
        return new Subscription(new Key(userId, kind, value));
    }
}
