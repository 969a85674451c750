package cn.jiebang.notification.delivery.domain;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** An organization's endpoint: every notification to one of its users is POSTed there, signed with the secret. */
@MappedEntity("webhook")
public record Webhook(@Id String id, String organizationId, String url, String secret, boolean active,
                      Instant createdAt) {
}
