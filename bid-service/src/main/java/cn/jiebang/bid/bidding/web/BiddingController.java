package cn.jiebang.bid.bidding.web;

import cn.jiebang.bid.bidding.application.BidQueries;
import cn.jiebang.bid.challenge.domain.BiddingChallenge;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Clock;
import java.time.Instant;

/** Public: whether a published challenge takes bids right now, by the server's clock. */
@Tag(name = "bidding")
@Controller("/api/challenges")
@ExecuteOn(TaskExecutors.BLOCKING)
class BiddingController {

    private final BidQueries queries;
    private final Clock clock;

    BiddingController(BidQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @Serdeable
    record BiddingStatus(String challengeId, String title, boolean open, Instant opensAt, Instant closesAt,
                         boolean cancelled, Instant serverTime) {
    }

    @Operation(summary = "Whether bidding on a published challenge is open, and until when (anyone)",
            description = "Who may call: anyone.\n\n`{challengeId, title, open, opensAt, closesAt, cancelled, "
            + "serverTime}`; `open` is false once `cancelled`, and once the close has been processed. **404** "
            + "`challenge-not-found` when no published challenge with that id has reached bid-service: it is "
            + "unknown, never published (a draft, or a draft cancelled), or its event has not arrived yet.")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/{id}/bidding")
    BiddingStatus bidding(@PathVariable String id) {
        BiddingChallenge challenge = queries.challenge(id);
        Instant now = clock.instant();
        return new BiddingStatus(challenge.getChallengeId(), challenge.getTitle(), challenge.isOpenAt(now),
                challenge.getBidOpensAt(), challenge.getBidClosesAt(), challenge.isCancelled(), now);
    }
}
