package cn.jiebang.bid.bidding.domain;

import cn.jiebang.bid.challenge.domain.BiddingChallenge;
import io.micronaut.core.annotation.Nullable;

import java.util.Set;

/** Who asks to read: the signed-in user, its organization (none for some accounts) and its roles. */
public record Reader(String userId, @Nullable String organizationId, Set<String> roles) {

    public static final String TEAM = "TEAM";
    public static final String JUDGE = "JUDGE";
    public static final String AGENCY = "AGENCY";
    public static final String ADMIN = "ADMIN";

    public Reader {
        roles = Set.copyOf(roles);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** A TEAM user of the organization: of the bid's lead organization, for a bid. */
    public boolean isTeamOf(String organizationId) {
        return has(TEAM) && organizationId.equals(this.organizationId);
    }

    /** The program office, or an AGENCY user of the challenge's owner organization. */
    boolean oversees(BiddingChallenge challenge) {
        return has(ADMIN) || has(AGENCY) && challenge.getOwnerOrganizationId().equals(organizationId);
    }
}
