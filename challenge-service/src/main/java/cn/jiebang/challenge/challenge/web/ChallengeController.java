package cn.jiebang.challenge.challenge.web;

import cn.jiebang.challenge.challenge.application.ChallengeManagement;
import cn.jiebang.challenge.challenge.application.ChallengeQueries;
import cn.jiebang.challenge.challenge.domain.Advancement;
import cn.jiebang.challenge.challenge.domain.AggregationRule;
import cn.jiebang.challenge.challenge.domain.Amendment;
import cn.jiebang.challenge.challenge.domain.Challenge;
import cn.jiebang.challenge.challenge.domain.ChallengeDefinition;
import cn.jiebang.challenge.challenge.domain.ChallengeFilter;
import cn.jiebang.challenge.challenge.domain.ChallengeMode;
import cn.jiebang.challenge.challenge.domain.ChallengeStatus;
import cn.jiebang.challenge.challenge.domain.Criterion;
import cn.jiebang.challenge.challenge.domain.Eligibility;
import cn.jiebang.challenge.challenge.domain.Round;
import cn.jiebang.challenge.challenge.domain.RoundKind;
import cn.jiebang.challenge.challenge.domain.RoundStatus;
import cn.jiebang.challenge.challenge.domain.TimelineEntry;
import cn.jiebang.challenge.reference.Region;
import cn.jiebang.challenge.reference.TechnologyField;
import cn.jiebang.challenge.requirement.domain.Indicator;
import cn.jiebang.web.Callers;
import cn.jiebang.web.Paging;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * Challenges. Creating and publishing are the program office's (ADMIN) work; a published challenge is
 * public (the board), a draft is seen by the program office and the agency that will own it.
 */
@Tag(name = "challenges")
@Controller("/api/challenges")
@ExecuteOn(TaskExecutors.BLOCKING)
class ChallengeController {

    private final ChallengeManagement management;
    private final ChallengeQueries queries;
    private final VisibleChallenges visible;

    ChallengeController(ChallengeManagement management, ChallengeQueries queries, VisibleChallenges visible) {
        this.management = management;
        this.queries = queries;
        this.visible = visible;
    }

    @Serdeable
    record RoundView(int index, String name, RoundKind kind, Instant opensAt, Instant closesAt,
                     List<Criterion> criteria, AggregationRule aggregation, Advancement advancement,
                     int minJudgesPerBid, boolean blind, BigDecimal tranchePerTeam, int publicityDays,
                     RoundStatus status, @Nullable Instant openedAt,
                     @Nullable @Schema(description = "the judge panel: shown to the program office only") List<String> judgeIds) {

        static RoundView of(Round r, boolean showPanel) {
            return new RoundView(r.getRoundIndex(), r.getName(), r.getKind(), r.getOpensAt(), r.getClosesAt(),
                    r.getCriteria(), r.getAggregation(), r.getAdvancement(), r.getMinJudgesPerBid(), r.isBlind(),
                    r.getTranchePerTeam(), r.getPublicityDays(), r.getStatus(), r.getOpenedAt(),
                    showPanel ? r.getJudgeIds() : null);
        }
    }

