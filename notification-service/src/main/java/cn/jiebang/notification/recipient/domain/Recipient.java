package cn.jiebang.notification.recipient.domain;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** notification-service's copy of a user: where and in which language to reach it. */
@MappedEntity("recipient")
public record Recipient(@Id String userId, String organizationId, String name, String email, String language,
                        String roles) {
}
