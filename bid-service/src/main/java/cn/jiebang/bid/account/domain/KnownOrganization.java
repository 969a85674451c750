package cn.jiebang.bid.account.domain;

import cn.jiebang.events.OrganizationRegistered;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * bid-service's copy of an organization: its region and kind decide eligibility for a challenge, and so does
 * having won one before ({@code pastWinner}, from challenge.awarded.v1) when a challenge excludes past winners.
 */
@MappedEntity("known_organization")
public record KnownOrganization(@Id String organizationId, String name, String region, String kind,
                                boolean pastWinner) {

    public static KnownOrganization from(OrganizationRegistered event) {
        return new KnownOrganization(event.organizationId(), event.name(), event.region(), event.kind(), false);
    }

    public KnownOrganization asWinner() {
        return new KnownOrganization(organizationId, name, region, kind, true);
    }
}
