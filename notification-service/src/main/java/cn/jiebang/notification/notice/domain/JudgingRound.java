package cn.jiebang.notification.notice.domain;

import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/** An open round as notifications need it: when its scoring closes, for the judges' reminders. */
@MappedEntity("judging_round")
public record JudgingRound(@EmbeddedId Key key, String name, Instant closesAt, boolean closed) {

    @Embeddable
    public record Key(@MappedProperty("challenge_id") String challengeId,
                      @MappedProperty("round_index") int roundIndex) {
    }
}
