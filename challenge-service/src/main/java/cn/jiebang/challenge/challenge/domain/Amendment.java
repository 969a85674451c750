package cn.jiebang.challenge.challenge.domain;

import cn.jiebang.events.ChallengeAmended;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** One amendment of a published challenge, kept for its public timeline. */
@Serdeable
@MappedEntity("challenge_amendment")
public record Amendment(@Id @GeneratedValue @Nullable Long id, String challengeId, String kind, String text,
                        Instant previousBidClosesAt, Instant bidClosesAt, Instant amendedAt) {

    public static Amendment of(ChallengeAmended event) {
        return new Amendment(null, event.challengeId(), event.kind(), event.text(), event.previousBidClosesAt(),
                event.bidClosesAt(), event.amendedAt());
    }
}