    /** A challenge with its full definition, rounds and timeline: the challenge page. */
    @Serdeable
    record ChallengeView(String id, String title, String problemStatement, String ownerOrganizationId,
                         TechnologyField technologyField, Region region, ChallengeMode mode, int winners,
                         List<String> requirementIds, List<Indicator> indicators, BigDecimal totalBudget,
                         Eligibility eligibility, Instant bidOpensAt, Instant bidClosesAt, String ipTerms,
                         List<RoundView> rounds, ChallengeStatus status, Instant createdAt,
                         @Nullable Instant publishedAt,
                         @Nullable @Schema(description = "live bids at the close; hidden while bidding is open") Integer bidCount,
                         @Nullable Integer screenedIn, @Nullable String failureReason,
                         @Nullable String cancellationReason, @Nullable Instant endedAt,
                         List<TimelineEntry> timeline) {

        static ChallengeView of(Challenge c, List<Round> rounds, List<Amendment> amendments, boolean showPanels) {
            return new ChallengeView(c.getId(), c.getTitle(), c.getProblemStatement(), c.getOwnerOrganizationId(),
                    c.getTechnologyField(), c.getRegion(), c.getMode(), c.getWinners(), c.getRequirementIds(),
                    c.getIndicators(), c.getTotalBudget(), c.getEligibility(), c.getBidOpensAt(), c.getBidClosesAt(),
                    c.getIpTerms(), rounds.stream().map(r -> RoundView.of(r, showPanels)).toList(), c.getStatus(),
                    c.getCreatedAt(), c.getPublishedAt(), c.publicBidCount(), c.getScreenedIn(), c.getFailureReason(),
                    c.getCancellationReason(), c.getEndedAt(), TimelineEntry.of(c, rounds, amendments));
        }
    }

    /** A line of the board: what a team scans before opening the page. */
    @Serdeable
    record ChallengeSummary(String id, String title, String ownerOrganizationId, TechnologyField technologyField,
                            Region region, ChallengeMode mode, BigDecimal totalBudget, Instant bidOpensAt,
                            Instant bidClosesAt, ChallengeStatus status, Instant createdAt,
                            @Nullable Instant publishedAt, @Nullable Integer bidCount) {

        static ChallengeSummary of(Challenge c) {
            return new ChallengeSummary(c.getId(), c.getTitle(), c.getOwnerOrganizationId(), c.getTechnologyField(),
                    c.getRegion(), c.getMode(), c.getTotalBudget(), c.getBidOpensAt(), c.getBidClosesAt(),
                    c.getStatus(), c.getCreatedAt(), c.getPublishedAt(), c.publicBidCount());
        }
    }

    @Serdeable
    record ChallengePage(List<ChallengeSummary> items, int page, int size, long totalItems) {
    }

    @Serdeable
    record PanelRequest(@NotNull @Size(min = 1, max = 100) List<@NotBlank @Size(max = 36) String> judgeIds) {
    }

    @Operation(summary = "Compose a draft challenge from approved requirements (需求凝练, ADMIN); every inconsistency "
            + "is reported per field")
    @Secured("ADMIN")
    @Post
    HttpResponse<ChallengeView> create(@Body @Valid ChallengeDefinition definition) {
        Challenge created = management.create(definition.stripped());
        return HttpResponse.created(view(created, true), URI.create("/api/challenges/" + created.getId()));
    }

    @Operation(summary = "Replace the definition of a draft challenge (ADMIN)")
    @Secured("ADMIN")
    @Put("/{id}")
    ChallengeView redefine(@PathVariable String id, @Body @Valid ChallengeDefinition definition) {
        return view(management.redefine(id, definition.stripped()), true);
    }

    @Operation(summary = "Name the judge panel of a round that has not opened (ADMIN): active JUDGE users, at least "
            + "the round's minimum judges per bid")
    @Secured("ADMIN")
    @Put("/{id}/rounds/{index}/panel")
    RoundView namePanel(@PathVariable String id, @PathVariable int index, @Body @Valid PanelRequest request) {
        return RoundView.of(management.namePanel(id, index, request.judgeIds()), true);
    }

    @Operation(summary = "Open round 1 with its panel once screening is complete (ADMIN): round.opened.v1; it also "
            + "opens by itself at its scheduled start")
    @Secured("ADMIN")
    @Post("/{id}/rounds/{index}/open")
    RoundView openRound(@PathVariable String id, @PathVariable int index) {
        return RoundView.of(management.openRound(id, index), true);
    }

