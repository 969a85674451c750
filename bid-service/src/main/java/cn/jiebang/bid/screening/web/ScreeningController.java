package cn.jiebang.bid.screening.web;

import cn.jiebang.bid.bidding.application.BidQueries;
import cn.jiebang.bid.bidding.web.BidView;
import cn.jiebang.bid.screening.application.Screening;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** 形式审查: once bidding has closed, the program office (ADMIN) screens each live bid in or out with a reason. */
@Tag(name = "bids")
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
class ScreeningController {

    private final Screening screening;
    private final BidQueries queries;

    ScreeningController(Screening screening, BidQueries queries) {
        this.screening = screening;
        this.queries = queries;
    }

    enum Decision { SCREENED_IN, SCREENED_OUT }

    @Serdeable
    record ScreeningDecision(@NotNull Decision decision, @NotBlank @Size(max = 5000) String reason) {
    }

    @Operation(summary = "Screen a bid in or out with a reason after bidding closed (形式审查, ADMIN)",
            description = "Who may call: ADMIN.\n\n`{decision, reason}`: screens a live bid in or out. **200** and "
            + "the bid (`SCREENED_IN` or `SCREENED_OUT`, `screeningReason`); `bid.screened.v1`, and "
            + "`screening.completed.v1` with the last decision. **404** `bid-not-found`. **409** "
            + "`screening-not-open` before `challenge.bidding-closed.v1` has arrived, `bid-wrong-status` unless "
            + "`SUBMITTED`.\n\nBody: `decision` `SCREENED_IN` or `SCREENED_OUT`; `reason` required, ≤ 5000 "
            + "characters, shown to the team.")
    @Secured("ADMIN")
    @Post("/bids/{id}/screening")
    BidView screen(@PathVariable String id, @Body @Valid ScreeningDecision decision, Authentication caller) {
        return BidView.of(queries.withCurrentVersion(screening.decide(id, decision.decision() == Decision.SCREENED_IN,
                decision.reason().strip(), caller.getName())));
    }
}
