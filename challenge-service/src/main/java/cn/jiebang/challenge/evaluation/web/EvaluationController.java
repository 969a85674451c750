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
            + "and then the ranking flags the bids concerned; round.closed.v1")
    @Secured("ADMIN")
    @Post("/challenges/{id}/rounds/{index}/close")
    RoundState close(@PathVariable String id, @PathVariable int index, @Body @Valid CloseRequest request) {
        return RoundState.of(evaluation.close(id, index, request.force()));
    }

    @Operation(summary = "A round's results: public once announced (公示); before that to nobody")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/challenges/{id}/rounds/{index}/results")
    Results results(@PathVariable String id, @PathVariable int index, @Nullable Authentication caller) {
        Challenge challenge = visible.require(id, caller);
        Round round = queries.round(challenge.getId(), index);
        round.requireResultsPublic();
        return new Results(index, round.getStatus(), round.getPublicityEndsAt(),
                queries.results(id, index).stream().map(PublicResult::of).toList());
    }

    @Operation(summary = "Object to a round's announced results during its 公示 (TEAM whose bid is in the round; one per team)")
    @Secured("TEAM")
    @Post("/challenges/{id}/rounds/{index}/objections")
    HttpResponse<Objection> object(@PathVariable String id, @PathVariable int index,
                                   @Body @Valid ObjectionRequest request, Authentication caller) {
        visible.require(id, caller);
        Objection filed = evaluation.file(id, index, Callers.organizationOf(caller), caller.getName(),
                request.reasons().strip());
        return HttpResponse.created(filed, URI.create("/api/challenges/" + id + "/rounds/" + index + "/objections"));
    }

    @Operation(summary = "A round's objections: all for ADMIN, its own for a TEAM")
    @Secured({"ADMIN", "TEAM"})
    @Get("/challenges/{id}/rounds/{index}/objections")
    List<Objection> objections(@PathVariable String id, @PathVariable int index, Authentication caller) {
        List<Objection> all = queries.objections(id, index);
        if (Callers.hasRole(caller, "ADMIN")) {
            return all;
        }
        return all.stream().filter(o -> o.getOrganizationId().equals(Callers.organizationOf(caller))).toList();
    }

    @Operation(summary = "Uphold an objection (ADMIN) with the decisions to correct: results re-announced, 公示 again")
    @Secured("ADMIN")
    @Post("/objections/{id}/uphold")
    Objection uphold(@PathVariable String id, @Body @Valid Resolution resolution) {
        return evaluation.uphold(id, resolution.resolution().strip(),
                resolution.corrections() == null ? Map.of() : resolution.corrections());
    }

    @Operation(summary = "Dismiss an objection with a reason (ADMIN)")
    @Secured("ADMIN")
    @Post("/objections/{id}/dismiss")
    Objection dismiss(@PathVariable String id, @Body @Valid Resolution resolution) {
        return evaluation.dismiss(id, resolution.resolution().strip());
    }

    @Operation(summary = "The tranches granted on a challenge and what was released: all for ADMIN and the owner "
            + "agency, its own for a TEAM")
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

    @Operation(summary = "Release part of a granted tranche (ADMIN); never more than is left of it")
    @Secured("ADMIN")
    @Post("/challenges/{id}/funding/{grantId}/releases")
    FundingGrant release(@PathVariable String id, @PathVariable String grantId, @Body @Valid Release release) {
        return evaluation.release(id, grantId, release.amount());
    }
}
