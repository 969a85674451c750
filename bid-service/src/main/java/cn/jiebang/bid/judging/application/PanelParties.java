package cn.jiebang.bid.judging.application;

import cn.jiebang.bid.account.domain.KnownUser;
import cn.jiebang.bid.account.domain.KnownUsers;
import cn.jiebang.bid.bidding.domain.Bid;
import cn.jiebang.bid.bidding.domain.BidVersions;
import cn.jiebang.bid.bidding.domain.Bids;
import cn.jiebang.bid.judging.domain.PanelAssignment;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The organizations {@link PanelAssignment} keeps apart: each judge's, and each bid's (its lead and members). */
@Singleton
class PanelParties {

    private final KnownUsers users;
    private final Bids bids;
    private final BidVersions versions;

    PanelParties(KnownUsers users, Bids bids, BidVersions versions) {
        this.users = users;
        this.bids = bids;
        this.versions = versions;
    }

    /**
     * The panel with each judge's organization: as round.opened.v1 carried it, else (older events) from the
     * account copy; a judge whose organization is unknown is never eligible.
     */
    List<PanelAssignment.Judge> panel(List<String> judgeIds, @Nullable List<String> organizations) {
        List<PanelAssignment.Judge> panel = new ArrayList<>();
        for (int i = 0; i < judgeIds.size(); i++) {
            String id = judgeIds.get(i);
            String organization = organizations != null && organizations.size() == judgeIds.size() ? organizations.get(i)
                    : users.findById(id).map(KnownUser::organizationId).orElse(null);
            panel.add(new PanelAssignment.Judge(id, organization));
        }
        return panel;
    }

    /** The bid's lead organization and the members of its current version. */
    PanelAssignment.Bid bid(String bidId) {
        Bid bid = bids.require(bidId);
        Set<String> organizations = new HashSet<>(versions.currentOf(bid).content().memberOrganizationIds());
        organizations.add(bid.getLeadOrganizationId());
        return new PanelAssignment.Bid(bidId, organizations);
    }
}
