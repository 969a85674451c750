package cn.jiebang.bid.account.domain;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.util.List;

/**
 * bid-service's copy of a user: its organization (a judge never scores a bid of its own organization),
 * roles and expertise fields, each list kept as a comma-separated column.
 */
@MappedEntity("known_user")
public record KnownUser(@Id String userId, String organizationId, String name, String roles, String expertiseFields) {

    public static KnownUser of(String userId, String organizationId, String name, List<String> roles,
                               List<String> expertiseFields) {
        return new KnownUser(userId, organizationId, name, String.join(",", roles), String.join(",", expertiseFields));
    }
}
