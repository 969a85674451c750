package cn.jiebang.events;

import java.time.Instant;
import java.util.List;

/**
 * A round (评审轮次) of a challenge opened for scoring with its judge panel; bid-service assigns the bids
 * in the race to these judges, never to a judge of an organization of the bid ({@code judgeOrganizationIds},
 * in the order of {@code judgeIds}, so bid-service needs no account copy to check). {@code bidIds} are the
 * bids in the race: empty for round 1 (the bids screened in), the advancing bids of the round before otherwise. The round's criteria and rules are those
 * of {@link ChallengePublished}.
 */
public record RoundOpened(String challengeId, int roundIndex, String name, String kind, Instant closesAt,
                          List<String> judgeIds, int minJudgesPerBid, boolean blind, Instant openedAt,
                          @AddedWithinVersion List<String> bidIds,
                          @AddedWithinVersion List<String> judgeOrganizationIds)
        implements DomainEvent {

    public static final String TYPE = "round.opened.v1";

    @Override
    public String aggregateId() {
        return challengeId;
    }
}