    @Operation(summary = "Publish a draft challenge (发榜): bidding opens and challenge.published.v1 is emitted (ADMIN)")
    @Secured("ADMIN")
    @Post("/{id}/publish")
    ChallengeView publish(@PathVariable String id) {
        return view(management.publish(id), true);
    }

    @Serdeable
    record AmendmentRequest(@NotNull AmendmentKind kind, @Nullable Instant bidClosesAt,
                            @NotBlank @Size(max = 5000) String text) {
    }

    enum AmendmentKind { DEADLINE_EXTENSION, CLARIFICATION }

    @Serdeable
    record CancellationRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    @Operation(summary = "Amend a published challenge (ADMIN): extend its bid deadline or add a clarification; "
            + "challenge.amended.v1 tells the bidders")
    @Secured("ADMIN")
    @Post("/{id}/amendments")
    ChallengeView amend(@PathVariable String id, @Body @Valid AmendmentRequest request) {
        if (request.kind() == AmendmentKind.CLARIFICATION) {
            return view(management.clarify(id, request.text().strip()), true);
        }
        return view(management.extendDeadline(id, request.bidClosesAt(), request.text().strip()), true);
    }

    @Operation(summary = "The amendments of a challenge, oldest first: public once it is published")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/{id}/amendments")
    List<Amendment> amendments(@PathVariable String id, @Nullable Authentication caller) {
        visible.require(id, caller);
        return queries.amendments(id);
    }

    @Operation(summary = "Cancel a challenge with a reason (撤榜, ADMIN); a published one emits challenge.cancelled.v1")
    @Secured("ADMIN")
    @Post("/{id}/cancel")
    ChallengeView cancel(@PathVariable String id, @Body @Valid CancellationRequest request) {
        return view(management.cancel(id, request.reason().strip()), true);
    }

    @Operation(summary = "One challenge with its definition, rounds and timeline, and its bid count once bidding closed: "
            + "published (and later) ones for anyone, drafts for ADMIN and the owner agency")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/{id}")
    ChallengeView get(@PathVariable String id, @Nullable Authentication caller) {
        return view(visible.require(id, caller), Callers.hasRole(caller, "ADMIN"));
    }

    private ChallengeView view(Challenge challenge, boolean showPanels) {
        return ChallengeView.of(challenge, queries.rounds(challenge.getId()), queries.amendments(challenge.getId()),
                showPanels);
    }

    @Operation(summary = "The challenge board (榜单), newest first: published (and later cancelled, closed or ended) "
            + "challenges for anyone, also its own drafts for an agency, all for ADMIN; filtered by status, field, "
            + "region, mode, owner agency, budget range, closing date and literal text in title or problem statement")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get
    ChallengePage list(@QueryValue @Nullable ChallengeStatus status, @QueryValue @Nullable TechnologyField field,
                       @QueryValue @Nullable Region region, @QueryValue @Nullable ChallengeMode mode,
                       @QueryValue @Nullable @Size(max = 36) String owner,
                       @QueryValue @Nullable @PositiveOrZero BigDecimal minBudget,
                       @QueryValue @Nullable @PositiveOrZero BigDecimal maxBudget,
                       @QueryValue @Nullable Instant closesAfter, @QueryValue @Nullable Instant closesBefore,
                       @QueryValue @Nullable @Size(max = 100) String q,
                       @QueryValue(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                       @QueryValue(defaultValue = "20") @Min(1) @Max(100) int size,
                       @Nullable Authentication caller) {
        String agency = Callers.hasRole(caller, "AGENCY") ? Callers.organizationOf(caller) : null;
        ChallengeFilter filter = new ChallengeFilter(!Callers.hasRole(caller, "ADMIN"), agency, status, field, region,
                mode, owner, minBudget, maxBudget, closesAfter, closesBefore, q);
        Page<Challenge> result = queries.board(filter, page, size);
        return new ChallengePage(result.getContent().stream().map(ChallengeSummary::of).toList(), page, size,
                result.getTotalSize());
    }
}
