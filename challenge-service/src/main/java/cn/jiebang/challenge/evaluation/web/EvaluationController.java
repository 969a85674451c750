package cn.jiebang.challenge.evaluation.web;

import cn.jiebang.challenge.challenge.domain.Challenge;
import cn.jiebang.challenge.challenge.domain.ChallengeNotFound;
import cn.jiebang.challenge.challenge.domain.Round;
import cn.jiebang.challenge.challenge.domain.RoundStatus;
import cn.jiebang.challenge.challenge.web.VisibleChallenges;
import cn.jiebang.challenge.evaluation.application.Evaluation;
import cn.jiebang.challenge.evaluation.application.EvaluationQueries;
import cn.jiebang.challenge.evaluation.domain.FundingGrant;
import cn.jiebang.challenge.evaluation.domain.Objection;
import cn.jiebang.challenge.evaluation.domain.RoundResult;
import cn.jiebang.web.Callers;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A round after it opened: the program office closes it; its results are public once announced (公示);
 * teams in it object, the program office upholds (correcting the results) or dismisses; tranches granted on
 * finalization are released by the program office and seen by it and the owner agency.
 */
@Tag(name = "evaluation")
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
class EvaluationController {

    private final Evaluation evaluation;
    private final EvaluationQueries queries;
    private final VisibleChallenges visible;

    EvaluationController(Evaluation evaluation, EvaluationQueries queries, VisibleChallenges visible) {
        this.evaluation = evaluation;
        this.queries = queries;
        this.visible = visible;
    }

    @Serdeable
    record CloseRequest(boolean force) {
    }

    @Serdeable
    record RoundState(int index, RoundStatus status, @Nullable Instant scoresCompletedAt, @Nullable Instant closedAt,
                      boolean forced, @Nullable Instant announcedAt, @Nullable Instant publicityEndsAt,
                      @Nullable Instant finalizedAt) {

        static RoundState of(Round r) {
            return new RoundState(r.getRoundIndex(), r.getStatus(), r.getScoresCompletedAt(), r.getClosedAt(), r.isForced(),
                    r.getAnnouncedAt(), r.getPublicityEndsAt(), r.getFinalizedAt());
        }
    }

    /** A bid's announced result as anyone sees it: the lead organization, never the user who submitted. */
    @Serdeable
    record PublicResult(String bidId, String leadOrganizationId, @Nullable BigDecimal aggregate, int rank,
                        RoundResult.Decision decision, boolean flagged, boolean corrected) {

        static PublicResult of(RoundResult r) {
            return new PublicResult(r.getBidId(), r.getLeadOrganizationId(), r.getAggregate(), r.getRank(),
                    r.getDecision(), r.isFlagged(), r.isCorrected());
        }
    }

    @Serdeable
    record Results(int index, RoundStatus status, @Nullable Instant publicityEndsAt, List<PublicResult> results) {
    }

    @Serdeable
    record ObjectionRequest(@NotBlank @Size(max = 20000) String reasons) {
    }

    @Serdeable
    record Resolution(@NotBlank @Size(max = 5000) String resolution,
                      @Nullable Map<String, RoundResult.Decision> corrections) {
    }

    @Serdeable
    record Release(@NotNull @Positive @Digits(integer = 13, fraction = 2) BigDecimal amount) {
    }

    @Operation(summary = "Close a round for scoring (ADMIN): refused while scores are missing unless force is true, "
            + "and then the ranking flags the bids concerned; round.closed.v1",
            description = "Who may call: ADMIN.\n\n`{force}`: closes an open round for scoring. Without `force` "
            + "only once bid-service reported its scores complete (`scoresCompletedAt`); with it at any time, and "
            + "the ranking flags the bids short of judges. **200** and the round's state `{index, status (CLOSED), "
            + "scoresCompletedAt, closedAt, forced, announcedAt, publicityEndsAt, finalizedAt}`; `round.closed.v1` "
            + "(`forced` true only if the scores were incomplete). **404** `challenge-not-found`, "
            + "`round-not-found`. **409** `challenge-ended`, `round-wrong-status` unless `OPEN`, "
            + "`scores-incomplete`.\n\nBody: `force`, a boolean.")
    @Secured("ADMIN")
    @Post("/challenges/{id}/rounds/{index}/close")
    RoundState close(@PathVariable String id, @PathVariable int index, @Body @Valid CloseRequest request) {
        return RoundState.of(evaluation.close(id, index, request.force()));
    }

    @Operation(summary = "A round's results: public once announced (公示); before that to nobody",
            description = "Who may call: anyone.\n\nOnce announced: `{index, status, publicityEndsAt, results}`, "
            + "`results` by rank, each `{bidId, leadOrganizationId, aggregate, rank, decision, flagged, "
            + "corrected}` (no user ids), after any correction. **404** `challenge-not-found` (also for a draft, "
            + "as for `GET /api/challenges/{id}`), `round-not-found`. **409** `results-not-announced` before: "
            + "sealed until announced.")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/challenges/{id}/rounds/{index}/results")
    Results results(@PathVariable String id, @PathVariable int index, @Nullable Authentication caller) {
        Challenge challenge = visible.require(id, caller);
        Round round = queries.round(challenge.getId(), index);
        round.requireResultsPublic();
        return new Results(index, round.getStatus(), round.getPublicityEndsAt(),
                queries.results(id, index).stream().map(PublicResult::of).toList());
    }

