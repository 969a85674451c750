package cn.jiebang.notification.notice.domain;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A published challenge as notifications need it: whom it concerns and when bidding closes. */
@MappedEntity("watched_challenge")
public record WatchedChallenge(@Id String challengeId, String title, String technologyField, String region,
                               String ownerOrganizationId, Instant bidClosesAt, boolean cancelled) {
}
