package cn.jiebang.challenge.challenge.domain;

import cn.jiebang.challenge.reference.OrganizationKind;
import cn.jiebang.challenge.reference.Region;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.util.Set;

/**
 * Who may bid on a challenge. Empty region or kind sets admit everyone; {@code maxConsortiumMembers}
 * counts the members besides the lead (1 lead + ≤ 4 is common); {@code bidsPerOrganization} caps the live
 * bids one lead organization may hold; past winners of the platform may be excluded.
 */
@Serdeable
public record Eligibility(@NotNull Set<@NotNull Region> allowedRegions,
                          @NotNull Set<@NotNull OrganizationKind> allowedOrganizationKinds,
                          @Min(0) @Max(20) int maxConsortiumMembers,
                          @Min(1) @Max(10) int bidsPerOrganization,
                          boolean excludePastWinners) {
}
