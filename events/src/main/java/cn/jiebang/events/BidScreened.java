package cn.jiebang.events;

import java.time.Instant;

/**
 * Screening (形式审查) decided a bid: {@code decision} SCREENED_IN or SCREENED_OUT, with the reason the team
 * sees. {@code automatic} when the eligibility checks at the close refused it, otherwise the program
 * office's decision ({@code screenedBy}). {@code submittedBy} is the team member who submitted the bid.
 */
public record BidScreened(String challengeId, String challengeTitle, String bidId, String leadOrganizationId,
                          String submittedBy, String decision, String reason, boolean automatic, String screenedBy,
                          Instant screenedAt) implements DomainEvent {

    public static final String TYPE = "bid.screened.v1";

    @Override
    public String aggregateId() {
        return challengeId;
    }
}