    @Operation(summary = "Object to a round's announced results during its 公示 (TEAM whose bid is in the round; one per team)",
            description = "Who may call: TEAM of a lead organization in the round's results.\n\n异议: `{reasons}`, "
            + "during 公示, once per organization and round. **201** and the objection (`OPEN`), with `Location: "
            + "/api/challenges/{id}/rounds/{index}/objections`; `objection.filed.v1`. **404** "
            + "`challenge-not-found` (also for a draft), `round-not-found`. **409** `challenge-ended` (`AWARDED`, "
            + "`FAILED`, `CANCELLED`), `publicity-over` (the round is not `ANNOUNCED`, or `publicityEndsAt` has "
            + "passed), `not-in-round`, `objection-exists`.\n\nBody: `reasons` required, ≤ 20 000 characters.")
    @Secured("TEAM")
    @Post("/challenges/{id}/rounds/{index}/objections")
    HttpResponse<Objection> object(@PathVariable String id, @PathVariable int index,
                                   @Body @Valid ObjectionRequest request, Authentication caller) {
        visible.require(id, caller);
        Objection filed = evaluation.file(id, index, Callers.organizationOf(caller), caller.getName(),
                request.reasons().strip());
        return HttpResponse.created(filed, URI.create("/api/challenges/" + id + "/rounds/" + index + "/objections"));
    }

    @Operation(summary = "A round's objections: all for ADMIN, its own for a TEAM",
            description = "Who may call: ADMIN (all), TEAM (its organization's).\n\nThe round's objections, oldest "
            + "first; an empty list for a round without them, or an unknown one.")
    @Secured({"ADMIN", "TEAM"})
    @Get("/challenges/{id}/rounds/{index}/objections")
    List<Objection> objections(@PathVariable String id, @PathVariable int index, Authentication caller) {
        // an unknown challenge or round is a 404, as on every other route of a round, not an empty list
        queries.round(visible.require(id, caller).getId(), index);
        List<Objection> all = queries.objections(id, index);
        if (Callers.hasRole(caller, "ADMIN")) {
            return all;
        }
        return all.stream().filter(o -> o.getOrganizationId().equals(Callers.organizationOf(caller))).toList();
    }

    @Operation(summary = "Uphold an objection (ADMIN) with the decisions to correct: results re-announced, 公示 again",
            description = "Who may call: ADMIN.\n\n`{resolution, corrections}`: `corrections` maps bid ids of the "
            + "round to their corrected decision. **200** and the objection (`UPHELD`); the decisions are "
            + "corrected (`corrected`), `objection.resolved.v1`, and the results are announced again with a new 公示 "
            + "period (`round.announced.v1`, `correction` true). **404** `objection-not-found`. **409** "
            + "`objection-resolved` unless `OPEN`. **422** `invalid-correction`, with field errors: a bid not in "
            + "the round, `WINNER` outside the last round or `ADVANCED` in it, or more teams going on than the "
            + "round's cap.\n\nBody: `resolution` required, ≤ 5000 characters, shown to the team; for an upheld "
            + "objection `corrections`, optional, `{bidId: ADVANCED | ELIMINATED | WINNER}` (ignored by a "
            + "dismissal).")
    @Secured("ADMIN")
    @Post("/objections/{id}/uphold")
    Objection uphold(@PathVariable String id, @Body @Valid Resolution resolution) {
        return evaluation.uphold(id, resolution.resolution().strip(),
                resolution.corrections() == null ? Map.of() : resolution.corrections());
    }

    @Operation(summary = "Dismiss an objection with a reason (ADMIN)",
            description = "Who may call: ADMIN.\n\n`{resolution}`. **200** and the objection (`DISMISSED`); "
            + "`objection.resolved.v1`; nothing else changes. **404** `objection-not-found`. **409** "
            + "`objection-resolved`.")
    @Secured("ADMIN")
    @Post("/objections/{id}/dismiss")
    Objection dismiss(@PathVariable String id, @Body @Valid Resolution resolution) {
        return evaluation.dismiss(id, resolution.resolution().strip());
    }

    @Operation(summary = "The tranches granted on a challenge and what was released: all for ADMIN and the owner "
            + "agency, its own for a TEAM",
            description = "Who may call: ADMIN, AGENCY of the owner organization; TEAM (its own organization's "
            + "grants only).\n\nThe challenge's grants, by round: `{id, challengeId, roundIndex, bidId, "
            + "organizationId, submittedBy, amount, released, grantedAt, version}`. **404** `challenge-not-found`, "
            + "also for another organization's AGENCY, and for a TEAM on a draft.")
    @Secured({"ADMIN", "AGENCY", "TEAM"})
    @Get("/challenges/{id}/funding")
    List<FundingGrant> funding(@PathVariable String id, Authentication caller) {
        Challenge challenge = visible.require(id, caller);
        List<FundingGrant> all = queries.grants(id);
        if (Callers.hasRole(caller, "ADMIN") || VisibleChallenges.ownedBy(challenge, caller)) {
            return all;
        }
        if (Callers.hasRole(caller, "TEAM")) {
            return all.stream().filter(g -> g.getOrganizationId().equals(Callers.organizationOf(caller))).toList();
        }
        throw new ChallengeNotFound(id);
    }

    @Operation(summary = "Release part of a granted tranche (ADMIN); never more than is left of it",
            description = "Who may call: ADMIN.\n\n`{amount}`: releases part of a grant. **200** and the grant, "
            + "`released` increased; `funding.released.v1`. **404** `challenge-not-found`, `grant-not-found` (also "
            + "a grant of another challenge). **422** `release-above-grant` beyond what is left of it.\n\nBody: "
            + "`amount` required, positive, at most 13 integer digits and 2 decimal places.")
    @Secured("ADMIN")
    @Post("/challenges/{id}/funding/{grantId}/releases")
    FundingGrant release(@PathVariable String id, @PathVariable String grantId, @Body @Valid Release release) {
        return evaluation.release(id, grantId, release.amount());
    }
}
