package cn.jiebang.bid.domain;

import cn.jiebang.events.OrganizationRegistered;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** bid-service's copy of an organization: its region and kind decide eligibility for a challenge. */
@MappedEntity("known_organization")
public record KnownOrganization(@Id String organizationId, String name, String region, String kind) {

    public static KnownOrganization from(OrganizationRegistered event) {
        return new KnownOrganization(event.organizationId(), event.name(), event.region(), event.kind());
    }
}
