package cn.jiebang.bid.challenge.domain;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** Who may bid on a challenge, as published: empty lists admit everyone. */
@Serdeable
public record EligibilityRules(List<String> allowedRegions, List<String> allowedOrganizationKinds,
                               int maxConsortiumMembers, int bidsPerOrganization, boolean excludePastWinners) {
}
